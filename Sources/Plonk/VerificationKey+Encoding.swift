import BN254
import Polynomials

/// VK binary format, version 1 (all integers big-endian):
///
/// | bytes | field |
/// |---|---|
/// | 4 | magic "PVK1" |
/// | 1 | version = 1 |
/// | 1 | log₂ n |
/// | 4 | ℓ (public inputs) |
/// | 32 | ω |
/// | 32, 32 | k1, k2 |
/// | 128 | [τ]₂ (EIP-197 order) |
/// | 2 | gate count G; then per gate: 2-byte name length, UTF-8 name, 2-byte column count, 2-byte constraint count |
/// | 2 | commitment count C; then C × 64-byte G1 points (x‖y, infinity = zeros) |
///
/// Decoding is strict: magic, version, lengths, ω and k1, k2 must be the
/// expected values, points must be canonical and on their curves, gates must
/// resolve by name in the given registry with matching counts, no trailing bytes.
extension VerificationKey {
    /// The binary encoding (hashed into `hash`).
    public var binaryEncoding: [UInt8] {
        VerificationKey.encode(logSize: logSize, publicInputCount: publicInputCount, omega: omega, g2Tau: g2Tau,
                               gates: gates, commitments: fixedCommitments)
    }

    static let magic: [UInt8] = Array("PVK1".utf8)
    /// The VK format version.
    public static let formatVersion: UInt8 = 1

    static func encode(logSize: Int, publicInputCount: Int, omega: Fr, g2Tau: G2Affine, gates: [any CustomGate], commitments: [G1Affine]) -> [UInt8] {
        var out = magic
        out.append(formatVersion)
        out.append(UInt8(logSize))
        out += be32(publicInputCount)
        out += omega.bigEndianBytes
        out += PlonkConstants.k1.bigEndianBytes
        out += PlonkConstants.k2.bigEndianBytes
        out += g2Tau.eip197Bytes
        out += be16(gates.count)
        for g in gates {
            let name = Array(g.name.utf8)
            out += be16(name.count); out += name
            out += be16(g.fixedColumnCount); out += be16(g.constraintCount)
        }
        out += be16(commitments.count)
        for c in commitments { out += c.precompileBytes }
        return out
    }

    /// Decodes a binary VK.
    /// - Parameters:
    ///   - bytes: the encoding.
    ///   - gates: the custom gates the verifier knows; each name in the key must be here.
    /// - Throws: `PlonkEncodingError` naming the first problem.
    public init(binary bytes: [UInt8], gates registry: [any CustomGate]) throws(PlonkEncodingError) {
        var r = ByteReader(bytes)
        guard try r.take(4) == VerificationKey.magic else { throw .badMagic }
        let version = try r.take(1)[0]
        guard version == VerificationKey.formatVersion else { throw .unsupportedVersion(Int(version)) }
        let logSize = Int(try r.take(1)[0])
        guard logSize >= 4, logSize <= 26 else { throw .invalidValue("log size \(logSize)") }
        let l = try r.u32()
        guard let omega = Fr(bigEndianBytes: try r.take(32)), let k1 = Fr(bigEndianBytes: try r.take(32)),
              let k2 = Fr(bigEndianBytes: try r.take(32)) else { throw .scalarNotCanonical(field: "vk scalar") }
        guard omega == Domain(logSize: logSize, twiddles: .onTheFly)!.generator else { throw .invalidValue("ω is not the domain generator") }
        guard k1 == PlonkConstants.k1, k2 == PlonkConstants.k2 else { throw .invalidValue("k1/k2") }
        let g2Bytes = try r.take(128)
        let g2: G2Affine
        do { g2 = try G2Affine(eip197Bytes: g2Bytes) } catch { throw .invalidPoint(field: "[τ]₂", error) }
        let gateCount = try r.u16()
        var gates = [any CustomGate]()
        for _ in 0..<gateCount {
            let len = try r.u16()
            guard let name = String(validating: try r.take(len), as: UTF8.self) else { throw .invalidValue("gate name") }
            let f = try r.u16(), k = try r.u16()
            guard let g = registry.first(where: { $0.name == name }) else { throw .unknownGate(name) }
            guard g.fixedColumnCount == f, g.constraintCount == k else { throw .invalidValue("gate \(name) shape") }
            gates.append(g)
        }
        let expected = CompiledCircuit.builtinFixedColumnCount + gates.reduce(0) { $0 + $1.fixedColumnCount }
        let count = try r.u16()
        guard count == expected else { throw .invalidValue("\(count) commitments, expected \(expected)") }
        var commitments = [G1Affine]()
        for i in 0..<count { commitments.append(try r.point("fixed commitment \(i)")) }
        guard r.isAtEnd else { throw .wrongLength(expected: r.offset, got: bytes.count) }
        self.init(logSize: logSize, publicInputCount: l, g2Tau: g2, gates: gates, fixedCommitments: commitments)
    }
}

func be16(_ x: Int) -> [UInt8] { [UInt8(truncatingIfNeeded: x >> 8), UInt8(truncatingIfNeeded: x)] }
func be32(_ x: Int) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: x >> (24 - 8 * $0)) } }

/// A bounds-checked reader for strict decoding.
struct ByteReader {
    let bytes: [UInt8]
    var offset = 0
    init(_ bytes: [UInt8]) { self.bytes = bytes }
    var isAtEnd: Bool { offset == bytes.count }
    mutating func take(_ k: Int) throws(PlonkEncodingError) -> [UInt8] {
        guard k >= 0, offset + k <= bytes.count else { throw .truncated }
        defer { offset += k }
        return Array(bytes[offset..<(offset + k)])
    }
    mutating func u16() throws(PlonkEncodingError) -> Int { let b = try take(2); return Int(b[0]) << 8 | Int(b[1]) }
    mutating func u32() throws(PlonkEncodingError) -> Int { let b = try take(4); return b.reduce(0) { $0 << 8 | Int($1) } }
    mutating func scalar(_ field: String) throws(PlonkEncodingError) -> Fr {
        guard let x = Fr(bigEndianBytes: try take(32)) else { throw .scalarNotCanonical(field: field) }
        return x
    }
    mutating func point(_ field: String) throws(PlonkEncodingError) -> G1Affine {
        let b = try take(64)
        do { return try G1Affine(precompileBytes: b) } catch { throw .invalidPoint(field: field, error) }
    }
}
