import EVM
import Sequencer
import Settlement

extension BatchHeader {
    /// The header the contract receives for a sealed batch: its record's roots and queue
    /// position, and the root of its withdrawals (in block order). The one place a node-side
    /// batch becomes the contract's header, for the submitter, `l1 commit` and the prover's
    /// public inputs alike.
    public init(_ batch: BatchRecord, withdrawals: [WithdrawTree.Withdrawal], parentBatchHash: UInt256) {
        self.init(index: UInt256(batch.index), parentBatchHash: parentBatchHash,
                  prevStateRoot: batch.prevStateRoot, postStateRoot: batch.postStateRoot,
                  withdrawRoot: WithdrawTree(withdrawals).root, messageQueueHash: batch.messageQueueHash)
    }
}
