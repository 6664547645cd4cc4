import EVM
import Keccak

/// The header the sequencer commits for a batch (SPEC.md, "Batch header"): the
/// calldata tuple of `commitBatch`, and the source of the batch hash that chains
/// batches and of the single public input the batch proof exposes.
public struct BatchHeader: Sendable, Hashable {
    /// The batch number; batch 0 is genesis.
    public var index: UInt256
    /// `batchHash` of batch `index − 1`.
    public var parentBatchHash: UInt256
    /// Chain v2's state root before the batch (= the parent's post root).
    public var prevStateRoot: UInt256
    /// Chain v2's state root after the batch.
    public var postStateRoot: UInt256
    /// Root of the batch's withdraw tree.
    public var withdrawRoot: UInt256
    /// The L1→L2 queue hash after the last deposit the batch includes (0: none ever).
    public var messageQueueHash: UInt256

    /// A header from its fields.
    public init(index: UInt256, parentBatchHash: UInt256, prevStateRoot: UInt256, postStateRoot: UInt256,
                withdrawRoot: UInt256, messageQueueHash: UInt256) {
        self.index = index; self.parentBatchHash = parentBatchHash; self.prevStateRoot = prevStateRoot
        self.postStateRoot = postStateRoot; self.withdrawRoot = withdrawRoot; self.messageQueueHash = messageQueueHash
    }

    /// The header of batch 0, finalized at deployment.
    public static func genesis(stateRoot: UInt256) -> BatchHeader {
        BatchHeader(index: .zero, parentBatchHash: .zero, prevStateRoot: stateRoot, postStateRoot: stateRoot,
                    withdrawRoot: .zero, messageQueueHash: .zero)
    }

    /// `keccak(batchData)`, the data hash the contract computes from calldata.
    public static func dataHash(_ batchData: [UInt8]) -> UInt256 { UInt256(bigEndianAt: Keccak256.hash(batchData)) }

    /// keccak(index ‖ parent ‖ prev ‖ post ‖ withdraw ‖ queue ‖ dataHash).
    public func batchHash(dataHash: UInt256) -> UInt256 {
        .keccak(words: index, parentBatchHash, prevStateRoot, postStateRoot, withdrawRoot, messageQueueHash, dataHash)
    }

    /// keccak(chainId ‖ prev ‖ post ‖ withdraw ‖ queue ‖ dataHash) mod r: the public input of the batch proof.
    public func publicInput(l2ChainId: UInt256, dataHash: UInt256) -> UInt256 {
        UInt256.keccak(words: l2ChainId, prevStateRoot, postStateRoot, withdrawRoot, messageQueueHash, dataHash) % .scalarModulus
    }
}
