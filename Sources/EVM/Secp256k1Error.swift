/// Why a secp256k1 key or signature was refused.
public enum Secp256k1Error: Error, Equatable, Hashable, Sendable, CustomStringConvertible {
    /// An input had the wrong size (hash and scalars are 32 bytes).
    case wrongLength(expected: Int, got: Int)
    /// r or s is zero or not below the group order n.
    case scalarOutOfRange
    /// s is above n/2 where EIP-2 requires the low form (transaction signatures).
    case highS
    /// The recovery id is not 0 or 1 (2 and 3, r ≥ n overflows, never occur in Ethereum).
    case invalidRecoveryId(UInt8)
    /// No public key matches the signature (e.g. r is not an x-coordinate on the curve).
    case recoveryFailed
    /// The private key is zero or not below n.
    case invalidPrivateKey

    public var description: String {
        switch self {
        case let .wrongLength(e, g): return "secp256k1: expected \(e) bytes, got \(g)"
        case .scalarOutOfRange: return "secp256k1: r or s is zero or >= n"
        case .highS: return "secp256k1: s > n/2 (EIP-2)"
        case let .invalidRecoveryId(v): return "secp256k1: recovery id \(v) not in {0, 1}"
        case .recoveryFailed: return "secp256k1: public key recovery failed"
        case .invalidPrivateKey: return "secp256k1: private key is zero or >= n"
        }
    }
}
