// Fast hashing for the state's dictionary keys (UInt256, Address, SlotKey).
//
// Swift's default SipHash-1-3 costs more than the lookups it serves in the interpreter's
// storage path. These keys override `_rawHashValue(seed:)` with a wyhash-style multiply-mix
// (folded 128-bit products) keyed by the per-process random seed Dictionary passes in, so
// collisions stay unpredictable to callers choosing storage keys.

@usableFromInline
enum FastHash {
    @inline(__always) @usableFromInline
    static func mum(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let p = a.multipliedFullWidth(by: b)
        return p.high ^ p.low
    }
    @usableFromInline static let k0: UInt64 = 0xa076_1d64_78bd_642f
    @usableFromInline static let k1: UInt64 = 0xe703_7ed1_a0b4_28db
    @usableFromInline static let k2: UInt64 = 0x8ebc_6af0_9c88_c6e3
    @usableFromInline static let k3: UInt64 = 0x5899_65cc_7537_4cc3

    @inline(__always) @usableFromInline
    static func hash(_ a: UInt64, _ b: UInt64, _ c: UInt64, _ d: UInt64, seed: Int) -> Int {
        let s = UInt64(bitPattern: Int64(seed))
        let h = mum(a ^ k0 ^ s, b ^ k1) ^ mum(c ^ k2, d ^ k3 ^ s)
        return Int(bitPattern: UInt(mum(h ^ k1, s ^ k2)))
    }
}

extension UInt256 {
    /// Hashes the four limbs (Hashable requirement; Dictionary uses `_rawHashValue(seed:)`).
    @inlinable
    public func hash(into hasher: inout Hasher) {
        hasher.combine(_l0); hasher.combine(_l1); hasher.combine(_l2); hasher.combine(_l3)
    }

    /// Seeded multiply-mix hash used by Set and Dictionary.
    @inlinable
    public func _rawHashValue(seed: Int) -> Int { FastHash.hash(_l0, _l1, _l2, _l3, seed: seed) }
}

extension Address {
    /// Hashes the three parts.
    @inlinable
    public func hash(into hasher: inout Hasher) {
        hasher.combine(_hi); hasher.combine(_mid); hasher.combine(_lo)
    }

    /// Seeded multiply-mix hash used by Set and Dictionary.
    @inlinable
    public func _rawHashValue(seed: Int) -> Int { FastHash.hash(_lo, _mid, UInt64(_hi), 0x5eed, seed: seed) }
}

extension SlotKey {
    /// Hashes address and slot.
    @inlinable
    public func hash(into hasher: inout Hasher) {
        address.hash(into: &hasher); slot.hash(into: &hasher)
    }

    /// Seeded multiply-mix hash used by Set and Dictionary.
    @inlinable
    public func _rawHashValue(seed: Int) -> Int {
        let a = FastHash.hash(address._lo, address._mid, UInt64(address._hi), 0x5107, seed: seed)
        return FastHash.hash(slot._l0, slot._l1, slot._l2, slot._l3, seed: a)
    }
}
