/// Signed-digit recodings of scalars for double-and-add loops.
enum ScalarDigits {
    /// The width-w NAF of a non-negative integer given as little-endian 64-bit
    /// limbs, least significant digit first: every non-zero digit is odd,
    /// |d| < 2^(w−1), and any w consecutive digits hold at most one non-zero
    /// (Solinas; Hankerson–Menezes–Vanstone, "Guide to ECC", Alg. 3.35).
    ///
    /// - Parameters:
    ///   - limbs: the scalar, any number of limbs.
    ///   - width: w, between 2 and 7.
    /// - Returns: digits d with Σ dᵢ2ⁱ equal to the scalar; empty for 0.
    static func wnaf(_ limbs: [UInt64], width: Int) -> [Int8] {
        precondition(width >= 2 && width <= 7, "wNAF width out of range")
        var k = limbs + [0]           // room for the carry of negative digits
        let full = UInt64(1) << UInt64(width)
        let half = Int64(1) << Int64(width - 1)
        var out: [Int8] = []
        out.reserveCapacity(64 * limbs.count + 1)
        func isZero() -> Bool { k.allSatisfy { $0 == 0 } }
        while !isZero() {
            var d: Int64 = 0
            if k[0] & 1 == 1 {
                d = Int64(k[0] & (full - 1))
                if d >= half { d -= Int64(full) }
                if d > 0 {
                    k[0] -= UInt64(d)     // the low bits equal d: no borrow
                } else {
                    var carry = UInt64(-d)
                    for i in 0..<k.count where carry != 0 {
                        let (s, o) = k[i].addingReportingOverflow(carry)
                        k[i] = s
                        carry = o ? 1 : 0
                    }
                }
            }
            out.append(Int8(d))
            for i in 0..<k.count {
                k[i] = (k[i] >> 1) | (i + 1 < k.count ? k[i + 1] << 63 : 0)
            }
        }
        return out
    }
}
