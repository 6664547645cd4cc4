import Circuits
import EVM
import Sequencer

/// A batch file read as the batch circuit's slots: the witness generator's first half.
///
/// The batch is re-executed from the file alone (`BatchFile.replayWithEffects`, which also
/// re-checks its deposits and withdrawals); each block's deposits become deposit slots, then
/// each transaction a slot: a transfer when it moves value to an account without code with no
/// calldata and 21 000 gas, otherwise a call or a creation carrying what its traced execution
/// did (success, gas used, the target's changed storage slots, the created code's hash). Only
/// what the circuit can apply passes: a transaction whose code reaches another account (CALL,
/// CREATE, SELFDESTRUCT…, `TransactionEffect.escape`) or calls a precompile is refused by name,
/// as is a batch whose blocks pay different coinbases (fees are credited once per batch).
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
        let (post, blocks, effects) = try file.replayWithEffects()
        preState = file.preState
        postState = post
        coinbase = file.blocks.first?.coinbase ?? .zero
        slots = []
        // Accounts with code so far: the pre-state's, then each creation's (code never changes
        // after, since SELFDESTRUCT is refused).
        var code = Set(file.preState.accounts.filter { !$0.value.code.isEmpty }.keys)
        for (i, (ctx, block)) in zip(file.blocks, blocks).enumerated() {
            guard ctx.coinbase == coinbase else { throw Failure.coinbases(coinbase, ctx.coinbase) }
            for m in block.messages { slots.append(.deposit(to: m.to, value: m.value)) }
            for (t, effect) in zip(block.transactions, effects[i]) {
                let slot = try Self.slot(t, effect: effect, baseFee: ctx.baseFeePerGas, hasCode: code.contains(effect.target),
                                         postState: post)
                if slot.kind == .create && slot.success { code.insert(slot.to) }
                slots.append(slot)
            }
        }
    }

    /// The slot of an included transaction, or why it has none.
    static func slot(_ t: IncludedTransaction, effect: TransactionEffect, baseFee: UInt256, hasCode: Bool,
                     postState: WorldState) throws(Failure) -> BatchSlot {
        let tx = t.transaction
        func refuse(_ reason: String) -> Failure { .unsupported(transaction: t.hash, reason: reason) }
        if let escape = effect.escape { throw refuse(escape) }
        if let to = tx.to, Precompiles.contains(to) { throw refuse("a call to precompile \(to)") }
        let r = t.receipt
        if let to = tx.to, !hasCode, tx.data.isEmpty, r.status, r.gasUsed == Transaction.baseGas {
            return .transfer(from: t.sender, to: to, value: tx.value, nonce: tx.nonce, gasLimit: tx.gasLimit,
                             gasUsed: r.gasUsed, gasPrice: r.effectiveGasPrice, feeCap: tx.maxFeePerGas, baseFee: baseFee)
        }
        let writes = effect.storageWrites.map { BatchSlot.StorageWrite(slot: $0.key, value: $0.value) }
        let creates = tx.to == nil
        return .contract(creates ? .create : .call, from: t.sender, to: effect.target, value: tx.value, nonce: tx.nonce,
                         gasLimit: tx.gasLimit, gasUsed: r.gasUsed, gasPrice: r.effectiveGasPrice, feeCap: tx.maxFeePerGas,
                         baseFee: baseFee, success: r.status, storageWrites: writes,
                         codeHash: creates && r.status ? postState.code(effect.target).hash : nil)
    }
}
