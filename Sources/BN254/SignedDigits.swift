import Parallel

/// Scalars cut into signed c-bit digits for Pippenger's method, laid out
/// window-major in one flat `[UInt16]` (gnark-crypto `partitionScalars`).
///
/// Digit j of k is d_j ∈ [−2^(c−1), 2^(c−1)] with k = Σ d_j·2^(c·j): each
/// c-bit slice plus the carry from below is taken as is when below 2^(c−1)
/// and as slice − 2^c (carrying one up) otherwise; the top window never
/// borrows, and `windowCount(c, scalarBits:)` = ⌈(bits + 1)/c⌉ windows leave
/// it room for the final carry (bits = 254 for scalars below r < 2^254, 127
/// for GLV halves). Negative digits subtract the point, so only 2^(c−1)
/// buckets are needed per window.
///
/// Encoding, as in gnark-crypto: 0 for d = 0, d << 1 for d > 0 and
/// ((|d| − 1) << 1) | 1 for d < 0; `bucket(code)` = |d| − 1. It fits 16 bits
/// for c ≤ 16 because positive digits of 2^(c−1) occur only in the top
/// window: for c = 16 that holds at most 2^14 for 254-bit scalars, and below
/// 0.66·2^15 for GLV halves (|k_i| < 0.66·2^127, see `_glvDecompose`).
struct SignedDigits {
    /// Window width c, 1...16.
    let windowBits: Int
    /// Windows per scalar.
    let windowCount: Int
    /// Number of scalars.
    let count: Int
    /// codes[w·count + i] is digit w of scalar i.
    let codes: [UInt16]

    /// Windows needed for c-bit signed digits of scalars below 2^bits: the
    /// top window must leave room for the final carry, so ⌈(bits + 1)/c⌉.
    static func windowCount(_ c: Int, scalarBits bits: Int = 254) -> Int { (bits + c) / c }

    /// The largest |digit| the top window can hold, which bounds its buckets.
    static func topWindowMaxDigit(_ c: Int, scalarBits bits: Int = 254) -> Int {
        let t = bits - c * (windowCount(c, scalarBits: bits) - 1)
        return min(1 << (c - 1), 1 << t)
    }

    /// Wraps codes already laid out window-major.
    init(codes: [UInt16], count: Int, windowBits c: Int, windowCount w: Int) {
        precondition(codes.count == count * w)
        self.windowBits = c
        self.windowCount = w
        self.count = count
        self.codes = codes
    }

    /// Cuts every scalar (254 bits) into digits, in parallel over chunks of scalars.
    init(_ scalars: [Fr], windowBits c: Int) {
        precondition(c >= 1 && c <= 16)
        let n = scalars.count, w = SignedDigits.windowCount(c)
        var codes = [UInt16](repeating: 0, count: n * w)
        codes.withUnsafeMutableBufferPointer { buf in
            let out = SendableBuffer(buf)
            Parallel.forEachChunk(count: n, minChunk: 4096) { _, range in
                scalars.withUnsafeBufferPointer { sc in
                    for i in range {
                        SignedDigits.encode(sc[i].canonicalLimbs, windowBits: c, windowCount: w) { j, code in
                            out[j * n + i] = code
                        }
                    }
                }
            }
        }
        self.init(codes: codes, count: n, windowBits: c, windowCount: w)
    }

    /// Calls `emit(window, code)` for each of the w windows of the scalar with
    /// little-endian limbs l (all windows, zeros included). l must be below
    /// 2^(c·w − 1) so the top window absorbs the last carry.
    @inline(__always)
    static func encode(_ l: (UInt64, UInt64, UInt64, UInt64), windowBits c: Int, windowCount w: Int,
                       _ emit: (Int, UInt16) -> Void) {
        let mask = (UInt64(1) << UInt64(c)) &- 1
        let half = UInt64(1) << UInt64(c - 1)
        var carry: UInt64 = 0
        for j in 0..<w {
            let bit = j * c
            let limb = bit >> 6, shift = UInt64(bit & 63)
            var slice: UInt64 = 0
            if limb < 4 {
                slice = _limb(l, limb) >> shift
                if shift + UInt64(c) > 64 && limb + 1 < 4 {
                    slice |= _limb(l, limb + 1) << (64 - shift)
                }
                slice &= mask
            }
            let d = slice &+ carry
            if d == 0 { emit(j, 0); carry = 0; continue }
            if d < half || j == w - 1 {
                assert(d << 1 <= 0xFFFF, "top digit does not fit the 16-bit code")
                emit(j, UInt16(truncatingIfNeeded: d << 1))
                carry = 0
            } else {
                // d − 2^c < 0: magnitude 2^c − d ∈ [1, 2^(c−1)].
                let m = (mask &+ 1) &- d
                emit(j, m == 0 ? 0 : UInt16(truncatingIfNeeded: ((m &- 1) << 1) | 1))
                carry = 1
            }
        }
    }

    /// The bucket index |d| − 1 of a non-zero code.
    @inline(__always)
    static func bucket(_ code: UInt16) -> Int {
        Int(code >> 1) &- 1 &+ Int(code & 1)
    }

    @inline(__always)
    static func _limb(_ l: (UInt64, UInt64, UInt64, UInt64), _ i: Int) -> UInt64 {
        switch i {
        case 0: return l.0
        case 1: return l.1
        case 2: return l.2
        default: return l.3
        }
    }
}
