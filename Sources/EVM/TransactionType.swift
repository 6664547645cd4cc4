/// The envelope type of a transaction (EIP-2718).
///
/// Blob transactions (type 3, EIP-4844) are not accepted: chain v2 has no blobs.
public enum TransactionType: UInt8, Sendable, Hashable, CaseIterable {
    /// The original RLP list (optionally EIP-155 replay-protected).
    case legacy = 0
    /// EIP-2930: chain id and an access list.
    case accessList = 1
    /// EIP-1559: fee cap and priority fee instead of a gas price.
    case dynamicFee = 2
}
