import BN254
import Parallel

extension Domain {
    /// Permutes `values` in place so that index i moves to bitrev(i), the
    /// reversal of i's log₂(count) bits; applying it twice is the identity.
    ///
    /// `forwardNTT(_:outputOrder: .bitReversed)` leaves its output in this
    /// order and `inverseNTT(_:inputOrder: .bitReversed)` expects it.
    /// - Parameter values: a power-of-two number of elements.
    public static func bitReverse(_ values: UnsafeMutableBufferPointer<Fr>) {
        let n = values.count
        precondition(n > 0 && n & (n - 1) == 0, "bit reversal needs a power-of-two count")
        _bitReverse(values, logCount: n.trailingZeroBitCount)
    }

    /// Permutes `values` in place into bit-reversed index order (see the
    /// buffer overload).
    /// - Parameter values: a power-of-two number of elements.
    public static func bitReverse(_ values: inout [Fr]) {
        values.withUnsafeMutableBufferPointer { bitReverse($0) }
    }

    /// Bits of the row and column indices of a tile in `_bitReverse`.
    static let _tileBits = 4

    /// The swap pass, tiled for the cache (in the manner of Carter and Gatlin,
    /// "Towards an optimal bit-reversal permutation program", FOCS 1998): an
    /// index splits into (high: t bits, middle, low: t bits), and bitrev maps
    /// (h, m, l) to (bitrev(l), bitrev(m), bitrev(h)). For each middle value
    /// m ≤ bitrev(m), the 2ᵗ × 2ᵗ tile {(h, m, l)} swaps with the tile
    /// {(·, bitrev(m), ·)}: rows of 2ᵗ consecutive elements on both sides, all
    /// in L1. Tasks take disjoint sets of middle values, so threads never
    /// write the same cache line.
    static func _bitReverse(_ values: UnsafeMutableBufferPointer<Fr>, logCount: Int) {
        if logCount < 2 { return }
        let t = _tileBits
        if logCount < 2 * t + 1 {
            let shift = UInt64(64 - logCount), a = values.baseAddress!
            for i in 0..<(1 << logCount) {
                let r = Int(truncatingIfNeeded: _reverseBits(UInt64(truncatingIfNeeded: i)) &>> shift)
                if i < r { swap(&a[i], &a[r]) }
            }
            return
        }
        let n = 1 << logCount, side = 1 << t
        let midBits = logCount - 2 * t, rowShift = logCount - t
        let midShift = UInt64(64 - midBits), tileShift = UInt64(64 - t)
        let buf = SendableBuffer(values)
        let middles = 1 << midBits
        let parallel = n >= Domain.parallelThreshold && Parallel.threadCount > 1
        _NTTKernel.chunked(middles, parallel) { range in
            let a = buf.buffer.baseAddress!
            for m in range {
                let m2 = Int(truncatingIfNeeded: _reverseBits(UInt64(m)) &>> midShift)
                if m > m2 { continue }
                for h in 0..<side {
                    let rh = Int(truncatingIfNeeded: _reverseBits(UInt64(h)) &>> tileShift)
                    let row = a + (h << rowShift) + (m << t)
                    let partner = a + (m2 << t) + rh
                    for l in 0..<side {
                        let rl = Int(truncatingIfNeeded: _reverseBits(UInt64(l)) &>> tileShift)
                        let j = partner + (rl << rowShift)
                        if m == m2 && row + l >= j { continue }
                        swap(&row[l], &j.pointee)
                    }
                }
            }
        }
    }
}

/// x with its 64 bits in reverse order.
@inline(__always)
func _reverseBits(_ x: UInt64) -> UInt64 {
    var v = x
    v = ((v &>> 1) & 0x5555_5555_5555_5555) | ((v & 0x5555_5555_5555_5555) &<< 1)
    v = ((v &>> 2) & 0x3333_3333_3333_3333) | ((v & 0x3333_3333_3333_3333) &<< 2)
    v = ((v &>> 4) & 0x0F0F_0F0F_0F0F_0F0F) | ((v & 0x0F0F_0F0F_0F0F_0F0F) &<< 4)
    return v.byteSwapped
}
