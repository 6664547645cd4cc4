/// Carry-propagating 64-bit limb primitives shared by the generated fields.
///
/// Each one goes through `UInt128`: with Swift 6.3 at -O on x86-64 this lowers
/// to bare `mulq`/`add`/`adc`/`sbb`, whereas turning an overflow flag into a
/// carry with `o ? 1 : 0` compiles to branches (see STYLE.md §4 and
/// `scripts/check-asm`).

/// High word of a·b + c.
@inlinable @inline(__always)
internal func _madd0(_ a: UInt64, _ b: UInt64, _ c: UInt64) -> UInt64 {
    UInt64(truncatingIfNeeded: (UInt128(a) &* UInt128(b) &+ UInt128(c)) &>> 64)
}

/// (high, low) of a·b + c.
@inlinable @inline(__always)
internal func _madd1(_ a: UInt64, _ b: UInt64, _ c: UInt64) -> (UInt64, UInt64) {
    let t = UInt128(a) &* UInt128(b) &+ UInt128(c)
    return (UInt64(truncatingIfNeeded: t &>> 64), UInt64(truncatingIfNeeded: t))
}

/// (high, low) of a·b + c + d; never overflows 128 bits.
@inlinable @inline(__always)
internal func _madd2(_ a: UInt64, _ b: UInt64, _ c: UInt64, _ d: UInt64) -> (UInt64, UInt64) {
    let t = UInt128(a) &* UInt128(b) &+ UInt128(c) &+ UInt128(d)
    return (UInt64(truncatingIfNeeded: t &>> 64), UInt64(truncatingIfNeeded: t))
}

/// (sum, carry) of a + b + carry, carry ∈ {0, 1}.
@inlinable @inline(__always)
internal func _adc(_ a: UInt64, _ b: UInt64, _ carry: UInt64) -> (UInt64, UInt64) {
    let t = UInt128(a) &+ UInt128(b) &+ UInt128(carry)
    return (UInt64(truncatingIfNeeded: t), UInt64(truncatingIfNeeded: t &>> 64))
}

/// (difference, borrow) of a − b − borrow, borrow ∈ {0, 1}.
@inlinable @inline(__always)
internal func _sbb(_ a: UInt64, _ b: UInt64, _ borrow: UInt64) -> (UInt64, UInt64) {
    let t = UInt128(a) &- UInt128(b) &- UInt128(borrow)
    return (UInt64(truncatingIfNeeded: t), UInt64(truncatingIfNeeded: t &>> 127))
}
