/// Why a transaction is invalid and cannot be included; the state is left unchanged.
public enum TransactionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The transaction's nonce differs from the sender's.
    case nonceMismatch(expected: UInt64, got: UInt64)
    /// The sender's nonce is 2^64 − 1 (EIP-2681).
    case nonceMax
    /// The sender has code (EIP-3607).
    case senderNotEOA
    /// The transaction's gas limit exceeds the block's.
    case gasLimitExceedsBlock(gasLimit: UInt64, blockGasLimit: UInt64)
    /// maxFeePerGas (or gasPrice) below the block's base fee.
    case feeCapBelowBaseFee
    /// maxPriorityFeePerGas above maxFeePerGas.
    case priorityFeeAboveFeeCap
    /// gasLimit × maxFeePerGas + value exceeds the balance.
    case insufficientFunds
    /// gasLimit × maxFeePerGas overflows 256 bits.
    case feeOverflow
    /// The gas limit does not cover the intrinsic gas.
    case intrinsicGasTooLow(intrinsic: UInt64, gasLimit: UInt64)
    /// Init code over 49152 bytes (EIP-3860).
    case initcodeTooLarge
    /// A blob transaction without a recipient (EIP-4844).
    case blobCreation
    /// A blob transaction with no blobs, or more than 6.
    case blobCount(Int)
    /// A versioned hash whose first byte is not 0x01.
    case blobVersion
    /// maxFeePerBlobGas below the block's blob base fee.
    case blobFeeCapTooLow

    /// The execution-spec-tests exception name class, e.g. "INTRINSIC_GAS_TOO_LOW".
    public var description: String {
        switch self {
        case .nonceMismatch(let e, let g): "nonce mismatch: account \(e), transaction \(g)"
        case .nonceMax: "NONCE_IS_MAX"
        case .senderNotEOA: "SENDER_NOT_EOA"
        case .gasLimitExceedsBlock: "GAS_ALLOWANCE_EXCEEDED"
        case .feeCapBelowBaseFee: "INSUFFICIENT_MAX_FEE_PER_GAS"
        case .priorityFeeAboveFeeCap: "PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS"
        case .insufficientFunds: "INSUFFICIENT_ACCOUNT_FUNDS"
        case .feeOverflow: "GASLIMIT_PRICE_PRODUCT_OVERFLOW"
        case .intrinsicGasTooLow(let i, let g): "INTRINSIC_GAS_TOO_LOW (\(i) > \(g))"
        case .initcodeTooLarge: "INITCODE_SIZE_EXCEEDED"
        case .blobCreation: "TYPE_3_TX_CONTRACT_CREATION"
        case .blobCount(let n): n == 0 ? "TYPE_3_TX_ZERO_BLOBS" : "TYPE_3_TX_BLOB_COUNT_EXCEEDED"
        case .blobVersion: "TYPE_3_TX_INVALID_BLOB_VERSIONED_HASH"
        case .blobFeeCapTooLow: "INSUFFICIENT_MAX_FEE_PER_BLOB_GAS"
        }
    }
}

/// What executing a valid transaction did.
public struct ExecutionResult: Sendable {
    /// How the top-level frame ended.
    public var status: ExecutionStatus
    /// Gas charged to the sender after the refund.
    public var gasUsed: UInt64
    /// The refund granted (capped at gasUsed / 5, EIP-3529).
    public var gasRefunded: UInt64
    /// RETURN/REVERT data.
    public var output: [UInt8]
    /// Logs (empty when the transaction failed).
    public var logs: [Log]
    /// The created contract for a successful creation.
    public var createdAddress: Address?
}
