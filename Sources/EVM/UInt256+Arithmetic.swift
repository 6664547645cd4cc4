// Wrapping arithmetic, bitwise operations and shifts: the EVM's 0x01–0x1d opcodes.
// Carries go through UInt128 so the compiler emits add/adc and mul without branches
// (see STYLE.md §4).

extension UInt256 {
    /// Sum modulo 2^256 (ADD).
    @inlinable @inline(__always)
    public static func &+ (a: UInt256, b: UInt256) -> UInt256 {
        let s0 = UInt128(a._l0) &+ UInt128(b._l0)
        let s1 = UInt128(a._l1) &+ UInt128(b._l1) &+ (s0 >> 64)
        let s2 = UInt128(a._l2) &+ UInt128(b._l2) &+ (s1 >> 64)
        let s3 = a._l3 &+ b._l3 &+ UInt64(truncatingIfNeeded: s2 >> 64)
        return UInt256(UInt64(truncatingIfNeeded: s0), UInt64(truncatingIfNeeded: s1),
                       UInt64(truncatingIfNeeded: s2), s3)
    }

    /// Sum and whether it overflowed 2^256.
    @inlinable @inline(__always)
    public func addingReportingOverflow(_ b: UInt256) -> (partialValue: UInt256, overflow: Bool) {
        let s0 = UInt128(_l0) &+ UInt128(b._l0)
        let s1 = UInt128(_l1) &+ UInt128(b._l1) &+ (s0 >> 64)
        let s2 = UInt128(_l2) &+ UInt128(b._l2) &+ (s1 >> 64)
        let s3 = UInt128(_l3) &+ UInt128(b._l3) &+ (s2 >> 64)
        return (UInt256(UInt64(truncatingIfNeeded: s0), UInt64(truncatingIfNeeded: s1),
                        UInt64(truncatingIfNeeded: s2), UInt64(truncatingIfNeeded: s3)), (s3 >> 64) != 0)
    }

    /// Difference modulo 2^256 (SUB).
    @inlinable @inline(__always)
    public static func &- (a: UInt256, b: UInt256) -> UInt256 {
        a.subtractingReportingOverflow(b).partialValue
    }

    /// Difference and whether it borrowed (a < b).
    @inlinable @inline(__always)
    public func subtractingReportingOverflow(_ b: UInt256) -> (partialValue: UInt256, overflow: Bool) {
        let d0 = UInt128(_l0) &- UInt128(b._l0)
        let d1 = UInt128(_l1) &- UInt128(b._l1) &- (d0 >> 127)
        let d2 = UInt128(_l2) &- UInt128(b._l2) &- (d1 >> 127)
        let d3 = UInt128(_l3) &- UInt128(b._l3) &- (d2 >> 127)
        return (UInt256(UInt64(truncatingIfNeeded: d0), UInt64(truncatingIfNeeded: d1),
                        UInt64(truncatingIfNeeded: d2), UInt64(truncatingIfNeeded: d3)), (d3 >> 127) != 0)
    }

    /// Product modulo 2^256 (MUL): the low half of the schoolbook product.
    @inlinable @inline(__always)
    public static func &* (a: UInt256, b: UInt256) -> UInt256 {
        // Row 0
        var t = UInt128(a._l0) &* UInt128(b._l0)
        let r0 = UInt64(truncatingIfNeeded: t)
        t = UInt128(a._l1) &* UInt128(b._l0) &+ (t >> 64)
        var r1 = UInt64(truncatingIfNeeded: t)
        t = UInt128(a._l2) &* UInt128(b._l0) &+ (t >> 64)
        var r2 = UInt64(truncatingIfNeeded: t)
        var r3 = a._l3 &* b._l0 &+ UInt64(truncatingIfNeeded: t >> 64)
        // Row 1
        t = UInt128(a._l0) &* UInt128(b._l1) &+ UInt128(r1)
        r1 = UInt64(truncatingIfNeeded: t)
        t = UInt128(a._l1) &* UInt128(b._l1) &+ UInt128(r2) &+ (t >> 64)
        r2 = UInt64(truncatingIfNeeded: t)
        r3 = r3 &+ a._l2 &* b._l1 &+ UInt64(truncatingIfNeeded: t >> 64)
        // Row 2
        t = UInt128(a._l0) &* UInt128(b._l2) &+ UInt128(r2)
        r2 = UInt64(truncatingIfNeeded: t)
        r3 = r3 &+ a._l1 &* b._l2 &+ UInt64(truncatingIfNeeded: t >> 64)
        // Row 3
        r3 = r3 &+ a._l0 &* b._l3
        return UInt256(r0, r1, r2, r3)
    }

    /// Sum modulo 2^256, as the EVM's ADD (same as `&+`).
    @inlinable @inline(__always)
    public static func + (a: UInt256, b: UInt256) -> UInt256 { a &+ b }
    /// Difference modulo 2^256, as the EVM's SUB (same as `&-`).
    @inlinable @inline(__always)
    public static func - (a: UInt256, b: UInt256) -> UInt256 { a &- b }
    /// Product modulo 2^256, as the EVM's MUL (same as `&*`).
    @inlinable @inline(__always)
    public static func * (a: UInt256, b: UInt256) -> UInt256 { a &* b }

    /// Two's-complement negation (0 − a).
    @inlinable @inline(__always)
    public var negated: UInt256 { UInt256.zero &- self }

    /// self^e modulo 2^256 (EXP), left-to-right square and multiply.
    @inlinable
    public func power(_ e: UInt256) -> UInt256 {
        var result = UInt256.one
        let bits = e.bitWidth
        if bits == 0 { return .one }
        var i = bits - 1
        while true {
            result = result &* result
            if (e[limb: i >> 6] >> UInt64(i & 63)) & 1 != 0 { result = result &* self }
            if i == 0 { break }
            i -= 1
        }
        return result
    }

    // MARK: Bitwise

    /// Bitwise AND.
    @inlinable @inline(__always)
    public static func & (a: UInt256, b: UInt256) -> UInt256 {
        UInt256(a._l0 & b._l0, a._l1 & b._l1, a._l2 & b._l2, a._l3 & b._l3)
    }
    /// Bitwise OR.
    @inlinable @inline(__always)
    public static func | (a: UInt256, b: UInt256) -> UInt256 {
        UInt256(a._l0 | b._l0, a._l1 | b._l1, a._l2 | b._l2, a._l3 | b._l3)
    }
    /// Bitwise XOR.
    @inlinable @inline(__always)
    public static func ^ (a: UInt256, b: UInt256) -> UInt256 {
        UInt256(a._l0 ^ b._l0, a._l1 ^ b._l1, a._l2 ^ b._l2, a._l3 ^ b._l3)
    }
    /// Bitwise NOT.
    @inlinable @inline(__always)
    public static prefix func ~ (a: UInt256) -> UInt256 { UInt256(~a._l0, ~a._l1, ~a._l2, ~a._l3) }

    // MARK: Shifts (EIP-145)

    /// Logical left shift; shifts of 256 or more give zero (SHL).
    @inlinable
    public func shiftedLeft(by shift: UInt256) -> UInt256 {
        guard let s = shift.exactUInt64, s < 256 else { return .zero }
        return shiftedLeft(Int(s))
    }

    /// Logical right shift; shifts of 256 or more give zero (SHR).
    @inlinable
    public func shiftedRight(by shift: UInt256) -> UInt256 {
        guard let s = shift.exactUInt64, s < 256 else { return .zero }
        return shiftedRight(Int(s))
    }

    /// Arithmetic right shift: fills with the sign bit; 256 or more gives 0 or −1 (SAR).
    @inlinable
    public func arithmeticShiftedRight(by shift: UInt256) -> UInt256 {
        let neg = isNegative
        guard let s = shift.exactUInt64, s < 256 else { return neg ? .max : .zero }
        if !neg { return shiftedRight(Int(s)) }
        if s == 0 { return self }
        return shiftedRight(Int(s)) | UInt256.max.shiftedLeft(256 - Int(s))
    }

    /// Left shift by `s` bits.
    /// - Precondition: `0 <= s < 256`.
    @inlinable
    public func shiftedLeft(_ s: Int) -> UInt256 {
        let limbShift = s >> 6, bitShift = UInt64(s & 63)
        var r = UInt256.zero
        var i = 3
        while i >= limbShift {
            let src = i - limbShift
            var v = self[limb: src] << bitShift
            if bitShift != 0 && src > 0 { v |= self[limb: src - 1] >> (64 - bitShift) }
            r[limb: i] = v
            i -= 1
        }
        return r
    }

    /// Logical right shift by `s` bits.
    /// - Precondition: `0 <= s < 256`.
    @inlinable
    public func shiftedRight(_ s: Int) -> UInt256 {
        let limbShift = s >> 6, bitShift = UInt64(s & 63)
        var r = UInt256.zero
        var i = 0
        while i + limbShift < 4 {
            let src = i + limbShift
            var v = self[limb: src] >> bitShift
            if bitShift != 0 && src < 3 { v |= self[limb: src + 1] << (64 - bitShift) }
            r[limb: i] = v
            i += 1
        }
        return r
    }

    /// Byte `index` counted from the most significant end, or 0 when index ≥ 32 (BYTE).
    @inlinable
    public func byte(at index: UInt256) -> UInt256 {
        guard let i = index.exactUInt64, i < 32 else { return .zero }
        let bitFromLow = (31 - Int(i)) * 8
        return UInt256((self[limb: bitFromLow >> 6] >> UInt64(bitFromLow & 63)) & 0xff)
    }

    /// Sign-extends from byte `b` (0 = least significant); b ≥ 31 leaves the word unchanged (SIGNEXTEND).
    @inlinable
    public func signExtended(fromByte b: UInt256) -> UInt256 {
        guard let k = b.exactUInt64, k < 31 else { return self }
        let bit = Int(k) * 8 + 7
        let signSet = (self[limb: bit >> 6] >> UInt64(bit & 63)) & 1 != 0
        let mask = UInt256.max.shiftedLeft(bit + 1)   // bits above the sign bit
        return signSet ? (self | mask) : (self & ~mask)
    }
}
