import EVM

/// A message call that is executed but never included (`eth_call`, `eth_estimateGas`).
public struct CallRequest: Sendable {
    /// Sender (default: the zero address).
    public var from: Address
    /// Recipient; nil executes `data` as init code.
    public var to: Address?
    /// Gas (default and cap: the node's call gas cap).
    public var gas: UInt64?
    /// Wei sent.
    public var value: UInt256
    /// Calldata.
    public var data: [UInt8]

    /// A call request.
    public init(from: Address = .zero, to: Address?, gas: UInt64? = nil, value: UInt256 = .zero, data: [UInt8] = []) {
        self.from = from; self.to = to; self.gas = gas; self.value = value; self.data = data
    }
}

extension ChainNode {
    /// A block's header and the state after it (`state(at:)`).
    public typealias Snapshot = (header: BlockHeader, state: WorldState)

    /// Executes `request` on a copy of the state after `snapshot`'s block (default the head) with
    /// base fee 0 and gas price 0 (as go-ethereum does for calls without fee fields), so the sender
    /// needs no balance for gas. Runs on a large-stack thread.
    /// - Throws: `TransactionError` when the call is not executable (e.g. value above balance).
    public func call(_ request: CallRequest, at snapshot: Snapshot? = nil) throws(TransactionError) -> ExecutionResult {
        let (header, state) = snapshot ?? (head.header, self.state)
        let gas = min(request.gas ?? configuration.callGasCap, configuration.callGasCap)
        return try Self.execute(request, state: state, parent: header, gas: gas, chainId: chainId)
    }

    static func execute(_ request: CallRequest, state: WorldState, parent: BlockHeader, gas: UInt64,
                        chainId: UInt64) throws(TransactionError) -> ExecutionResult {
        let env = BlockEnvironment(coinbase: parent.coinbase, number: parent.number + 1, timestamp: parent.timestamp,
                                   gasLimit: max(gas, parent.gasLimit), baseFee: .zero, chainId: chainId)
        let tx = TransactionEnvironment(caller: request.from, to: request.to, value: request.value, data: request.data,
                                        gasLimit: gas, nonce: state.nonce(request.from), maxFeePerGas: .zero)
        let result: Result<ExecutionResult, TransactionError> = Interpreter.withLargeStack {
            let vm = Interpreter(state: state, block: env)
            do throws(TransactionError) { return .success(try vm.execute(tx)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    /// The smallest gas limit with which `request` succeeds, by binary search between the
    /// intrinsic gas and the cap (go-ethereum's method: success is monotone in gas).
    /// - Throws: `TransactionError` when not executable; `CallFailure` when it fails even at the cap.
    public func estimateGas(_ request: CallRequest, at snapshot: Snapshot? = nil) throws -> UInt64 {
        let (header, state) = snapshot ?? (head.header, self.state)
        let cap = min(request.gas ?? configuration.callGasCap, configuration.callGasCap)
        let top = try Self.execute(request, state: state, parent: header, gas: cap, chainId: chainId)
        guard top.status.isSuccess else { throw CallFailure(result: top) }
        var lo = max(top.gasUsed, Transaction.baseGas) - 1, hi = cap
        // gasUsed (after refund) is a lower bound; try it and a little above first, as most calls fit.
        if let r = try? Self.execute(request, state: state, parent: header, gas: top.gasUsed + top.gasRefunded,
                                     chainId: chainId), r.status.isSuccess {
            hi = top.gasUsed + top.gasRefunded
        }
        while lo + 1 < hi {
            let mid = lo + (hi - lo) / 2
            let r = try? Self.execute(request, state: state, parent: header, gas: mid, chainId: chainId)
            if let r, r.status.isSuccess { hi = mid } else { lo = mid }
        }
        return hi
    }
}

/// A call that executed but reverted or halted (eth_call/eth_estimateGas report it as error 3
/// "execution reverted" with the revert data).
public struct CallFailure: Error, Sendable {
    /// The failed execution.
    public var result: ExecutionResult
}
