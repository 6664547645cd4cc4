/// A 20-byte account address.
///
/// Stored as three integers (big-endian reading of the bytes) so it hashes and
/// compares fast as a dictionary key in the state.
@frozen
public struct Address: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Bytes 0..<4, big-endian.
    @usableFromInline internal var _hi: UInt32
    /// Bytes 4..<12, big-endian.
    @usableFromInline internal var _mid: UInt64
    /// Bytes 12..<20, big-endian.
    @usableFromInline internal var _lo: UInt64

    /// The address from its three big-endian parts.
    @inlinable
    public init(hi: UInt32, mid: UInt64, lo: UInt64) { _hi = hi; _mid = mid; _lo = lo }

    /// The zero address.
    public static let zero = Address(hi: 0, mid: 0, lo: 0)

    /// The address of the low 160 bits of a word (how the EVM turns a stack item into an address).
    @inlinable
    public init(truncating w: UInt256) {
        _lo = w._l0
        _mid = w._l1
        _hi = UInt32(truncatingIfNeeded: w._l2)
    }

    /// A small address such as a precompile's (0x…01).
    @inlinable
    public init(_ low: UInt64) { self.init(hi: 0, mid: 0, lo: low) }

    /// The address of exactly 20 bytes.
    /// - Returns: nil for any other length.
    @inlinable
    public init?<Bytes: Collection>(bytes: Bytes) where Bytes.Element == UInt8 {
        guard bytes.count == 20, let w = UInt256(bigEndianBytes: bytes) else { return nil }
        self.init(truncating: w)
    }

    /// Parses 40 hex digits, with or without `0x`.
    public init?(hex text: String) {
        var s = Substring(text)
        if s.hasPrefix("0x") || s.hasPrefix("0X") { s = s.dropFirst(2) }
        guard s.count == 40, let w = UInt256(hex: String(s)) else { return nil }
        self.init(truncating: w)
    }

    /// The address as a word (zero-extended).
    @inlinable
    public var word: UInt256 { UInt256(_lo, _mid, UInt64(_hi), 0) }

    /// The 20 bytes.
    @inlinable
    public var bytes: [UInt8] { Array(word.bigEndianBytes[12...]) }

    /// `0x` and 40 lowercase hex digits.
    public var description: String {
        "0x" + bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    /// Orders by the byte string.
    @inlinable
    public static func < (a: Address, b: Address) -> Bool { a.word < b.word }
}
