/// Why raw bytes are not a well-formed transaction (before any signature or state check).
public enum TransactionDecodingError: Error, Equatable, Hashable, Sendable, CustomStringConvertible {
    /// No bytes.
    case empty
    /// A typed envelope whose type byte is not 1 or 2 (3, blobs, is unsupported on chain v2).
    case unsupportedType(UInt8)
    /// The payload is not a list with the type's number of fields.
    case wrongFieldCount(expected: Int, got: Int)
    /// A field is malformed RLP or not canonical (leading zeros, too wide, a list for a string, …).
    case invalidField(name: String, error: RLPError)
    /// The top-level encoding itself (envelope list, trailing bytes) is malformed.
    case rlp(RLPError)
    /// `to` (or an access-list address) is not 20 bytes.
    case invalidAddressLength(Int)
    /// An access-list storage key is not 32 bytes.
    case invalidStorageKeyLength(Int)
    /// A legacy `v` that is neither 27/28 nor ≥ 35 (EIP-155), or a chain id that does not fit 64 bits.
    case invalidV
    /// A typed transaction's y-parity is not 0 or 1.
    case invalidYParity

    public var description: String {
        switch self {
        case .empty: return "transaction: empty input"
        case let .unsupportedType(t): return "transaction: type \(t) not supported"
        case let .wrongFieldCount(e, g): return "transaction: expected \(e) fields, got \(g)"
        case let .invalidField(name, e): return "transaction: field \(name): \(e)"
        case let .rlp(e): return "transaction: \(e)"
        case let .invalidAddressLength(n): return "transaction: address of \(n) bytes"
        case let .invalidStorageKeyLength(n): return "transaction: storage key of \(n) bytes"
        case .invalidV: return "transaction: invalid v (chain id)"
        case .invalidYParity: return "transaction: y-parity not 0 or 1"
        }
    }
}
