/// Halving and the one-pass multiplication by 9 for the extension tower,
/// on the 128-bit halves the generated fields provide.
///
/// The generated `Fq` adds and subtracts on two `UInt128` halves (one add/adc
/// chain and cmovs); the underscored spellings below are what the tower code
/// calls. All inputs and outputs are fully reduced (< p).
extension Fq {
    /// self + y (the generated `+`; kept as the tower's spelling).
    @inlinable @inline(__always)
    internal func _plus(_ y: Fq) -> Fq { self + y }

    /// self − y.
    @inlinable @inline(__always)
    internal func _minus(_ y: Fq) -> Fq { self - y }

    /// 2·self.
    @inlinable @inline(__always)
    internal func _doubled() -> Fq { double() }

    /// −self.
    @inlinable @inline(__always)
    internal func _negated() -> Fq { -self }

    /// self / 2, without a multiplication: adds p when the value is odd (the
    /// sum stays below 2^255) and shifts right by one. Montgomery form
    /// commutes with halving (a·R/2 = (a/2)·R), so the limbs are halved directly.
    @inlinable @inline(__always)
    public func halved() -> Fq {
        let odd = (_l0 & 1) == 1
        let (sl, c) = _lowHalf.addingReportingOverflow(odd ? Fq._pLo : 0)
        let sh = _highHalf &+ (odd ? Fq._pHi : 0) &+ (c ? 1 : 0)
        return Fq(_low: (sl &>> 1) | (sh &<< 127), _high: sh &>> 1)
    }

    /// (9·x + z) mod p for x < p and z ≤ p, in one pass: the multiplication
    /// by ξ = 9 + u needs 9a0 − a1 = 9a0 + (p − a1) and 9a1 + a0, which would
    /// otherwise take three doublings and two additions each.
    ///
    /// t = 9x + z < 10p < 2^258. The quotient estimate q = ⌊⌊t/2^250⌋·2^250/p⌋
    /// (a multiply-shift by ⌊2^282/p⌋, exact for the 7-bit numerators here)
    /// is ⌊t/p⌋ or one less, so t − q·p < 2p; that difference is computed
    /// modulo 2^256, where it fits, and reduced once.
    @inlinable @inline(__always)
    internal static func _nineTimesPlus(_ x: Fq, zLow: UInt128, zHigh: UInt128) -> Fq {
        let xl = x._lowHalf, xh = x._highHalf
        // 8x + x, keeping the bits above 2^256 in `top`.
        let (l, c0) = (xl &<< 3).addingReportingOverflow(xl)
        let (h0, c1) = ((xh &<< 3) | (xl &>> 125)).addingReportingOverflow(xh)
        let (h1, c2) = h0.addingReportingOverflow(c0 ? 1 : 0)
        // + z
        let (l2, c3) = l.addingReportingOverflow(zLow)
        let (h2, c4) = h1.addingReportingOverflow(zHigh)
        let (h3, c5) = h2.addingReportingOverflow(c3 ? 1 : 0)
        let top = UInt64(truncatingIfNeeded: xh &>> 125) &+ (c1 ? 1 : 0) &+ (c2 ? 1 : 0)
            &+ (c4 ? 1 : 0) &+ (c5 ? 1 : 0)
        let numerator = (top &<< 6) | UInt64(truncatingIfNeeded: h3 &>> 122)
        let q = (numerator &* 0x15291d18) &>> 32
        // q·p mod 2^256 from the four limb products.
        let m0 = UInt128(0x3c208c16d87cfd47 as UInt64) &* UInt128(q)
        let m1 = UInt128(0x97816a916871ca8d as UInt64) &* UInt128(q)
        let m2 = UInt128(0xb85045b68181585d as UInt64) &* UInt128(q)
        let m3 = UInt128(0x30644e72e131a029 as UInt64) &* UInt128(q)
        let (qpl, c6) = m0.addingReportingOverflow(m1 &<< 64)
        let qph = m2 &+ (m3 &<< 64) &+ (m1 &>> 64) &+ (c6 ? 1 : 0)
        let (rl, b) = l2.subtractingReportingOverflow(qpl)
        let rh = h3 &- qph &- (b ? 1 : 0)
        return Fq._reduceOnce128(lo: rl, hi: rh)
    }
}
