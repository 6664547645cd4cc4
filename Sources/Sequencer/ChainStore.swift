import EVM

/// Durable storage of the chain: blocks, transactions, receipts, logs, batches, the
/// acknowledged-but-unincluded transactions and the latest account state.
///
/// Backend-neutral (SQLite now, PostgreSQL later). Contract: every method that writes is atomic,
/// and once it returns the write survives a crash of the process (the SQLite backend also
/// survives power loss with `synchronous=FULL`). `commitBlock` writes the block, its state changes,
/// the removal of its transactions from the pending set and an optional sealed batch in one
/// transaction, so a restart always sees a consistent (block, state, pending) triple.
///
/// State strategy: the latest state is stored as rows (accounts, code, storage) and loaded into
/// memory at start-up; historical states are not kept — they are rebuilt by replaying blocks from
/// genesis (`BatchExporter` does this), which is possible because every block's raw transactions
/// are stored.
public protocol ChainStore: Sendable {
    /// The highest stored block's header, or nil for an empty database.
    func head() throws -> BlockHeader?
    /// Writes block 0 and the genesis state. Only valid on an empty database.
    func commitGenesis(header: BlockHeader, state: WorldState) throws
    /// Loads the latest state.
    func loadState() throws -> WorldState
    /// Writes a block (with the deposits it credited), its state changes, drops `removingPending` from the pending set and records
    /// `batch` if one was sealed with it, atomically.
    func commitBlock(_ block: BlockRecord, changes: StateChanges, removingPending: [UInt256], batch: BatchRecord?) throws
    /// Adds acknowledged transactions (hash, raw bytes) to the pending set; durable on return.
    func insertPending(_ entries: [(hash: UInt256, raw: [UInt8])]) throws
    /// Removes transactions from the pending set (replaced, evicted or found invalid).
    func deletePending(_ hashes: [UInt256]) throws
    /// The pending set's raw transactions, in arrival order.
    func pendingTransactions() throws -> [[UInt8]]
    /// Records v1 deposits the node has seen but not yet credited; durable on return. Re-inserting
    /// a known deposit is a no-op.
    func insertMessages(_ messages: [L1Message]) throws
    /// The recorded deposits no block has credited yet, in queue order.
    func unincludedMessages() throws -> [L1Message]
    /// The deposits block `number` credited, in queue order (`commitBlock` records them).
    func messages(block number: UInt64) throws -> [L1Message]
    /// The recorded deposit with the highest queue index, included or not.
    func lastMessage() throws -> L1Message?
    /// The header of block `number`.
    func header(number: UInt64) throws -> BlockHeader?
    /// The number of the block with this hash.
    func blockNumber(hash: UInt256) throws -> UInt64?
    /// The transactions (with receipts) of block `number`, in order.
    func transactions(block number: UInt64) throws -> [IncludedTransaction]
    /// The number of transactions of block `number`.
    func transactionCount(block number: UInt64) throws -> Int
    /// An included transaction by hash.
    func transaction(hash: UInt256) throws -> IncludedTransaction?
    /// The logs matching `filter`, in chain order.
    func logs(_ filter: LogFilter) throws -> [LogRecord]
    /// Writes or updates a batch.
    func saveBatch(_ batch: BatchRecord) throws
    /// A batch by index.
    func batch(index: UInt64) throws -> BatchRecord?
    /// The batch with the highest index.
    func latestBatch() throws -> BatchRecord?
    /// The batch holding block `number`.
    func batch(containingBlock number: UInt64) throws -> BatchRecord?
}

extension ChainStore {
    /// The stored blocks of `batch` (headers, transactions with receipts, deposits), in order:
    /// what its batch data, withdrawals and batch file are made of.
    /// - Throws: `SequencerError.notFound` for a missing block, or the store's errors.
    public func blocks(of batch: BatchRecord) throws -> [BlockRecord] {
        try (batch.firstBlock...batch.lastBlock).map { n in
            guard let header = try header(number: n) else { throw SequencerError.notFound("block \(n)") }
            return BlockRecord(header: header, transactions: try transactions(block: n), messages: try messages(block: n))
        }
    }
}
