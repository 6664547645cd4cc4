import BN254
import Foundation

/// The facts of a snarkjs `.ptau` header (section 1).
public struct PtauHeader: Sendable, Equatable {
    /// Format version from the file header (1 for every snarkjs release so far).
    public let version: UInt32
    /// log₂ of the number of G2 powers: tauG1 holds 2·2^power − 1 points, tauG2 2^power.
    public let power: Int
    /// The power of the ceremony the file was cut from (≥ power).
    public let ceremonyPower: Int
    /// Section ids present, in file order.
    public let sectionIDs: [UInt32]

    /// Number of points in section 2 (tauG1).
    public var tauG1Count: Int { (1 << (power + 1)) - 1 }
    /// Number of points in section 3 (tauG2).
    public var tauG2Count: Int { 1 << power }
}

/// Import of snarkjs phase-1 (“powers of tau”) files.
///
/// Layout, as written by snarkjs (`binfileutils.createBinFile`,
/// `powersoftau_utils.writePTauHeader`): magic `ptau`, version u32, section
/// count u32, then sections, each id u32, size u64, body. Section 1: n8 u32
/// (bytes per base-field element), q (n8 bytes little-endian), power u32,
/// ceremonyPower u32. Section 2: 2^(power+1) − 1 G1 points [τ^i]₁; section 3:
/// 2^power G2 points [τ^i]₂; 4–7 (alpha/beta powers, contributions) are not
/// needed for KZG and are not read. Points are affine, coordinates in
/// little-endian Montgomery form (G1 x‖y, G2 x.c0‖x.c1‖y.c0‖y.c1). All
/// integers are little-endian.
extension SRS {
    /// Reads a `.ptau` file (memory-mapped, so only the pages of the sections
    /// used are read from disk) and imports it; see `importPtau(_:maxPowers:check:)`.
    public static func importPtau(path: String, maxPowers: Int? = nil, check: Bool = true) throws(SRSError) -> SRS {
        try importPtau(try readFile(path), maxPowers: maxPowers, check: check)
    }

    /// Imports the G1 powers [τ^0..n−1]₁ and [1]₂, [τ]₂ of a snarkjs `.ptau` file.
    ///
    /// - Parameters:
    ///   - data: the whole file.
    ///   - maxPowers: n, the number of G1 powers to keep; default 2^power. At most
    ///     the 2^(power+1) − 1 powers the file holds, at least 1.
    ///   - check: run `verify()` (pairing consistency; a few MSMs of n points).
    ///     Points are always checked to be on the curve (G2 also in the subgroup).
    /// - Throws: `SRSError` naming the section and point index of the first problem.
    public static func importPtau(_ data: Data, maxPowers: Int? = nil, check: Bool = true) throws(SRSError) -> SRS {
        let srs: SRS = try withBytes(data) { (raw: UnsafeRawBufferPointer) throws(SRSError) -> SRS in
            let layout = try PtauLayout.parse(raw)
            let available = layout.header.tauG1Count
            let n = maxPowers ?? (1 << layout.header.power)
            guard n >= 1 && n <= available else { throw .tooFewPowers(requested: n, available: available) }
            let g1 = try PointDecoding.g1Points(raw, offset: layout.tauG1Offset, count: n, section: "tauG1")
            let (g2g, f0) = PointDecoding.g2(raw, layout.tauG2Offset)
            if f0 != .none { throw PointDecoding.error(f0, section: "tauG2", index: 0) }
            let (g2t, f1) = PointDecoding.g2(raw, layout.tauG2Offset + 128)
            if f1 != .none { throw PointDecoding.error(f1, section: "tauG2", index: 1) }
            return SRS(g1Powers: g1, g2Generator: g2g, g2Tau: g2t, isInsecure: false)
        }
        if check { try srs.verify() } else { try srs.verifyGenerators() }
        return srs
    }

    /// Parses only the header and section table of a `.ptau` file.
    public static func ptauHeader(_ data: Data) throws(SRSError) -> PtauHeader {
        try withBytes(data) { (raw: UnsafeRawBufferPointer) throws(SRSError) -> PtauHeader in
            try PtauLayout.parse(raw).header
        }
    }

    /// `data.withUnsafeBytes` for a body with typed throws.
    static func withBytes<T>(_ data: Data, _ body: (UnsafeRawBufferPointer) throws(SRSError) -> T) throws(SRSError) -> T {
        let result: Result<T, SRSError> = data.withUnsafeBytes { raw in
            Result { () throws(SRSError) -> T in try body(raw) }
        }
        return try result.get()
    }

    /// Reads a file memory-mapped, mapping Foundation's errors to `SRSError.unreadable`.
    public static func readFile(_ path: String) throws(SRSError) -> Data {
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        } catch {
            throw .unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
    }
}

/// Where the sections of a `.ptau` file lie, after the header and section
/// table have been checked.
struct PtauLayout {
    let header: PtauHeader
    let tauG1Offset: Int
    let tauG2Offset: Int

    /// Largest power accepted: the biggest public ceremony (Hermez) is 2^28.
    static let maxPower = 28

    static func parse(_ b: UnsafeRawBufferPointer) throws(SRSError) -> PtauLayout {
        let size = UInt64(b.count)
        guard b.count >= 12 else { throw .truncated(what: "file header", needed: 12, available: size) }
        let magic = Array(b[0..<4])
        guard magic == Array("ptau".utf8) else { throw .badMagic(expected: "ptau", found: magic) }
        let version = PointDecoding.u32(b, 4)
        guard version == 1 else { throw .unsupportedVersion(format: "ptau", version: version) }
        let sectionCount = PointDecoding.u32(b, 8)

        // Section table: (id, body offset, body size) in file order.
        var sections: [(id: UInt32, offset: Int, size: UInt64)] = []
        var pos: UInt64 = 12
        for _ in 0..<sectionCount {
            guard size - pos >= 12 else {
                throw .truncated(what: "section header #\(sections.count + 1)", needed: pos + 12, available: size)
            }
            let id = PointDecoding.u32(b, Int(pos))
            let len = PointDecoding.u64(b, Int(pos) + 4)
            pos += 12
            guard len <= size - pos else {
                throw .truncated(what: "section \(id) (\(PtauSection.name(id)))",
                                 needed: pos.addingReportingOverflow(len).partialValue, available: size)
            }
            sections.append((id, Int(pos), len))
            pos += len
        }
        func unique(_ id: UInt32) throws(SRSError) -> (offset: Int, size: UInt64) {
            let found = sections.filter { $0.id == id }
            guard let s = found.first else { throw .missingSection(id: id) }
            guard found.count == 1 else { throw .duplicateSection(id: id) }
            return (s.offset, s.size)
        }

        // Section 1: n8, q, power, ceremonyPower.
        let h = try unique(PtauSection.header)
        guard h.size >= 4 else { throw .sectionSize(id: 1, expected: 44, found: h.size) }
        let n8 = PointDecoding.u32(b, h.offset)
        guard n8 == 32 else {
            throw .wrongCurve(elementBytes: n8, modulusHex: h.size >= 4 + UInt64(n8) && n8 <= 128
                ? hexLE(b, h.offset + 4, Int(n8)) : "?")
        }
        guard h.size == 44 else { throw .sectionSize(id: 1, expected: 44, found: h.size) }
        guard PointDecoding.limbs(b, h.offset + 4) == Fq.modulusLimbs else {
            throw .wrongCurve(elementBytes: n8, modulusHex: hexLE(b, h.offset + 4, 32))
        }
        let power = PointDecoding.u32(b, h.offset + 36)
        let ceremonyPower = PointDecoding.u32(b, h.offset + 40)
        guard power >= 1 && power <= UInt32(maxPower) else { throw .unsupportedPower(power) }

        let header = PtauHeader(version: version, power: Int(power), ceremonyPower: Int(ceremonyPower),
                                sectionIDs: sections.map(\.id))
        let g1 = try unique(PtauSection.tauG1)
        let g1Bytes = UInt64(header.tauG1Count) * 64
        guard g1.size == g1Bytes else { throw .sectionSize(id: 2, expected: g1Bytes, found: g1.size) }
        let g2 = try unique(PtauSection.tauG2)
        let g2Bytes = UInt64(header.tauG2Count) * 128
        guard g2.size == g2Bytes else { throw .sectionSize(id: 3, expected: g2Bytes, found: g2.size) }
        return PtauLayout(header: header, tauG1Offset: g1.offset, tauG2Offset: g2.offset)
    }

    /// A little-endian integer of `count` bytes as 0x-hex (for messages).
    static func hexLE(_ b: UnsafeRawBufferPointer, _ offset: Int, _ count: Int) -> String {
        guard offset + count <= b.count else { return "?" }
        let digits = (0..<count).reversed().map { String(format: "%02x", b[offset + $0]) }.joined()
        let trimmed = digits.drop { $0 == "0" }
        return "0x" + (trimmed.isEmpty ? "0" : String(trimmed))
    }
}
