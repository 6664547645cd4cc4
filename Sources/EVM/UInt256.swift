/// A 256-bit unsigned machine word: the EVM's stack item, storage key and value.
///
/// Four `UInt64` limbs in little-endian limb order (`_l0` least significant), stored
/// inline so a word never touches the heap. Arithmetic wraps modulo 2^256 as the
/// EVM defines it (Ethereum Yellow Paper, appendix H); signed operations read the
/// word as two's complement. Not constant time: it is meant for public EVM data.
@frozen
public struct UInt256: Hashable, Sendable {
    /// Limb 0 (bits 0..<64).
    @usableFromInline internal var _l0: UInt64
    /// Limb 1 (bits 64..<128).
    @usableFromInline internal var _l1: UInt64
    /// Limb 2 (bits 128..<192).
    @usableFromInline internal var _l2: UInt64
    /// Limb 3 (bits 192..<256).
    @usableFromInline internal var _l3: UInt64

    /// The word with the given little-endian limbs.
    /// - Parameters: l0…l3: limbs, l0 least significant.
    @inlinable @inline(__always)
    public init(_ l0: UInt64, _ l1: UInt64, _ l2: UInt64, _ l3: UInt64) {
        _l0 = l0; _l1 = l1; _l2 = l2; _l3 = l3
    }

    /// The word holding a 64-bit value.
    @inlinable @inline(__always)
    public init(_ v: UInt64) { self.init(v, 0, 0, 0) }

    /// The word holding a non-negative `Int`.
    /// - Precondition: `v >= 0`.
    @inlinable @inline(__always)
    public init(_ v: Int) {
        precondition(v >= 0, "negative Int")
        self.init(UInt64(v), 0, 0, 0)
    }

    /// The word with limbs given as a tuple, little-endian limb order (the `BigNumber.limbs256` shape).
    @inlinable
    public init(limbs: (UInt64, UInt64, UInt64, UInt64)) { self.init(limbs.0, limbs.1, limbs.2, limbs.3) }

    /// The little-endian limbs.
    @inlinable
    public var limbs: (UInt64, UInt64, UInt64, UInt64) { (_l0, _l1, _l2, _l3) }

    /// Zero.
    public static let zero = UInt256(0, 0, 0, 0)
    /// One.
    public static let one = UInt256(1, 0, 0, 0)
    /// 2^256 − 1 (also −1 in two's complement).
    public static let max = UInt256(.max, .max, .max, .max)

    /// True when the word is zero (the EVM's ISZERO).
    @inlinable @inline(__always)
    public var isZero: Bool { (_l0 | _l1 | _l2 | _l3) == 0 }

    /// True when the two's-complement value is negative (bit 255 set).
    @inlinable @inline(__always)
    public var isNegative: Bool { _l3 >> 63 != 0 }

    /// The value when it fits in 64 bits, otherwise nil. Used for offsets, sizes and gas
    /// where a larger value must be rejected rather than truncated.
    @inlinable @inline(__always)
    public var exactUInt64: UInt64? { (_l1 | _l2 | _l3) == 0 ? _l0 : nil }

    /// True when the value fits in 64 bits.
    @inlinable @inline(__always)
    public var fitsInUInt64: Bool { (_l1 | _l2 | _l3) == 0 }

    /// The low 64 bits (truncating).
    @inlinable @inline(__always)
    public var low64: UInt64 { _l0 }

    /// The number of significant bits (0 for zero).
    @inlinable
    public var bitWidth: Int {
        if _l3 != 0 { return 256 - _l3.leadingZeroBitCount }
        if _l2 != 0 { return 192 - _l2.leadingZeroBitCount }
        if _l1 != 0 { return 128 - _l1.leadingZeroBitCount }
        return 64 - _l0.leadingZeroBitCount
    }

    /// The number of significant bytes (0 for zero), as EXP's gas counts them.
    @inlinable
    public var byteWidth: Int { (bitWidth + 7) / 8 }

    /// Limb `i` (0 = least significant).
    /// - Precondition: `0 <= i < 4`.
    @inlinable @inline(__always)
    public subscript(limb i: Int) -> UInt64 {
        get {
            switch i {
            case 0: return _l0
            case 1: return _l1
            case 2: return _l2
            default: return _l3
            }
        }
        set {
            switch i {
            case 0: _l0 = newValue
            case 1: _l1 = newValue
            case 2: _l2 = newValue
            default: _l3 = newValue
            }
        }
    }
}

extension UInt256: ExpressibleByIntegerLiteral {
    /// A word from a non-negative integer literal up to 64 bits.
    @inlinable
    public init(integerLiteral value: UInt64) { self.init(value, 0, 0, 0) }
}

extension UInt256: Comparable {
    /// Unsigned order (the EVM's LT/GT).
    @inlinable @inline(__always)
    public static func < (a: UInt256, b: UInt256) -> Bool {
        if a._l3 != b._l3 { return a._l3 < b._l3 }
        if a._l2 != b._l2 { return a._l2 < b._l2 }
        if a._l1 != b._l1 { return a._l1 < b._l1 }
        return a._l0 < b._l0
    }

    /// Two's-complement order (the EVM's SLT/SGT).
    @inlinable @inline(__always)
    public static func signedLess(_ a: UInt256, _ b: UInt256) -> Bool {
        let an = a.isNegative, bn = b.isNegative
        if an != bn { return an }
        return a < b
    }
}
