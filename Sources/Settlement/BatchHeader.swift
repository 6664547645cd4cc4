import EVM
import Keccak

/// The header the sequencer commits for a batch (SPEC.md, "Batch header"): the
/// calldata tuple of `commitBatch`, and the source of the batch hash that chains
/// batches and of the three public inputs the batch proof exposes.
///
/// The batch circuit cannot compute Keccak, so the state roots (Poseidon roots of
/// chain v2, below r) are public inputs as they are, and the rest of the batch
/// (chain id, withdraw root, queue hash, data hash) enters through one hash, the binding.
public struct BatchHeader: Sendable, Hashable {
    /// The batch number; batch 0 is genesis.
    public var index: UInt256
    /// `batchHash` of batch `index − 1`.
    public var parentBatchHash: UInt256
    /// Chain v2's state root before the batch (= the parent's post root).
    public var prevStateRoot: UInt256
    /// Chain v2's state root after the batch (below r; the contract refuses others).
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

    /// keccak(chainId ‖ withdraw ‖ queue ‖ dataHash) mod r: public input 0 of the batch proof,
    /// what the contract stores at commit time.
    public func binding(l2ChainId: UInt256, dataHash: UInt256) -> UInt256 {
        UInt256.keccak(words: l2ChainId, withdrawRoot, messageQueueHash, dataHash) % .scalarModulus
    }

    /// The batch proof's public inputs, in order: the binding, prevStateRoot, postStateRoot.
    /// The roots are taken as they are: the contract checks they are below r before storing them.
    public func publicInputs(l2ChainId: UInt256, dataHash: UInt256) -> [UInt256] {
        [binding(l2ChainId: l2ChainId, dataHash: dataHash), prevStateRoot, postStateRoot]
    }
}
