/// A signed or unsigned Ethereum transaction: legacy (with or without EIP-155),
/// EIP-2930 access-list or EIP-1559 dynamic-fee.
///
/// One flat struct for the three types keeps fee logic branch-free for callers:
/// legacy and access-list transactions have `maxFeePerGas == maxPriorityFeePerGas
/// == gasPrice` (as EIP-1559 specifies for their effective gas price).
/// Decoding (`init(rawBytes:)`) is strict; validity beyond the encoding (signature,
/// chain id, intrinsic gas, account state) is checked by `recoverSender`,
/// `validate(chainId:)` and `validate(sender:...)`.
public struct Transaction: Equatable, Hashable, Sendable {
    /// The envelope type.
    public var type: TransactionType
    /// The chain id; nil only for an unprotected legacy transaction (pre-EIP-155).
    public var chainId: UInt64?
    /// The sender's nonce.
    public var nonce: UInt64
    /// The fee cap per gas (EIP-1559), or the gas price for legacy and access-list transactions.
    public var maxFeePerGas: UInt256
    /// The priority fee cap per gas (EIP-1559); equals `maxFeePerGas` for the older types.
    public var maxPriorityFeePerGas: UInt256
    /// The gas limit.
    public var gasLimit: UInt64
    /// The recipient, or nil for contract creation.
    public var to: Address?
    /// Wei transferred.
    public var value: UInt256
    /// Call data, or init code for a creation.
    public var data: [UInt8]
    /// The EIP-2930 access list (empty for legacy transactions).
    public var accessList: [AccessListEntry]
    /// The signature, nil while unsigned.
    public var signature: TransactionSignature?

    /// The gas price of a legacy or access-list transaction (the fee cap of a dynamic-fee one).
    public var gasPrice: UInt256 { maxFeePerGas }

    /// Whether this transaction creates a contract.
    public var isContractCreation: Bool { to == nil }

    /// A legacy transaction; `chainId` nil makes it unprotected (pre-EIP-155 signing).
    public static func legacy(chainId: UInt64?, nonce: UInt64, gasPrice: UInt256, gasLimit: UInt64,
                              to: Address?, value: UInt256 = .zero, data: [UInt8] = []) -> Transaction {
        Transaction(type: .legacy, chainId: chainId, nonce: nonce, maxFeePerGas: gasPrice,
                    maxPriorityFeePerGas: gasPrice, gasLimit: gasLimit, to: to, value: value, data: data,
                    accessList: [], signature: nil)
    }

    /// An EIP-2930 transaction.
    public static func accessList(chainId: UInt64, nonce: UInt64, gasPrice: UInt256, gasLimit: UInt64,
                                  to: Address?, value: UInt256 = .zero, data: [UInt8] = [],
                                  accessList: [AccessListEntry] = []) -> Transaction {
        Transaction(type: .accessList, chainId: chainId, nonce: nonce, maxFeePerGas: gasPrice,
                    maxPriorityFeePerGas: gasPrice, gasLimit: gasLimit, to: to, value: value, data: data,
                    accessList: accessList, signature: nil)
    }

    /// An EIP-1559 transaction.
    public static func dynamicFee(chainId: UInt64, nonce: UInt64, maxPriorityFeePerGas: UInt256,
                                  maxFeePerGas: UInt256, gasLimit: UInt64, to: Address?, value: UInt256 = .zero,
                                  data: [UInt8] = [], accessList: [AccessListEntry] = []) -> Transaction {
        Transaction(type: .dynamicFee, chainId: chainId, nonce: nonce, maxFeePerGas: maxFeePerGas,
                    maxPriorityFeePerGas: maxPriorityFeePerGas, gasLimit: gasLimit, to: to, value: value,
                    data: data, accessList: accessList, signature: nil)
    }

    /// The gas price actually paid under a block's base fee: min(maxFee, baseFee + priorityFee) (EIP-1559).
    /// - Precondition: `maxFeePerGas >= baseFee` (checked by `validate`).
    public func effectiveGasPrice(baseFee: UInt256) -> UInt256 {
        let (sum, overflow) = baseFee.addingReportingOverflow(maxPriorityFeePerGas)
        return overflow || maxFeePerGas < sum ? maxFeePerGas : sum
    }
}
