import EVM

extension Transaction {
    /// What the interpreter executes for this transaction sent by `sender`.
    /// Legacy and EIP-2930 transactions pass no priority fee (their gas price is paid in full).
    public func environment(sender: Address) -> TransactionEnvironment {
        TransactionEnvironment(caller: sender, to: to, value: value, data: data, gasLimit: gasLimit, nonce: nonce,
                               maxFeePerGas: maxFeePerGas,
                               maxPriorityFeePerGas: type == .dynamicFee ? maxPriorityFeePerGas : nil,
                               accessList: accessList.map { .init(address: $0.address, storageKeys: $0.storageKeys) })
    }
}
