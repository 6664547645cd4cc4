// Intrinsic gas (Cancun rules) and the validity checks of go-ethereum's state transition and pool.

extension Transaction {
    /// Base cost of every transaction.
    public static let baseGas: UInt64 = 21_000
    /// Base cost of a contract creation (EIP-2: 21000 + 32000).
    public static let creationGas: UInt64 = 53_000
    /// Per zero byte of data.
    public static let zeroByteGas: UInt64 = 4
    /// Per non-zero byte of data (EIP-2028).
    public static let nonZeroByteGas: UInt64 = 16
    /// Per access-list address (EIP-2930).
    public static let accessListAddressGas: UInt64 = 2400
    /// Per access-list storage key (EIP-2930).
    public static let accessListStorageKeyGas: UInt64 = 1900
    /// Per 32-byte word of creation init code (EIP-3860).
    public static let initCodeWordGas: UInt64 = 2
    /// Largest creation init code (EIP-3860: 2 · 24576).
    public static let maxInitCodeSize = 49_152

    /// The gas charged before execution (Yellow Paper g0 with EIP-2028, EIP-2930 and EIP-3860),
    /// saturating at u64 max.
    public var intrinsicGas: UInt64 {
        var gas = isContractCreation ? Self.creationGas : Self.baseGas
        var zeros = 0
        for b in data where b == 0 { zeros += 1 }
        let nonZeros = data.count - zeros
        var keys = 0
        for e in accessList { keys += e.storageKeys.count }
        let words = (data.count + 31) / 32
        let parts: [(UInt64, Int)] = [
            (Self.zeroByteGas, zeros), (Self.nonZeroByteGas, nonZeros),
            (Self.accessListAddressGas, accessList.count), (Self.accessListStorageKeyGas, keys),
            (isContractCreation ? Self.initCodeWordGas : 0, words),
        ]
        for (price, count) in parts {
            let (cost, o1) = price.multipliedReportingOverflow(by: UInt64(count))
            let (sum, o2) = gas.addingReportingOverflow(cost)
            if o1 || o2 { return .max }
            gas = sum
        }
        return gas
    }

    /// gasLimit · maxFeePerGas, or nil when it does not fit in 256 bits.
    public var maxGasCost: UInt256? {
        let (l0, l1, l2, l3) = maxFeePerGas.limbs
        let g = UInt128(gasLimit)
        var carry: UInt128 = 0
        var out: [UInt64] = []
        for limb in [l0, l1, l2, l3] {
            let t = UInt128(limb) * g + carry
            out.append(UInt64(truncatingIfNeeded: t))
            carry = t >> 64
        }
        return carry == 0 ? UInt256(out[0], out[1], out[2], out[3]) : nil
    }

    /// The checks that need no state (what ethereum/tests `TransactionTests` exercise), in
    /// go-ethereum's order: size, chain id, signature (sender recovery), nonce limit (EIP-2681),
    /// intrinsic gas, init code size (EIP-3860), fee ordering and the gas · fee-cap product.
    ///
    /// - Parameters:
    ///   - chainId: the chain's id; typed and EIP-155 transactions must carry it.
    ///   - allowUnprotected: accept legacy transactions without a chain id (geth's default: yes).
    ///   - maxEncodedSize: a pool's size limit on `encoded` (geth: 128 KiB), or nil for none.
    /// - Returns: the sender.
    /// - Throws: `TransactionValidationError` naming the first failed check.
    public func validate(chainId expected: UInt64, allowUnprotected: Bool = true,
                         maxEncodedSize: Int? = nil) throws(TransactionValidationError) -> Address {
        if let limit = maxEncodedSize, signature != nil {
            let size = encoded.count
            guard size <= limit else { throw .oversized(size: size, limit: limit) }
        }
        if chainId != expected && !(chainId == nil && type == .legacy && allowUnprotected) {
            throw .wrongChainId(expected: expected, got: chainId)
        }
        let sender = try recoverSender()
        guard nonce < UInt64.max else { throw .nonceMax }
        let intrinsic = intrinsicGas
        guard intrinsic <= gasLimit else { throw .intrinsicGasTooLow(required: intrinsic, gasLimit: gasLimit) }
        if isContractCreation && data.count > Self.maxInitCodeSize {
            throw .initCodeTooLarge(size: data.count, limit: Self.maxInitCodeSize)
        }
        if maxPriorityFeePerGas > maxFeePerGas {
            throw .priorityFeeAboveFeeCap(priorityFee: maxPriorityFeePerGas, feeCap: maxFeePerGas)
        }
        guard maxGasCost != nil else { throw .costOverflow }
        return sender
    }

    /// The checks against the sender's account and the block (go-ethereum `preCheck`/`buyGas`).
    ///
    /// - Parameters:
    ///   - senderNonce: the sender account's nonce.
    ///   - senderBalance: the sender account's balance in wei.
    ///   - baseFee: the block's base fee (EIP-1559), nil before London.
    ///   - blockGasLimit: the block's gas limit.
    /// - Throws: `.gasLimitAboveBlockGasLimit`, `.nonceTooLow`/`.nonceTooHigh`, `.feeCapBelowBaseFee`,
    ///   `.costOverflow` or `.insufficientFunds`.
    public func validate(senderNonce: UInt64, senderBalance: UInt256, baseFee: UInt256?,
                         blockGasLimit: UInt64) throws(TransactionValidationError) {
        guard gasLimit <= blockGasLimit else {
            throw .gasLimitAboveBlockGasLimit(gasLimit: gasLimit, blockGasLimit: blockGasLimit)
        }
        if nonce < senderNonce { throw .nonceTooLow(expected: senderNonce, got: nonce) }
        if nonce > senderNonce { throw .nonceTooHigh(expected: senderNonce, got: nonce) }
        if let baseFee, maxFeePerGas < baseFee { throw .feeCapBelowBaseFee(feeCap: maxFeePerGas, baseFee: baseFee) }
        guard let gasCost = maxGasCost else { throw .costOverflow }
        let (required, overflow) = gasCost.addingReportingOverflow(value)
        guard !overflow else { throw .costOverflow }
        guard required <= senderBalance else { throw .insufficientFunds(required: required, balance: senderBalance) }
    }
}
