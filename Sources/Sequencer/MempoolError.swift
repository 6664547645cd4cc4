import EVM

/// Why `eth_sendRawTransaction` rejected a transaction. `description` is go-ethereum's message
/// (clients and tests match on it); JSON-RPC reports all of them with code -32000.
public enum MempoolError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The bytes are not a well-formed transaction.
    case malformed(TransactionDecodingError)
    /// Signed for another chain id.
    case wrongChainId(expected: UInt64, got: UInt64?)
    /// The signature does not recover a sender.
    case invalidSender
    /// Larger than the pool's size limit.
    case oversized(size: Int, limit: Int)
    /// Below the sender's account nonce.
    case nonceTooLow(next: UInt64, got: UInt64)
    /// Too far above the sender's next nonce (beyond the per-account queue).
    case nonceTooHigh(next: UInt64, got: UInt64)
    /// The sender cannot pay gasLimit · maxFeePerGas + value.
    case insufficientFunds(required: UInt256, balance: UInt256)
    /// maxFeePerGas under the pool's minimum.
    case underpriced
    /// maxFeePerGas under the current base fee.
    case feeCapBelowBaseFee(feeCap: UInt256, baseFee: UInt256)
    /// Same sender and nonce as a pooled transaction, without a 10% bump of both fees.
    case replacementUnderpriced
    /// The same transaction is already pooled.
    case alreadyKnown
    /// A replacement for a transaction that the block being built right now may include: refused
    /// rather than acknowledged and then dropped when the original lands. Retry after the block.
    case replacementWhileIncluding(nonce: UInt64)
    /// The sender already has the maximum number of pooled transactions.
    case accountLimitExceeded
    /// The pool is full and the transaction pays no more than the cheapest pooled one.
    case poolFull
    /// Any other stateless check (intrinsic gas, init code size, fee ordering, gas limit, …).
    case invalid(TransactionValidationError)
    /// A transaction to the withdrawal bridge whose calldata is neither empty nor a v1 address.
    case malformedWithdrawal(dataLength: Int)
    /// A transaction the batch circuit cannot prove yet, refused by a node that proves its
    /// batches with it (`NodeConfiguration.provableTransfersOnly`).
    case notProvable(reason: String)

    /// Maps the EVM's validation errors onto pool errors.
    public init(_ e: TransactionValidationError) {
        switch e {
        case let .wrongChainId(expected, got): self = .wrongChainId(expected: expected, got: got)
        case .invalidSignature, .unsigned: self = .invalidSender
        case let .oversized(size, limit): self = .oversized(size: size, limit: limit)
        case let .nonceTooLow(e, g): self = .nonceTooLow(next: e, got: g)
        case let .insufficientFunds(r, b): self = .insufficientFunds(required: r, balance: b)
        case let .feeCapBelowBaseFee(f, b): self = .feeCapBelowBaseFee(feeCap: f, baseFee: b)
        default: self = .invalid(e)
        }
    }

    public var description: String {
        switch self {
        case .malformed(let e): "rlp: \(e)"
        case let .wrongChainId(e, g): "invalid chain id for signer: have \(g.map(String.init) ?? "none") want \(e)"
        case .invalidSender: "invalid sender"
        case let .oversized(s, l): "oversized data: transaction size \(s), limit \(l)"
        case let .nonceTooLow(n, g): "nonce too low: next nonce \(n), tx nonce \(g)"
        case let .nonceTooHigh(n, g): "nonce too high: next nonce \(n), tx nonce \(g)"
        case let .insufficientFunds(r, b): "insufficient funds for gas * price + value: balance \(b), tx cost \(r)"
        case .underpriced: "transaction underpriced"
        case let .feeCapBelowBaseFee(f, b): "max fee per gas less than block base fee: maxFeePerGas: \(f), baseFee: \(b)"
        case .replacementUnderpriced: "replacement transaction underpriced"
        case .alreadyKnown: "already known"
        case .replacementWhileIncluding(let n): "replacement refused: the transaction with nonce \(n) is being included in a block, retry after it"
        case .accountLimitExceeded: "account limit exceeded"
        case .poolFull: "txpool is full"
        case .invalid(let e): "\(e)"
        case .malformedWithdrawal(let n): "invalid withdrawal: calldata to the bridge must be empty or a 20-byte v1 address, got \(n) bytes"
        case .notProvable(let reason): "not provable by this rollup's batch circuit: \(reason)"
        }
    }
}
