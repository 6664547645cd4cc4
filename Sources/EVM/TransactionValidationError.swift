/// Why a decodable transaction may not be included (go-ethereum's `core` and `txpool` checks).
public enum TransactionValidationError: Error, Equatable, Hashable, Sendable, CustomStringConvertible {
    /// Signed for another chain (or unprotected where protection is required).
    case wrongChainId(expected: UInt64, got: UInt64?)
    /// r/s out of range, high s (EIP-2), or no key recovers.
    case invalidSignature(Secp256k1Error)
    /// No signature at all.
    case unsigned
    /// The nonce is below the sender's account nonce.
    case nonceTooLow(expected: UInt64, got: UInt64)
    /// The nonce is above the sender's account nonce (not executable yet).
    case nonceTooHigh(expected: UInt64, got: UInt64)
    /// The nonce is 2^64 − 1, which cannot be incremented (EIP-2681).
    case nonceMax
    /// The sender cannot pay gasLimit · maxFeePerGas + value.
    case insufficientFunds(required: UInt256, balance: UInt256)
    /// gasLimit · maxFeePerGas (+ value) does not fit in 256 bits.
    case costOverflow
    /// maxFeePerGas is below the block's base fee (EIP-1559).
    case feeCapBelowBaseFee(feeCap: UInt256, baseFee: UInt256)
    /// maxPriorityFeePerGas exceeds maxFeePerGas (EIP-1559).
    case priorityFeeAboveFeeCap(priorityFee: UInt256, feeCap: UInt256)
    /// The gas limit exceeds the block gas limit.
    case gasLimitAboveBlockGasLimit(gasLimit: UInt64, blockGasLimit: UInt64)
    /// The gas limit does not cover the intrinsic gas.
    case intrinsicGasTooLow(required: UInt64, gasLimit: UInt64)
    /// Creation init code longer than 49152 bytes (EIP-3860).
    case initCodeTooLarge(size: Int, limit: Int)
    /// The encoded transaction exceeds the pool's size limit.
    case oversized(size: Int, limit: Int)

    public var description: String {
        switch self {
        case let .wrongChainId(e, g): return "invalid chain id: expected \(e), got \(g.map(String.init) ?? "none")"
        case let .invalidSignature(e): return "invalid signature: \(e)"
        case .unsigned: return "transaction is not signed"
        case let .nonceTooLow(e, g): return "nonce too low: next nonce \(e), tx nonce \(g)"
        case let .nonceTooHigh(e, g): return "nonce too high: next nonce \(e), tx nonce \(g)"
        case .nonceMax: return "nonce has max value"
        case let .insufficientFunds(r, b): return "insufficient funds for gas * price + value: have \(b) want \(r)"
        case .costOverflow: return "gas * price + value overflows 256 bits"
        case let .feeCapBelowBaseFee(f, b): return "max fee per gas less than block base fee: maxFeePerGas \(f), baseFee \(b)"
        case let .priorityFeeAboveFeeCap(p, f): return "max priority fee per gas higher than max fee per gas: \(p) > \(f)"
        case let .gasLimitAboveBlockGasLimit(g, b): return "exceeds block gas limit: \(g) > \(b)"
        case let .intrinsicGasTooLow(r, g): return "intrinsic gas too low: have \(g), want \(r)"
        case let .initCodeTooLarge(s, l): return "max initcode size exceeded: \(s) > \(l)"
        case let .oversized(s, l): return "oversized data: \(s) > \(l)"
        }
    }
}
