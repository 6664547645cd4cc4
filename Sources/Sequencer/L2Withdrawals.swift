import EVM
import Settlement

/// Withdrawals from chain v2 to v1: a successful top-level transaction that sends value to
/// `bridge` withdraws that value (it stays locked at the bridge address on chain v2); the
/// recipient on v1 is the 20-byte calldata, or the sender when the calldata is empty. The
/// settlement contract pays it out with `claimWithdrawal` once the batch is finalized, against
/// the batch's withdraw tree (`WithdrawTree`, leaf i = the batch's i-th withdrawal in block order).
///
/// Withdrawals are derived from a block's transactions and receipts, not stored apart, so every
/// backend, the batch submitter and the RPC read them the same way. Calls from contracts (internal
/// transactions) to the bridge do not withdraw: only the top-level transaction is seen here.
public enum L2Withdrawals {
    /// The bridge address on chain v2.
    public static let bridge = Address(0x5100)

    /// The withdrawal a transaction makes, if any.
    public static func of(_ t: IncludedTransaction) -> WithdrawTree.Withdrawal? {
        let tx = t.transaction
        guard tx.to == bridge, !tx.value.isZero, t.receipt.status else { return nil }
        let to = tx.data.count == 20 ? Address(bytes: tx.data)! : t.sender
        return WithdrawTree.Withdrawal(to: to, amount: tx.value)
    }

    /// Whether a transaction to the bridge would make a withdrawal of the right shape (the pool
    /// refuses others: calldata that is neither empty nor an address would be ambiguous).
    public static func isWellFormed(_ tx: Transaction) -> Bool {
        tx.to != bridge || tx.data.isEmpty || tx.data.count == 20
    }

    /// The withdrawals of these blocks, in block and transaction order.
    public static func of(_ blocks: [BlockRecord]) -> [WithdrawTree.Withdrawal] {
        blocks.flatMap { $0.transactions.compactMap(of) }
    }

    /// The withdraw root of batch `batch` as committed on v1 (0 for the genesis batch, SPEC.md "Genesis").
    public static func root(of batch: BatchRecord, in store: any ChainStore) throws -> UInt256 {
        batch.index == 0 ? .zero : WithdrawTree(try of(batch: batch, in: store)).root
    }

    /// The withdrawals of batch `batch`, in block and transaction order.
    public static func of(batch: BatchRecord, in store: any ChainStore) throws -> [WithdrawTree.Withdrawal] {
        batch.index > 0 ? of(try store.blocks(of: batch)) : []
    }
}
