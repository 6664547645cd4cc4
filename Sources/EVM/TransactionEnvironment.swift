/// What a transaction asks the EVM to do, independent of its wire encoding: the decoded and
/// sender-recovered transaction (revm's `TxEnv`).
public struct TransactionEnvironment: Sendable {
    /// The recovered sender.
    public var caller: Address
    /// The recipient, or nil to create a contract.
    public var to: Address?
    /// Wei sent.
    public var value: UInt256
    /// Calldata or init code.
    public var data: [UInt8]
    /// Gas limit.
    public var gasLimit: UInt64
    /// The nonce the transaction carries (must equal the sender's nonce).
    public var nonce: UInt64
    /// Legacy/2930 gas price, or the EIP-1559 max fee per gas.
    public var maxFeePerGas: UInt256
    /// EIP-1559 max priority fee; nil for legacy and 2930 transactions (then it equals the gas price).
    public var maxPriorityFeePerGas: UInt256?
    /// EIP-2930 access list.
    public var accessList: [AccessListEntry]
    /// EIP-4844 versioned hashes (BLOBHASH reads them); non-empty only for blob transactions.
    public var blobHashes: [UInt256]
    /// EIP-4844 max fee per blob gas; non-nil marks a blob (type 3) transaction.
    public var maxFeePerBlobGas: UInt256?

    /// A transaction.
    public init(caller: Address, to: Address?, value: UInt256 = .zero, data: [UInt8] = [], gasLimit: UInt64,
                nonce: UInt64 = 0, maxFeePerGas: UInt256 = .zero, maxPriorityFeePerGas: UInt256? = nil,
                accessList: [AccessListEntry] = [], blobHashes: [UInt256] = [], maxFeePerBlobGas: UInt256? = nil) {
        self.caller = caller; self.to = to; self.value = value; self.data = data; self.gasLimit = gasLimit
        self.nonce = nonce; self.maxFeePerGas = maxFeePerGas; self.maxPriorityFeePerGas = maxPriorityFeePerGas
        self.accessList = accessList; self.blobHashes = blobHashes; self.maxFeePerBlobGas = maxFeePerBlobGas
    }
}

extension TransactionEnvironment {
    /// The environment of a decoded transaction whose sender has been recovered
    /// (`Transaction.recoverSender()`). Legacy and access-list transactions pay their gas price.
    public init(_ tx: Transaction, sender: Address) {
        self.init(caller: sender, to: tx.to, value: tx.value, data: tx.data, gasLimit: tx.gasLimit, nonce: tx.nonce,
                  maxFeePerGas: tx.maxFeePerGas,
                  maxPriorityFeePerGas: tx.type == .dynamicFee ? tx.maxPriorityFeePerGas : nil,
                  accessList: tx.accessList)
    }
}
