import EVM
import Keccak

/// The compiled contract deployed on the project's own EVM, in memory: the
/// second of the three executions the settlement tests compare (mirror, this,
/// pyrevm), and the way `zkrollup l1 --dev` obtains the contract's deployed
/// code and storage for its genesis.
public struct RollupEVMChain: Sendable {
    /// The outcome of one transaction.
    public struct Outcome: Sendable {
        /// Whether it succeeded.
        public var ok: Bool
        /// The revert reason (`<revert 0x>` for a revert without data, `<halt: …>` for an exceptional halt); nil on success.
        public var reason: String?
        /// Gas used, intrinsic gas included (as a receipt reports it).
        public var gasUsed: UInt64
        /// Return or revert data.
        public var output: [UInt8]
        /// The contract's events, decoded.
        public var events: [RollupEvent]
    }

    /// The state after every transaction so far.
    public private(set) var state: WorldState
    /// The contract's address.
    public let contract: Address
    /// The block every transaction runs in (chain id, zero base fee).
    public let block: BlockEnvironment
    /// The gas limit of every transaction.
    public static let gasLimit: UInt64 = 30_000_000

    /// Deploys `deployment` from its owner on a fresh chain whose `funded` accounts hold `balance` wei each.
    /// - Throws: `RollupEVMError.deploymentFailed` when the constructor reverts.
    public init(_ deployment: RollupDeployment, funded: [Address], balance: UInt256, chainId: UInt64 = 1) throws(RollupEVMError) {
        var s = WorldState()
        for a in Set(funded + [deployment.owner]) { s.accounts[a] = Account(balance: balance) }
        state = s
        block = BlockEnvironment(number: 1, timestamp: 1, gasLimit: Self.gasLimit, chainId: chainId)
        contract = Interpreter.createAddress(caller: deployment.owner, nonce: s.nonce(deployment.owner))
        let r = try run(from: deployment.owner, to: nil, value: .zero, data: deployment.initCode)
        guard r.status.isSuccess, r.createdAddress == contract else {
            throw .deploymentFailed(RollupCall.revertReason(r.output) ?? r.status.description)
        }
    }

    /// Sends `call` from `sender` with `value` wei.
    public mutating func send(_ call: RollupCall, from sender: Address, value: UInt256 = .zero) throws(RollupEVMError) -> Outcome {
        let r = try run(from: sender, to: contract, value: value, data: call.calldata)
        let events = r.logs.filter { $0.address == contract }.compactMap { RollupEvent(topics: $0.topics, data: $0.data) }
        if r.status.isSuccess { return Outcome(ok: true, reason: nil, gasUsed: r.gasUsed, output: r.output, events: events) }
        var reason = r.status == .reverted ? (RollupCall.revertReason(r.output) ?? "<revert \(Hex.encode(r.output))>")
                                           : "<halt: \(r.status)>"
        if reason.isEmpty { reason = RollupRevert.calldataRejected.description }
        return Outcome(ok: false, reason: reason, gasUsed: r.gasUsed, output: r.output, events: [])
    }

    /// Reads a one-word view (`vkHash()`, `batchHash(uint256)`, …) without changing the chain.
    /// - Returns: the returned word, or nil when the call fails or returns something else.
    public func view(_ signature: String, _ args: UInt256...) -> UInt256? {
        guard let w = words(signature, args), w.count == 1 else { return nil }
        return w[0]
    }

    /// Reads a view that returns a static array of `count` words (`batchPublicInputs(uint256)`: 3).
    /// - Returns: the words, or nil when the call fails or returns another length.
    public func view(_ signature: String, words count: Int, _ args: UInt256...) -> [UInt256]? {
        guard let w = words(signature, args), w.count == count else { return nil }
        return w
    }

    private func words(_ signature: String, _ args: [UInt256]) -> [UInt256]? {
        var scratch = self
        let data = Array(Keccak256.hash(Array(signature.utf8)).prefix(4)) + args.flatMap(\.bigEndianBytes)
        guard let r = try? scratch.run(from: .zero, to: contract, value: .zero, data: data),
              r.status.isSuccess, r.output.count % 32 == 0 else { return nil }
        return stride(from: 0, to: r.output.count, by: 32).map { UInt256(bigEndianAt: Array(r.output[$0..<$0 + 32])) }
    }

    private mutating func run(from sender: Address, to: Address?, value: UInt256, data: [UInt8]) throws(RollupEVMError) -> ExecutionResult {
        let evm = Interpreter(state: state, block: block)
        let tx = TransactionEnvironment(caller: sender, to: to, value: value, data: data, gasLimit: Self.gasLimit,
                                        nonce: state.nonce(sender))
        do {
            let r = try evm.execute(tx)
            state = evm.state
            return r
        } catch {
            throw .invalidTransaction(error.description)
        }
    }
}

/// Why the in-memory chain could not run a transaction.
public enum RollupEVMError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The constructor reverted.
    case deploymentFailed(String)
    /// The EVM refused the transaction (nonce, funds, gas limit).
    case invalidTransaction(String)

    /// A readable account.
    public var description: String {
        switch self {
        case .deploymentFailed(let s): return "deploying the rollup contract failed: \(s)"
        case .invalidTransaction(let s): return "transaction rejected by the EVM: \(s)"
        }
    }
}
