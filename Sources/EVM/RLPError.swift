/// Why a byte string is not the canonical RLP encoding that was asked for.
///
/// Every case carries `offset`, the position in the decoded input (from its
/// first byte) of the prefix or payload that failed the check, so a caller can
/// point at the bad byte. The set of rejected encodings follows go-ethereum's
/// `rlp` package, since a rollup node must agree with it on which transactions
/// and trie nodes are well formed.
public enum RLPError: Error, Equatable, Hashable, Sendable, CustomStringConvertible {
    /// The input ends inside a prefix, or a length runs past the end of the input or of the enclosing list.
    case unexpectedEnd(offset: Int)
    /// A single byte below 0x80 encoded as a one-byte string (`0x81 0x00`…`0x81 0x7f`).
    case nonCanonicalSingleByte(offset: Int)
    /// A long-form prefix (`0xb8`…, `0xf8`…) used for a payload shorter than 56 bytes.
    case nonCanonicalLength(offset: Int)
    /// A long-form length with a leading zero byte.
    case leadingZeroInLength(offset: Int)
    /// A long-form length that does not fit in the address space.
    case lengthOverflow(offset: Int)
    /// Bytes left after the top-level item (or after the last element a reader expected in a list).
    case trailingBytes(offset: Int)
    /// A list where a byte string was required.
    case expectedBytes(offset: Int)
    /// A byte string where a list was required.
    case expectedList(offset: Int)
    /// An integer with a leading zero byte (zero itself must be the empty string `0x80`).
    case leadingZeroInInteger(offset: Int)
    /// An integer wider than the target type.
    case integerOverflow(offset: Int)
    /// A fixed-size byte string (address, hash) of the wrong length.
    case wrongLength(offset: Int, expected: Int, got: Int)

    /// Position in the input of the failing prefix or payload.
    public var offset: Int {
        switch self {
        case let .unexpectedEnd(o), let .nonCanonicalSingleByte(o), let .nonCanonicalLength(o),
             let .leadingZeroInLength(o), let .lengthOverflow(o), let .trailingBytes(o), let .expectedBytes(o),
             let .expectedList(o), let .leadingZeroInInteger(o), let .integerOverflow(o):
            return o
        case let .wrongLength(o, _, _):
            return o
        }
    }

    public var description: String {
        switch self {
        case let .unexpectedEnd(o): return "rlp: input ends or length runs past the end (offset \(o))"
        case let .nonCanonicalSingleByte(o): return "rlp: single byte below 0x80 encoded as a string (offset \(o))"
        case let .nonCanonicalLength(o): return "rlp: long size prefix for a payload shorter than 56 bytes (offset \(o))"
        case let .leadingZeroInLength(o): return "rlp: leading zero in a long length (offset \(o))"
        case let .lengthOverflow(o): return "rlp: length too large (offset \(o))"
        case let .trailingBytes(o): return "rlp: trailing bytes after the item (offset \(o))"
        case let .expectedBytes(o): return "rlp: expected a byte string, found a list (offset \(o))"
        case let .expectedList(o): return "rlp: expected a list, found a byte string (offset \(o))"
        case let .leadingZeroInInteger(o): return "rlp: integer with leading zero bytes (offset \(o))"
        case let .integerOverflow(o): return "rlp: integer too large for its type (offset \(o))"
        case let .wrongLength(o, e, g): return "rlp: expected \(e) bytes, got \(g) (offset \(o))"
        }
    }
}
