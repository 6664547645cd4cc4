extension Interpreter {
    /// Intrinsic gas: 21000, +32000 and 2 per init-code word for a creation (EIP-3860),
    /// 4 per zero and 16 per non-zero calldata byte (EIP-2028), 2400 per access-list address
    /// and 1900 per storage key (EIP-2930).
    public static func intrinsicGas(_ tx: TransactionEnvironment) -> UInt64 {
        var g: UInt64 = 21000
        var zeros: UInt64 = 0
        for b in tx.data where b == 0 { zeros += 1 }
        g += zeros * 4 + (UInt64(tx.data.count) - zeros) * 16
        if tx.to == nil { g += 32000 + 2 * ((UInt64(tx.data.count) + 31) / 32) }
        for e in tx.accessList { g += 2400 + 1900 * UInt64(e.storageKeys.count) }
        return g
    }

    /// Validates and executes a transaction, then finalises the state (EIP-161 deletions,
    /// EIP-6780 self-destructs) and clears the per-transaction substate.
    ///
    /// Nested calls recurse on the calling thread's stack (a few KiB per call depth, up to 1024
    /// deep): call this from the main thread or inside `Interpreter.withLargeStack`, not from a
    /// small-stack worker thread.
    /// - Throws: `TransactionError` when the transaction is invalid; the state is then unchanged.
    /// - Returns: status, gas used after refund, output, logs.
    public func execute(_ tx: TransactionEnvironment) throws(TransactionError) -> ExecutionResult {
        let intrinsic = Self.intrinsicGas(tx)
        if tx.to == nil && tx.data.count > Self.maxInitcodeSize { throw .initcodeTooLarge }
        if tx.gasLimit > block.gasLimit || tx.gasLimit > UInt64(Int.max) { throw .gasLimitExceedsBlock(gasLimit: tx.gasLimit, blockGasLimit: block.gasLimit) }
        let senderNonce = _state.pointee.nonce(tx.caller)
        if senderNonce == UInt64.max { throw .nonceMax }
        if tx.nonce != senderNonce { throw .nonceMismatch(expected: senderNonce, got: tx.nonce) }
        if !_state.pointee.code(tx.caller).isEmpty { throw .senderNotEOA }
        if let tip = tx.maxPriorityFeePerGas, tip > tx.maxFeePerGas { throw .priorityFeeAboveFeeCap }
        if tx.maxFeePerGas < block.baseFee { throw .feeCapBelowBaseFee }
        // EIP-4844: 131072 blob gas per blob, paid at the blob base fee, burnt.
        var blobGas: UInt64 = 0
        var blobFee = UInt256.zero
        var maxBlobCost = UInt256.zero
        if let blobCap = tx.maxFeePerBlobGas {
            if tx.to == nil { throw .blobCreation }
            if tx.blobHashes.isEmpty || tx.blobHashes.count > 6 { throw .blobCount(tx.blobHashes.count) }
            for h in tx.blobHashes where h[limb: 3] >> 56 != 1 { throw .blobVersion }
            let blobBaseFee = block.blobBaseFee
            if blobCap < blobBaseFee { throw .blobFeeCapTooLow }
            blobGas = 131_072 * UInt64(tx.blobHashes.count)
            blobFee = blobBaseFee &* UInt256(blobGas)
            maxBlobCost = blobCap &* UInt256(blobGas)
        }
        guard let maxCost = tx.maxFeePerGas.multipliedReportingOverflow(by: tx.gasLimit) else { throw .feeOverflow }
        let (partial, overflow1) = maxCost.addingReportingOverflow(tx.value)
        let (total, overflow2) = partial.addingReportingOverflow(maxBlobCost)
        if overflow1 || overflow2 || _state.pointee.balance(tx.caller) < total { throw .insufficientFunds }
        if tx.gasLimit < intrinsic { throw .intrinsicGasTooLow(intrinsic: intrinsic, gasLimit: tx.gasLimit) }

        let price: UInt256
        if let tip = tx.maxPriorityFeePerGas {
            let withTip = block.baseFee &+ tip
            price = withTip < tx.maxFeePerGas ? withTip : tx.maxFeePerGas
        } else {
            price = tx.maxFeePerGas
        }
        origin = tx.caller
        gasPrice = price
        blobHashes = tx.blobHashes

        _state.pointee.subtractBalance(tx.caller, price &* UInt256(tx.gasLimit) &+ blobFee)
        _state.pointee.warmAddress(tx.caller)
        _state.pointee.warmAddress(block.coinbase) // EIP-3651
        for e in tx.accessList {
            _state.pointee.warmAddress(e.address)
            for k in e.storageKeys { _state.pointee.warmSlot(e.address, k) }
        }
        let gas = Int(tx.gasLimit - intrinsic)
        let outcome: CallOutcome
        if let to = tx.to {
            _state.pointee.warmAddress(to)
            _state.pointee.setNonce(tx.caller, senderNonce + 1)
            outcome = call(kind: .call, caller: tx.caller, address: to, codeAddress: to, value: tx.value,
                           input: tx.data, gas: gas, isStatic: false, depth: 0)
        } else {
            outcome = create(caller: tx.caller, value: tx.value, initcode: tx.data, salt: nil, gas: gas, depth: 0)
        }
        var gasUsed = tx.gasLimit - UInt64(outcome.gasLeft)
        let refund = min(UInt64(max(_state.pointee.refund, 0)), gasUsed / 5)
        gasUsed -= refund
        _state.pointee.addBalance(tx.caller, price &* UInt256(tx.gasLimit - gasUsed))
        _state.pointee.addBalance(block.coinbase, (price &- block.baseFee) &* UInt256(gasUsed))
        let logs = _state.pointee.logs
        _state.pointee.finalizeTransaction()
        return ExecutionResult(status: outcome.status, gasUsed: gasUsed, gasRefunded: refund,
                               output: outcome.output, logs: logs, createdAddress: outcome.createdAddress)
    }
}

extension UInt256 {
    /// self × m, or nil when the product needs more than 256 bits.
    @inlinable
    public func multipliedReportingOverflow(by m: UInt64) -> UInt256? {
        var r = UInt256.zero
        var carry: UInt64 = 0
        for i in 0..<4 {
            let t = UInt128(self[limb: i]) &* UInt128(m) &+ UInt128(carry)
            r[limb: i] = UInt64(truncatingIfNeeded: t)
            carry = UInt64(truncatingIfNeeded: t >> 64)
        }
        return carry == 0 ? r : nil
    }
}
