// Division and modular operations (DIV, MOD, SDIV, SMOD, ADDMOD, MULMOD).
// Multi-limb division is Knuth's Algorithm D (TAOCP vol. 2, §4.3.1) with 64-bit
// digits; the quotient digit estimate uses one 128-by-64 division.

extension UInt256 {
    /// Remainder of the little-endian number `u[0..<m]` divided by `v` (non-zero), with the quotient
    /// written to `q[0..<m]` when `q` is non-nil. `u` is clobbered; it needs room for `m + 1` limbs.
    @usableFromInline
    internal static func _divide(_ u: UnsafeMutablePointer<UInt64>, _ m: Int, by v: UInt256,
                                 quotient q: UnsafeMutablePointer<UInt64>?) -> UInt256 {
        var n = 4
        while n > 0 && v[limb: n - 1] == 0 { n -= 1 }
        precondition(n > 0, "division by zero")
        var ulen = m
        while ulen > 0 && u[ulen - 1] == 0 { ulen -= 1 }
        if let q { for i in 0..<m { q[i] = 0 } }
        if ulen < n { // u < v
            var r = UInt256.zero
            for i in 0..<ulen { r[limb: i] = u[i] }
            return r
        }
        if n == 1 {
            let d = v._l0
            var rem: UInt64 = 0
            var i = ulen - 1
            while i >= 0 {
                let (qd, r) = d.dividingFullWidth((rem, u[i]))
                q?[i] = qd
                rem = r
                i -= 1
            }
            return UInt256(rem)
        }
        // Normalise so the top divisor limb has its high bit set.
        let s = UInt64(v[limb: n - 1].leadingZeroBitCount)
        var vn = UInt256.zero
        for i in stride(from: n - 1, through: 0, by: -1) {
            var x = v[limb: i] << s
            if s != 0 && i > 0 { x |= v[limb: i - 1] >> (64 - s) }
            vn[limb: i] = x
        }
        u[ulen] = s == 0 ? 0 : u[ulen - 1] >> (64 - s)
        for i in stride(from: ulen - 1, through: 0, by: -1) {
            var x = u[i] << s
            if s != 0 && i > 0 { x |= u[i - 1] >> (64 - s) }
            u[i] = x
        }
        let vTop = UInt128(vn[limb: n - 1]), vNext = UInt128(vn[limb: n - 2])
        let base = UInt128(1) << 64
        for j in stride(from: ulen - n, through: 0, by: -1) {
            let num = (UInt128(u[j + n]) << 64) | UInt128(u[j + n - 1])
            var qhat = num / vTop
            var rhat = num &- qhat &* vTop
            while qhat >= base || qhat &* vNext > ((rhat << 64) | UInt128(u[j + n - 2])) {
                qhat &-= 1
                rhat &+= vTop
                if rhat >= base { break }
            }
            // u[j...j+n] -= qhat * vn
            let qd = UInt64(truncatingIfNeeded: qhat)
            var carry: UInt64 = 0
            var borrow: UInt64 = 0
            for i in 0..<n {
                let p = UInt128(qd) &* UInt128(vn[limb: i]) &+ UInt128(carry)
                carry = UInt64(truncatingIfNeeded: p >> 64)
                let d = UInt128(u[i + j]) &- UInt128(UInt64(truncatingIfNeeded: p)) &- UInt128(borrow)
                u[i + j] = UInt64(truncatingIfNeeded: d)
                borrow = UInt64(truncatingIfNeeded: d >> 127)
            }
            let d = UInt128(u[j + n]) &- UInt128(carry) &- UInt128(borrow)
            u[j + n] = UInt64(truncatingIfNeeded: d)
            var qFinal = qd
            if (d >> 127) != 0 { // qhat was one too large: add back
                qFinal &-= 1
                var c: UInt64 = 0
                for i in 0..<n {
                    let t = UInt128(u[i + j]) &+ UInt128(vn[limb: i]) &+ UInt128(c)
                    u[i + j] = UInt64(truncatingIfNeeded: t)
                    c = UInt64(truncatingIfNeeded: t >> 64)
                }
                u[j + n] &+= c
            }
            q?[j] = qFinal
        }
        // Remainder: u[0..<n] >> s
        var r = UInt256.zero
        for i in 0..<n {
            var x = u[i] >> s
            if s != 0 { x |= u[i + 1] << (64 - s) }
            r[limb: i] = x
        }
        return r
    }

    /// Quotient and remainder; both zero when `divisor` is zero (the EVM's convention).
    @inlinable
    public func quotientAndRemainder(dividingBy divisor: UInt256) -> (quotient: UInt256, remainder: UInt256) {
        if divisor.isZero { return (.zero, .zero) }
        if self < divisor { return (.zero, self) }
        if fitsInUInt64 { // both fit: divisor <= self
            return (UInt256(_l0 / divisor._l0), UInt256(_l0 % divisor._l0))
        }
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 10) { buf in
            let u = buf.baseAddress!, q = u + 5
            u[0] = _l0; u[1] = _l1; u[2] = _l2; u[3] = _l3; u[4] = 0
            let r = UInt256._divide(u, 4, by: divisor, quotient: q)
            return (UInt256(q[0], q[1], q[2], q[3]), r)
        }
    }

    /// Unsigned quotient, 0 when dividing by zero (DIV).
    @inlinable
    public static func / (a: UInt256, b: UInt256) -> UInt256 { a.quotientAndRemainder(dividingBy: b).quotient }

    /// Unsigned remainder, 0 when dividing by zero (MOD).
    @inlinable
    public static func % (a: UInt256, b: UInt256) -> UInt256 { a.quotientAndRemainder(dividingBy: b).remainder }

    /// Signed quotient truncated toward zero; 0 for a zero divisor; −2^255 / −1 = −2^255 (SDIV).
    @inlinable
    public func signedDivided(by b: UInt256) -> UInt256 {
        if b.isZero { return .zero }
        let an = isNegative, bn = b.isNegative
        let q = (an ? negated : self) / (bn ? b.negated : b)
        return an != bn ? q.negated : q
    }

    /// Signed remainder with the dividend's sign; 0 for a zero divisor (SMOD).
    @inlinable
    public func signedRemainder(dividingBy b: UInt256) -> UInt256 {
        if b.isZero { return .zero }
        let an = isNegative
        let r = (an ? negated : self) % (b.isNegative ? b.negated : b)
        return an ? r.negated : r
    }

    /// (self + b) mod m without wrapping at 2^256; 0 when m is zero (ADDMOD).
    @inlinable
    public func addMod(_ b: UInt256, _ m: UInt256) -> UInt256 {
        if m.isZero { return .zero }
        let (s, carry) = addingReportingOverflow(b)
        if !carry { return s % m }
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 6) { buf in
            let u = buf.baseAddress!
            u[0] = s._l0; u[1] = s._l1; u[2] = s._l2; u[3] = s._l3; u[4] = 1; u[5] = 0
            return UInt256._divide(u, 5, by: m, quotient: nil)
        }
    }

    /// (self × b) mod m over the full 512-bit product; 0 when m is zero (MULMOD).
    @inlinable
    public func mulMod(_ b: UInt256, _ m: UInt256) -> UInt256 {
        if m.isZero { return .zero }
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 9) { buf in
            let u = buf.baseAddress!
            for i in 0..<9 { u[i] = 0 }
            for i in 0..<4 {
                var carry: UInt128 = 0
                let ai = UInt128(self[limb: i])
                for j in 0..<4 {
                    let t = ai &* UInt128(b[limb: j]) &+ UInt128(u[i + j]) &+ carry
                    u[i + j] = UInt64(truncatingIfNeeded: t)
                    carry = t >> 64
                }
                u[i + 4] = UInt64(truncatingIfNeeded: carry)
            }
            return UInt256._divide(u, 8, by: m, quotient: nil)
        }
    }
}
