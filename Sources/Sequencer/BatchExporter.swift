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

    /// The batch file of batch `index`.
    /// - Throws: `SequencerError.notFound` for an unknown batch, `.corruptRecord` when replay disagrees with the store.
    public func export(index: UInt64) throws -> BatchFile {
        guard index > 0 else { throw SequencerError.notFound("batch 0 is the genesis block, which has no transactions to export") }
        guard let batch = try store.batch(index: index) else { throw SequencerError.notFound("batch \(index)") }
        var state = genesis.state
        var recent: [UInt64: UInt256] = [:]
        guard let g = try store.header(number: 0) else { throw SequencerError.notFound("block 0") }
        recent[0] = g.hash
        var parent = g
        if batch.firstBlock > 1 {
            for n in 1..<batch.firstBlock {
                guard let header = try store.header(number: n) else { throw SequencerError.notFound("block \(n)") }
                let txs = try store.transactions(block: n)
                let messages = try store.messages(block: n)
                let candidates = txs.map { PooledTransaction(transaction: $0.transaction, raw: $0.raw, hash: $0.hash, sender: $0.sender) }
                let builder = BlockBuilder(chainId: genesis.chainId, coinbase: header.coinbase, gasLimit: header.gasLimit,
                                           extraData: header.extraData)
                let (s, r, p) = (state, recent, parent)
                let out = Interpreter.withLargeStack {
                    builder.build(parent: p, parentHash: p.hash, state: s, candidates: candidates, timestamp: header.timestamp,
                                  baseFee: header.baseFeePerGas, recentHashes: r, messages: messages)
                }
                guard out.block.header.stateRoot == header.stateRoot else {
                    throw SequencerError.corruptRecord("replay of block \(n) gives another state root")
                }
                state = out.state
                recent[n] = header.hash
                recent[n &- 256] = nil
                parent = header
            }
        }
        let records = try store.blocks(of: batch)
        var file = BatchFile(chainId: genesis.chainId, batch: batch, parentHash: parent.hash, blockHashes: recent,
                             blocks: records.map(BlockContext.init), extraData: records.map(\.header.extraData),
                             hashes: records.map(\.hash), preState: state)
        file.withdrawals = L2Withdrawals.of(records)
        return file
    }
}
