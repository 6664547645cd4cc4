import BN254
import Parallel

/// Little-endian readers and the Montgomery-form point codec shared by the
/// `.ptau` importer and our own `.srs` format.
///
/// Both formats store a coordinate as its Montgomery representation
/// x·R mod p (R = 2²⁵⁶) in 32 little-endian bytes, which is exactly our
/// `Fq`'s limb layout: decoding is a copy plus a range check, no
/// multiplication. A G1 point is x‖y (64 bytes); a G2 point is
/// x.c0‖x.c1‖y.c0‖y.c1 (128 bytes).
enum PointDecoding {
    /// Reasons a stored point is rejected, before the section/index is attached.
    enum Failure: UInt8 { case none = 0, notInField, notOnCurve, infinity, notInSubgroup }

    @inline(__always)
    static func u32(_ b: UnsafeRawBufferPointer, _ offset: Int) -> UInt32 {
        UInt32(littleEndian: b.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    @inline(__always)
    static func u64(_ b: UnsafeRawBufferPointer, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: b.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// The four 64-bit little-endian limbs at `offset`.
    @inline(__always)
    static func limbs(_ b: UnsafeRawBufferPointer, _ offset: Int) -> (UInt64, UInt64, UInt64, UInt64) {
        (u64(b, offset), u64(b, offset + 8), u64(b, offset + 16), u64(b, offset + 24))
    }

    /// A Montgomery-form coordinate, or nil when its limbs are ≥ p.
    @inline(__always)
    static func fq(_ b: UnsafeRawBufferPointer, _ offset: Int) -> Fq? {
        Fq(montgomeryLimbs: limbs(b, offset))
    }

    /// Decodes one G1 point; (0, 0) is reported as infinity (never valid in an SRS).
    @inline(__always)
    static func g1(_ b: UnsafeRawBufferPointer, _ offset: Int) -> (G1Affine, Failure) {
        guard let x = fq(b, offset), let y = fq(b, offset + 32) else { return (.infinity, .notInField) }
        if x.isZero && y.isZero { return (.infinity, .infinity) }
        let p = G1Affine(x: x, y: y)
        return p.isOnCurve ? (p, .none) : (p, .notOnCurve)
    }

    /// Decodes one G2 point and checks twist membership and the subgroup.
    static func g2(_ b: UnsafeRawBufferPointer, _ offset: Int) -> (G2Affine, Failure) {
        guard let x0 = fq(b, offset), let x1 = fq(b, offset + 32),
              let y0 = fq(b, offset + 64), let y1 = fq(b, offset + 96) else { return (.infinity, .notInField) }
        let x = Fq2(c0: x0, c1: x1), y = Fq2(c0: y0, c1: y1)
        if x.isZero && y.isZero { return (.infinity, .infinity) }
        let p = G2Affine(x: x, y: y)
        guard p.isOnCurve else { return (p, .notOnCurve) }
        guard p.isInSubgroup else { return (p, .notInSubgroup) }
        return (p, .none)
    }

    /// Maps a failure at (section, index) to its typed error.
    static func error(_ f: Failure, section: String, index: Int) -> SRSError {
        switch f {
        case .notInField: return .coordinateNotInField(section: section, index: index)
        case .notOnCurve, .none: return .pointNotOnCurve(section: section, index: index)
        case .infinity: return .pointAtInfinity(section: section, index: index)
        case .notInSubgroup: return .pointNotInSubgroup(section: section, index: index)
        }
    }

    /// Decodes `count` consecutive G1 points starting at `offset` in parallel,
    /// checking each is a finite point on the curve (G1 has cofactor 1, so that
    /// is subgroup membership too).
    /// - Throws: the error of the lowest failing index, so the message does not
    ///   depend on the thread count.
    static func g1Points(_ bytes: UnsafeRawBufferPointer, offset: Int, count: Int,
                         section: String) throws(SRSError) -> [G1Affine] {
        var out = [G1Affine](repeating: .infinity, count: count)
        let chunks = Parallel.chunkCount(count: count, minChunk: 2048)
        var firstBad = [Int](repeating: Int.max, count: chunks)
        var kinds = [Failure](repeating: .none, count: chunks)
        let src = SendableBuffer(UnsafeMutableBufferPointer(
            mutating: bytes.assumingMemoryBound(to: UInt8.self)))
        out.withUnsafeMutableBufferPointer { outBuf in
            firstBad.withUnsafeMutableBufferPointer { badBuf in
                kinds.withUnsafeMutableBufferPointer { kindBuf in
                    let o = SendableBuffer(outBuf), bad = SendableBuffer(badBuf), kind = SendableBuffer(kindBuf)
                    Parallel.forEachChunk(count: count, minChunk: 2048) { c, range in
                        let raw = UnsafeRawBufferPointer(src.buffer)
                        for i in range {
                            let (p, f) = g1(raw, offset + 64 * i)
                            if f != .none { bad[c] = i; kind[c] = f; return }
                            o[i] = p
                        }
                    }
                }
            }
        }
        var worst = Int.max, worstKind = Failure.none
        for c in 0..<chunks where firstBad[c] < worst { worst = firstBad[c]; worstKind = kinds[c] }
        if worst != Int.max { throw error(worstKind, section: section, index: worst) }
        return out
    }

    /// Appends a coordinate's Montgomery limbs, little-endian.
    @inline(__always)
    static func append(_ x: Fq, to out: inout [UInt8]) {
        let l = x.montgomeryLimbs
        for limb in [l.0, l.1, l.2, l.3] {
            withUnsafeBytes(of: limb.littleEndian) { out.append(contentsOf: $0) }
        }
    }

    static func append(_ p: G1Affine, to out: inout [UInt8]) {
        append(p.x, to: &out); append(p.y, to: &out)
    }

    static func append(_ p: G2Affine, to out: inout [UInt8]) {
        append(p.x.c0, to: &out); append(p.x.c1, to: &out)
        append(p.y.c0, to: &out); append(p.y.c1, to: &out)
    }
}
