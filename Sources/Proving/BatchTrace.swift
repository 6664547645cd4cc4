import Circuits
import EVM
import Sequencer

/// A batch file read as the batch circuit's slots: the witness generator's first half.
///
/// The batch is re-executed from the file alone (`BatchFile.replay`, which also re-checks its
/// deposits and withdrawals); each block's deposits become deposit slots, then each transaction
/// a transfer slot, with the gas and effective price its receipt shows. Only what the circuit
/// constrains passes: a transaction that carries calldata, calls code or a precompile, creates a
/// contract or fails is refused by name (the circuit does not execute EVM code yet), as is a
/// batch whose blocks pay different coinbases (fees are credited once per batch).
public struct BatchTrace: Sendable {
    /// The slots, in execution order.
    public var slots: [BatchSlot]
    /// The batch's coinbase.
    public var coinbase: Address
    /// The state before and after the batch.
    public var preState: WorldState, postState: WorldState

    /// Why a batch cannot be traced into slots.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// A transaction the circuit cannot prove, by hash, with the reason.
        case unsupported(transaction: UInt256, reason: String)
        /// Blocks with different coinbases.
        case coinbases(Address, Address)

        public var description: String {
            switch self {
            case let .unsupported(tx, reason): "transaction \(Hex.encode(word: tx)) is not provable by the batch circuit: \(reason)"
            case let .coinbases(a, b): "the batch's blocks pay two coinbases, \(a) and \(b); the circuit credits one per batch"
            }
        }
    }

    /// Traces `file`.
    /// - Throws: `Failure`, or the re-execution's `SequencerError` for a corrupt file.
    public init(_ file: BatchFile) throws {
        let (post, blocks) = try file.replay()
        preState = file.preState
        postState = post
        coinbase = file.blocks.first?.coinbase ?? .zero
        slots = []
        for (ctx, block) in zip(file.blocks, blocks) {
            guard ctx.coinbase == coinbase else { throw Failure.coinbases(coinbase, ctx.coinbase) }
            for m in block.messages { slots.append(.deposit(to: m.to, value: m.value)) }
            for t in block.transactions {
                slots.append(try Self.transfer(t, baseFee: ctx.baseFeePerGas, preState: file.preState))
            }
        }
    }

    /// The slot of an included transaction, or why it has none. Code cannot appear during a
    /// batch of transfers only, so "has no code" is read from the state before the batch.
    static func transfer(_ t: IncludedTransaction, baseFee: UInt256, preState: WorldState) throws(Failure) -> BatchSlot {
        let tx = t.transaction
        func refuse(_ reason: String) -> Failure { .unsupported(transaction: t.hash, reason: reason) }
        guard let to = tx.to else { throw refuse("contract creation") }
        guard t.receipt.status else { throw refuse("the transaction failed") }
        guard tx.data.isEmpty else { throw refuse("calldata (\(tx.data.count) bytes)") }
        guard !Precompiles.contains(to) else { throw refuse("a call to precompile \(to)") }
        guard preState.accounts[to]?.code.isEmpty ?? true else { throw refuse("a call to contract \(to)") }
        guard t.receipt.gasUsed == Transaction.baseGas else { throw refuse("gas used \(t.receipt.gasUsed) is not 21000") }
        return .transfer(from: t.sender, to: to, value: tx.value, nonce: tx.nonce, gasLimit: tx.gasLimit,
                         gasUsed: t.receipt.gasUsed, gasPrice: t.receipt.effectiveGasPrice, feeCap: tx.maxFeePerGas,
                         baseFee: baseFee)
    }
}
