import EVM
import Plonk

/// The settlement contract's state machine in Swift (SPEC.md): the same storage,
/// the same checks in the same order, the same events and revert reasons. The
/// sequencer asks it what v1 will do before paying gas for it, the tests run it
/// next to the contract on two EVMs, and `zkrollup verify` verifies through it.
///
/// One thing it cannot see: a withdrawal paid to a v1 contract that rejects ETH
/// fails on chain with "withdrawal transfer failed"; the mirror predicts that
/// reason only when the contract's balance is short.
public struct RollupMirror: Sendable {
    /// What the contract keeps per batch (the prev root is the parent's post root; the proof's
    /// public inputs are rebuilt from the binding and the two roots at finalize time).
    public struct StoredBatch: Sendable, Equatable {
        /// The batch hash.
        public var batchHash: UInt256
        /// Its post-state root.
        public var postStateRoot: UInt256
        /// Its withdraw-tree root.
        public var withdrawRoot: UInt256
        /// Public input 0 of its proof: keccak(chainId ‖ withdraw ‖ queue ‖ dataHash) mod r.
        public var binding: UInt256
        /// The number of queued deposits it has consumed.
        public var queueCount: UInt64
    }

    /// Roles, chain id, genesis root and key.
    public let deployment: RollupDeployment
    /// The highest committed batch.
    public private(set) var lastCommittedBatch: UInt256 = .zero
    /// The highest finalized batch.
    public private(set) var lastFinalizedBatch: UInt256 = .zero
    /// The deposit queue.
    public private(set) var queue = MessageQueue()
    /// Wei the contract holds (deposits in, withdrawals out).
    public private(set) var balance: UInt256 = .zero
    private var batches: [UInt256: StoredBatch]
    private var claimed: Set<[UInt256]> = []

    /// The contract right after deployment: batch 0 finalized at the genesis root.
    public init(_ deployment: RollupDeployment) {
        self.deployment = deployment
        let g = BatchHeader.genesis(stateRoot: deployment.genesisStateRoot)
        batches = [.zero: StoredBatch(batchHash: g.batchHash(dataHash: .zero), postStateRoot: g.postStateRoot,
                                      withdrawRoot: .zero, binding: .zero, queueCount: 0)]
    }

    // MARK: Views

    /// Batch `i` as stored (also after a revert, as on chain), or nil if never committed.
    public func batch(_ i: UInt256) -> StoredBatch? { batches[i] }
    /// `batchHash(i)` (zero when never committed).
    public func batchHash(_ i: UInt256) -> UInt256 { batches[i]?.batchHash ?? .zero }
    /// `batchPublicInputs(i)`: what `finalizeBatch(i, …)` verifies against, (binding, the parent's
    /// post root, the batch's post root); batch 0's parent root is its own. Zeros where never committed.
    public func batchPublicInputs(_ i: UInt256) -> [UInt256] {
        let parent = i.isZero ? batches[i] : batches[i &- 1]
        return [batches[i]?.binding ?? .zero, parent?.postStateRoot ?? .zero, batches[i]?.postStateRoot ?? .zero]
    }
    /// The post-state root of the last finalized batch.
    public var finalizedStateRoot: UInt256 { batches[lastFinalizedBatch]!.postStateRoot }
    /// Whether leaf `leafIndex` of batch `batchIndex` was claimed.
    public func isClaimed(batchIndex: UInt256, leafIndex: UInt256) -> Bool { claimed.contains([batchIndex, leafIndex]) }

    // MARK: Transactions

    /// `commitBatch(header, batchData)` sent by `sender`.
    public mutating func commitBatch(from sender: Address, header: BatchHeader, batchData: [UInt8]) throws(RollupRevert) -> [RollupEvent] {
        guard batchData.count <= 65_536 else { throw .calldataRejected }
        guard sender == deployment.sequencer else { throw .onlySequencer }
        let index = lastCommittedBatch &+ 1
        guard header.index == index else { throw .batchIndexNotNext }
        let parent = batches[lastCommittedBatch]!
        guard header.parentBatchHash == parent.batchHash else { throw .wrongParentBatchHash }
        guard header.prevStateRoot == parent.postStateRoot else { throw .prevStateRootMismatch }
        guard header.postStateRoot < .scalarModulus else { throw .stateRootNotBelowR }
        guard let count = queue.position(of: header.messageQueueHash) else { throw .unknownMessageQueueHash }
        guard count >= parent.queueCount else { throw .messageQueueGoesBack }
        let dataHash = BatchHeader.dataHash(batchData)
        let hash = header.batchHash(dataHash: dataHash)
        batches[index] = StoredBatch(batchHash: hash, postStateRoot: header.postStateRoot, withdrawRoot: header.withdrawRoot,
                                     binding: header.binding(l2ChainId: deployment.l2ChainId, dataHash: dataHash),
                                     queueCount: count)
        lastCommittedBatch = index
        return [.batchCommitted(index: index, batchHash: hash, dataHash: dataHash)]
    }

    /// `finalizeBatch(index, proof)`, open to anyone.
    public mutating func finalizeBatch(index: UInt256, proof: [UInt8]) throws(RollupRevert) -> [RollupEvent] {
        if proof.count > Proof.byteCount { throw .calldataRejected }
        let last = lastFinalizedBatch
        guard index > last else { throw .batchAlreadyFinalized }
        guard index <= lastCommittedBatch else { throw .batchNotCommitted }
        guard index == last &+ 1 else { throw .batchNotNextToFinalize }
        let prev = batches[index &- 1]!.postStateRoot
        guard prev == batches[last]!.postStateRoot else { throw .prevStateRootNotFinalized }
        let b = batches[index]!
        try SettlementVerifier.verify(proof: proof, publicInputs: [b.binding, prev, b.postStateRoot], vk: deployment.vk)
        lastFinalizedBatch = index
        return [.batchFinalized(index: index, batchHash: b.batchHash, postStateRoot: b.postStateRoot, withdrawRoot: b.withdrawRoot)]
    }

    /// `verifyProof(proof, publicInputs)`, the view (`publicInputs`: exactly three words).
    public func verifyProof(_ proof: [UInt8], publicInputs: [UInt256]) throws(RollupRevert) {
        try SettlementVerifier.verify(proof: proof, publicInputs: publicInputs, vk: deployment.vk)
    }

    /// `revertBatch(index)` sent by `sender`: drops batches index … lastCommittedBatch.
    public mutating func revertBatch(from sender: Address, index: UInt256) throws(RollupRevert) -> [RollupEvent] {
        guard sender == deployment.owner else { throw .onlyOwner }
        guard index > lastFinalizedBatch else { throw .batchAlreadyFinalized }
        let last = lastCommittedBatch
        guard index <= last else { throw .batchNotCommitted }
        lastCommittedBatch = index &- 1
        return [.batchReverted(index: index, count: last &- index &+ 1)]
    }

    /// `depositETH(to)` with `value` wei from `sender`.
    public mutating func depositETH(from sender: Address, to: Address, value: UInt256) throws(RollupRevert) -> [RollupEvent] {
        guard !value.isZero else { throw .depositAmountIsZero }
        balance = balance &+ value
        return [.depositQueued(queue.append(sender: sender, to: to, value: value))]
    }

    /// `claimWithdrawal(batchIndex, leafIndex, to, amount, proof)`.
    public mutating func claimWithdrawal(batchIndex: UInt256, leafIndex: UInt256, to: Address, amount: UInt256,
                                         proof: [UInt256]) throws(RollupRevert) -> [RollupEvent] {
        guard proof.count == WithdrawTree.depth else { throw .calldataRejected }
        guard batchIndex <= lastFinalizedBatch else { throw .batchNotFinalized }
        guard let root = WithdrawTree.root(index: leafIndex, to: to, amount: amount, proof: proof) else { throw .leafIndexOutOfRange }
        guard root == batches[batchIndex]!.withdrawRoot else { throw .invalidWithdrawalProof }
        guard !claimed.contains([batchIndex, leafIndex]) else { throw .withdrawalAlreadyClaimed }
        guard amount <= balance else { throw .withdrawalTransferFailed }
        claimed.insert([batchIndex, leafIndex])
        balance = balance &- amount
        return [.withdrawalClaimed(batchIndex: batchIndex, leafIndex: leafIndex, to: to, amount: amount)]
    }
}
