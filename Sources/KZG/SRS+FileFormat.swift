import BN254
import Foundation

/// Our own SRS file (`.srs`): a small header and uncompressed points, so
/// loading is a memory map, a copy and a range/curve check per point — no
/// decompression square roots, no conversion into Montgomery form.
///
/// Layout (all integers little-endian), version 1:
///
/// | offset | bytes | field |
/// |---|---|---|
/// | 0 | 4 | magic `zsrs` |
/// | 4 | 4 | version u32 = 1 |
/// | 8 | 4 | flags u32: bit 0 = insecure (τ known to whoever made it); other bits 0 |
/// | 12 | 4 | reserved u32 = 0 |
/// | 16 | 8 | n = number of G1 powers u64, ≥ 1 |
/// | 24 | 128 | [1]₂ |
/// | 152 | 128 | [τ]₂ |
/// | 280 | 64·n | [τ^i]₁ for i = 0 … n − 1 |
///
/// Coordinates are 32-byte little-endian Montgomery form (x·2²⁵⁶ mod p), as
/// in snarkjs `.ptau` files; G1 is x‖y, G2 is x.c0‖x.c1‖y.c0‖y.c1. The file
/// is exactly 280 + 64·n bytes.
extension SRS {
    /// Magic bytes of our format.
    public static let fileMagic = "zsrs"
    /// The format version `write` produces and `load` accepts.
    public static let fileVersion: UInt32 = 1
    static let headerBytes = 280

    /// The text commands print on stderr whenever they use an insecure SRS.
    public static let insecureWarning = """
        WARNING: this SRS is INSECURE (made by `zkrollup srs dev`): its τ is known, so anyone \
        can forge proofs against it. Use it for local development and tests only, never on a \
        network; import a ceremony file with `zkrollup srs import FILE.ptau` instead.
        """

    /// The file bytes of this SRS in our format.
    public func fileBytes() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(SRS.headerBytes + 64 * g1Powers.count)
        out.append(contentsOf: Array(SRS.fileMagic.utf8))
        for word in [SRS.fileVersion, isInsecure ? 1 : 0, 0] as [UInt32] {
            withUnsafeBytes(of: word.littleEndian) { out.append(contentsOf: $0) }
        }
        withUnsafeBytes(of: UInt64(g1Powers.count).littleEndian) { out.append(contentsOf: $0) }
        PointDecoding.append(g2Generator, to: &out)
        PointDecoding.append(g2Tau, to: &out)
        for p in g1Powers { PointDecoding.append(p, to: &out) }
        return out
    }

    /// Writes this SRS in our format (atomically: a half-written file never
    /// replaces an old one).
    public func write(to path: String) throws(SRSError) {
        do {
            try Data(fileBytes()).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .unreadable(path: path, reason: "cannot write: \((error as NSError).localizedDescription)")
        }
    }

    /// Loads an SRS written by `write(to:)`.
    /// - Parameters:
    ///   - path: the `.srs` file.
    ///   - check: also run the pairing consistency check `verify()` (points
    ///     are always range- and curve-checked, G2 also subgroup-checked, and
    ///     the generators compared).
    public static func load(from path: String, check: Bool = false) throws(SRSError) -> SRS {
        try load(readFile(path), check: check)
    }

    /// Loads an SRS from the bytes of our format; see `load(from:check:)`.
    public static func load(_ data: Data, check: Bool = false) throws(SRSError) -> SRS {
        let srs: SRS = try withBytes(data) { (b: UnsafeRawBufferPointer) throws(SRSError) -> SRS in
            let size = UInt64(b.count)
            guard b.count >= 4 else { throw .truncated(what: "SRS header", needed: UInt64(headerBytes), available: size) }
            let magic = Array(b[0..<4])
            guard magic == Array(fileMagic.utf8) else { throw .badMagic(expected: fileMagic, found: magic) }
            guard b.count >= headerBytes else {
                throw .truncated(what: "SRS header", needed: UInt64(headerBytes), available: size)
            }
            let version = PointDecoding.u32(b, 4)
            guard version == fileVersion else { throw .unsupportedVersion(format: "zsrs", version: version) }
            let flags = PointDecoding.u32(b, 8)
            guard flags & ~1 == 0 else { throw .badHeader("unknown flags 0x\(String(flags, radix: 16))") }
            guard PointDecoding.u32(b, 12) == 0 else { throw .badHeader("reserved field is not zero") }
            let n = PointDecoding.u64(b, 16)
            guard n >= 1 && n <= UInt64(1 << 32) else { throw .badHeader("power count \(n) out of range") }
            let needed = UInt64(headerBytes) + 64 * n
            guard size >= needed else { throw .truncated(what: "G1 powers", needed: needed, available: size) }
            guard size == needed else { throw .badHeader("\(size - needed) trailing bytes after \(n) powers") }
            let (g2g, f0) = PointDecoding.g2(b, 24)
            if f0 != .none { throw PointDecoding.error(f0, section: "tauG2", index: 0) }
            let (g2t, f1) = PointDecoding.g2(b, 152)
            if f1 != .none { throw PointDecoding.error(f1, section: "tauG2", index: 1) }
            let g1 = try PointDecoding.g1Points(b, offset: headerBytes, count: Int(n), section: "tauG1")
            return SRS(g1Powers: g1, g2Generator: g2g, g2Tau: g2t, isInsecure: flags & 1 == 1)
        }
        if check { try srs.verify() } else { try srs.verifyGenerators() }
        return srs
    }
}
