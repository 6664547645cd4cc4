extension Fq {
    /// self / 2, without a multiplication: adds p when the value is odd (the
    /// sum stays below 2^255, so no limb overflows) and shifts right by one.
    ///
    /// Montgomery form commutes with halving (a·R/2 = (a/2)·R), so the limbs
    /// are halved directly.
    @inlinable @inline(__always)
    public func halved() -> Fq {
        let mask = 0 &- (_l0 & 1)
        let (s0, c0) = _adc(_l0, 0x3c208c16d87cfd47 & mask, 0)
        let (s1, c1) = _adc(_l1, 0x97816a916871ca8d & mask, c0)
        let (s2, c2) = _adc(_l2, 0xb85045b68181585d & mask, c1)
        let (s3, _) = _adc(_l3, 0x30644e72e131a029 & mask, c2)
        return Fq(_m0: (s0 >> 1) | (s1 << 63), (s1 >> 1) | (s2 << 63), (s2 >> 1) | (s3 << 63), s3 >> 1)
    }
}
