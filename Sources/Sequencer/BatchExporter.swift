import EVM

/// Builds `BatchFile`s from a store: replays blocks from genesis to the batch's start (the store
/// keeps only the latest state), checking each replayed block's state root against the stored header.
public struct BatchExporter {
    /// The store.
    public var store: any ChainStore
    /// The chain's genesis.
    public var genesis: Genesis

    /// An exporter.
    public init(store: any ChainStore, genesis: Genesis) { self.store = store; self.genesis = genesis }

    /// Where a replay stands: the state after block `number`, whose header is `header`, and the
    /// hashes of the blocks before it that BLOCKHASH can read.
    public struct Checkpoint: Sendable {
        /// The last replayed block.
        public var number: UInt64
        /// Its header.
        public var header: BlockHeader
        /// The state after it.
        public var state: WorldState
        /// Hashes of the recent blocks up to it (at most 256).
        public var recent: [UInt64: UInt256]
    }

    /// The batch file of batch `index`.
    /// - Throws: `SequencerError.notFound` for an unknown batch, `.corruptRecord` when replay disagrees with the store.
    public func export(index: UInt64) throws -> BatchFile {
        try export(index: index, from: nil).file
    }

    /// The batch file of batch `index`, replaying from `checkpoint` when it is at or before the
    /// batch's pre-state (from genesis otherwise), and the checkpoint at the batch's pre-state. A
    /// caller exporting batches in order (the proving sequencer) passes the previous checkpoint,
    /// so each block is replayed once overall instead of once per later batch.
    public func export(index: UInt64, from checkpoint: Checkpoint?) throws -> (file: BatchFile, checkpoint: Checkpoint) {
        guard index > 0 else { throw SequencerError.notFound("batch 0 is the genesis block, which has no transactions to export") }
        guard let batch = try store.batch(index: index) else { throw SequencerError.notFound("batch \(index)") }
        var at: Checkpoint
        if let checkpoint, checkpoint.number < batch.firstBlock {
            at = checkpoint
        } else {
            guard let g = try store.header(number: 0) else { throw SequencerError.notFound("block 0") }
            at = Checkpoint(number: 0, header: g, state: genesis.state, recent: [0: g.hash])
        }
        while at.number + 1 < batch.firstBlock { at = try replay(after: at) }
        let records = try store.blocks(of: batch)
        var file = BatchFile(chainId: genesis.chainId, batch: batch, parentHash: at.header.hash, blockHashes: at.recent,
                             blocks: records.map(BlockContext.init), extraData: records.map(\.header.extraData),
                             hashes: records.map(\.hash), preState: at.state)
        file.withdrawals = L2Withdrawals.of(records)
        return (file, at)
    }

    /// Re-executes the block after `at` from the store's records, checking its state root.
    func replay(after at: Checkpoint) throws -> Checkpoint {
        let n = at.number + 1
        guard let header = try store.header(number: n) else { throw SequencerError.notFound("block \(n)") }
        let txs = try store.transactions(block: n)
        let messages = try store.messages(block: n)
        let candidates = txs.map { PooledTransaction(transaction: $0.transaction, raw: $0.raw, hash: $0.hash, sender: $0.sender) }
        let builder = BlockBuilder(chainId: genesis.chainId, coinbase: header.coinbase, gasLimit: header.gasLimit,
                                   extraData: header.extraData)
        let out = Interpreter.withLargeStack {
            builder.build(parent: at.header, parentHash: at.header.hash, state: at.state, candidates: candidates,
                          timestamp: header.timestamp, baseFee: header.baseFeePerGas, recentHashes: at.recent, messages: messages)
        }
        guard out.block.header.stateRoot == header.stateRoot else {
            throw SequencerError.corruptRecord("replay of block \(n) gives another state root")
        }
        var recent = at.recent
        recent[n] = header.hash
        recent[n &- 256] = nil
        return Checkpoint(number: n, header: header, state: out.state, recent: recent)
    }
}
