import EVM
import Foundation
import Keccak
import Logging

/// The chain v2 node: the latest state, the pool, block production and batch sealing over a
/// `ChainStore`. The JSON-RPC layer (`RPCHandler`) calls it; it knows nothing of HTTP.
///
/// Concurrency: one lock guards the published head, state and pool; it is never held during
/// execution or I/O. A block is built on a private copy of the state by one producer thread
/// (large stack for deep calls), committed to the store, then published under the lock.
/// Transactions are acknowledged only after their pending row is durable (`PendingWriter`).
public final class ChainNode: @unchecked Sendable {
    /// The store.
    public let store: any ChainStore
    /// The genesis.
    public let genesis: Genesis
    /// The settings.
    public let configuration: NodeConfiguration
    /// Chain id.
    public var chainId: UInt64 { genesis.chainId }
    let builder: BlockBuilder
    let logger: Logger
    let writer: PendingWriter
    /// Counters and timings exposed at /metrics.
    public let metrics = NodeMetrics()
    let lock = NSLock()
    let produceLock = NSLock()
    var _head: BlockHeader
    var _headHash: UInt256
    var _state: WorldState
    var _mempool: Mempool
    var _recentHashes: [UInt64: UInt256] = [:]
    var _openBatch: [BlockContext] = []
    /// Σ rlp size of `_openBatch` (its batch data without the outer list header).
    var _openBatchBytes = 0
    /// Storage writes of the open batch's calls and creations (`NodeConfiguration.provableStorageWrites`).
    /// After a restart it counts as full, so the reopened batch takes no more writes.
    var _openWrites = 0
    var _batchPrevRoot: UInt256
    /// The batches' Poseidon state roots (used under `produceLock` only).
    var _roots = BatchStateRoots()
    var _nextBatchIndex: UInt64
    /// Recorded v1 deposits not yet credited, in queue order.
    var _messageQueue: [L1Message] = []
    /// Deposits credited up to the head, and the queue hash after the last of them.
    var _messageCount: UInt64 = 0
    var _messageHash: UInt256 = .zero
    /// With `provableTreeDepth`: the low key bits every account and admitted recipient holds.
    var _keyGuard: StateKeyGuard?
    /// With `provableTreeDepth` and `provableStorageWrites`: the slots the storage trees hold.
    var _storageGuard: StorageKeyGuard?
    /// Deposits recorded (credited or queued), and the queue hash after the last of them.
    var _knownMessages: UInt64 = 0
    var _knownHash: UInt256 = .zero
    let enqueueLock = NSLock()
    /// (sender, nonce) of the candidates of the block being built: a replacement of one of them
    /// is refused until the block is published, since the original may be the one included.
    var _inFlight: [Address: Set<UInt64>] = [:]
    /// The states after the last `stateHistory` blocks, by number, with their headers.
    var _history: [UInt64: (header: BlockHeader, state: WorldState)] = [:]
    var _running = false
    let wake = DispatchSemaphore(value: 0)
    var _producer: Thread?

    /// Opens the chain in `store`: writes genesis into an empty store, otherwise checks that
    /// block 0 matches `genesis`, loads the latest state and re-admits the pending transactions.
    /// - Throws: `SequencerError.genesisMismatch`, or the store's errors.
    public init(store: any ChainStore, genesis: Genesis, configuration: NodeConfiguration = NodeConfiguration(),
                logger: Logger = Logger(label: "zkrollup.sequencer")) throws {
        self.store = store
        self.genesis = genesis
        self.configuration = configuration
        self.logger = logger
        self.writer = PendingWriter(store: store)
        builder = BlockBuilder(chainId: genesis.chainId, coinbase: genesis.coinbase, gasLimit: genesis.gasLimit,
                               extraData: genesis.extraData)
        let genesisState = genesis.state
        let genesisHeader = genesis.header(stateRoot: genesisState.stateRoot)
        if let head = try store.head() {
            guard let stored = try store.header(number: 0) else { throw SequencerError.corruptRecord("no block 0") }
            guard stored.hash == genesisHeader.hash else {
                throw SequencerError.genesisMismatch(stored: Hex.encode(word: stored.hash),
                                                     configured: Hex.encode(word: genesisHeader.hash))
            }
            _head = head
            _headHash = head.hash
            _state = try store.loadState()
        } else {
            try store.commitGenesis(header: genesisHeader, state: genesisState)
            _head = genesisHeader
            _headHash = genesisHeader.hash
            _state = genesisState
        }
        _mempool = Mempool(limits: configuration.mempoolLimits)
        let first = _head.number >= 256 ? _head.number - 255 : 0
        for n in first..._head.number {
            if let h = try store.header(number: n) { _recentHashes[n] = h.hash }
        }
        // Batch 0 is the genesis block alone, final by definition, as in the settlement contract
        // (SPEC.md, "Genesis"), so batch indices here and on v1 are the same numbers.
        let latest: BatchRecord
        if let stored = try store.latestBatch() {
            latest = stored
        } else {
            let root = BatchStateRoots.root(of: genesisState)
            latest = BatchRecord(index: 0, firstBlock: 0, lastBlock: 0, prevStateRoot: root,
                                 postStateRoot: root, dataHash: .zero, status: .finalized,
                                 sealedAt: genesisHeader.timestamp)
            try store.saveBatch(latest)
        }
        _nextBatchIndex = latest.index + 1
        let openFrom = latest.lastBlock + 1
        _batchPrevRoot = latest.postStateRoot
        _messageCount = latest.messageCount
        _messageHash = latest.messageQueueHash
        if openFrom <= _head.number {
            for n in openFrom..._head.number {
                guard let h = try store.header(number: n) else { throw SequencerError.corruptRecord("block \(n)") }
                let messages = try store.messages(block: n)
                if let last = messages.last { (_messageCount, _messageHash) = (last.index + 1, last.queueHash) }
                _openBatch.append(BlockContext(BlockRecord(header: h, transactions: try store.transactions(block: n),
                                                           messages: messages)))
                _openBatchBytes += _openBatch[_openBatch.count - 1].rlp.count
            }
            _openWrites = configuration.provableStorageWrites
        }
        _history[_head.number] = (_head, _state)
        _messageQueue = try store.unincludedMessages()
        if let depth = configuration.provableTreeDepth {
            var guarded = StateKeyGuard(depth: depth, accounts: _state.accounts.keys.sorted { $0.word < $1.word })
            for m in _messageQueue { _ = guarded.claim(m.to) }
            _keyGuard = guarded
            if configuration.provableStorageWrites > 0 { _storageGuard = StorageKeyGuard(depth: depth, state: _state) }
        }
        (_knownMessages, _knownHash) = _messageQueue.last.map { ($0.index + 1, $0.queueHash) } ?? (_messageCount, _messageHash)
        try readmitPending()
    }

    /// Re-admits the stored pending transactions (after a restart) and deletes those that are no
    /// longer valid (already included, or invalid against the current state).
    func readmitPending() throws {
        var dropped: [UInt256] = []
        var admitted = 0
        for raw in try store.pendingTransactions() {
            do {
                let p = try decode(raw)
                lock.lock()
                defer { lock.unlock() }
                try guardKey(p)
                let added = try _mempool.add(p, accountNonce: _state.nonce(p.sender), balance: _state.balance(p.sender),
                                             baseFee: FeeMarket.nextBaseFee(after: _head))
                dropped += added.evicted + (added.replaced.map { [$0] } ?? [])
                admitted += 1
            } catch {
                dropped.append(UInt256(bigEndianAt: Keccak256.hash(raw)))
            }
        }
        try store.deletePending(dropped)
        logger.info("resumed", metadata: ["head": "\(_head.number)", "pending": "\(admitted)", "dropped": "\(dropped.count)"])
    }

    // MARK: - Reads

    /// The latest block's header and hash.
    public var head: (header: BlockHeader, hash: UInt256) {
        lock.lock(); defer { lock.unlock() }
        return (_head, _headHash)
    }

    /// The latest state (a copy-on-write snapshot: cheap to take, never changes).
    public var state: WorldState {
        lock.lock(); defer { lock.unlock() }
        return _state
    }

    /// The header and state after block `number`, if it is among the last `stateHistory` blocks.
    public func state(at number: UInt64) -> (header: BlockHeader, state: WorldState)? {
        lock.lock(); defer { lock.unlock() }
        return _history[number]
    }

    /// The number of pooled transactions.
    public var mempoolCount: Int {
        lock.lock(); defer { lock.unlock() }
        return _mempool.count
    }

    /// The next nonce of `address` counting its pooled transactions.
    public func pendingNonce(of address: Address) -> UInt64 {
        lock.lock(); defer { lock.unlock() }
        return _mempool.pendingNonce(of: address, accountNonce: _state.nonce(address))
    }

    /// A pooled (acknowledged, not yet included) transaction.
    public func pooledTransaction(hash: UInt256) -> PooledTransaction? {
        lock.lock(); defer { lock.unlock() }
        return _mempool.transaction(hash: hash)
    }

    /// The base fee the next block will have.
    public var nextBaseFee: UInt256 { FeeMarket.nextBaseFee(after: head.header) }

    // MARK: - Submitting

    /// Decodes raw bytes and runs the stateless checks (size, chain id, signature, intrinsic gas…).
    public func decode(_ raw: [UInt8]) throws(MempoolError) -> PooledTransaction {
        if raw.count > configuration.maxTransactionSize {
            throw .oversized(size: raw.count, limit: configuration.maxTransactionSize)
        }
        let tx: Transaction
        do { tx = try Transaction(rawBytes: raw) } catch { throw .malformed(error) }
        let sender: Address
        do {
            sender = try tx.validate(chainId: chainId, maxEncodedSize: configuration.maxTransactionSize)
        } catch { throw MempoolError(error) }
        if !L2Withdrawals.isWellFormed(tx) { throw .malformedWithdrawal(dataLength: tx.data.count) }
        if configuration.provableTransfersOnly {
            let contracts = configuration.provableStorageWrites > 0
            if !contracts && tx.to == nil { throw .notProvable(reason: "contract creation") }
            if !contracts && !tx.data.isEmpty { throw .notProvable(reason: "calldata (\(tx.data.count) bytes)") }
            if let to = tx.to, Precompiles.contains(to) { throw .notProvable(reason: "a call to precompile \(to)") }
        }
        if tx.gasLimit > genesis.gasLimit { throw .invalid(.gasLimitAboveBlockGasLimit(gasLimit: tx.gasLimit, blockGasLimit: genesis.gasLimit)) }
        let encoded = tx.encoded
        return PooledTransaction(transaction: tx, raw: encoded, hash: UInt256(bigEndianAt: Keccak256.hash(encoded)),
                                 sender: sender)
    }

    /// Admits a transaction and returns its hash once it is durable (`eth_sendRawTransaction`).
    /// - Throws: `MempoolError` when rejected; the store's error if it could not be persisted (then
    ///   the transaction is not admitted).
    public func submit(raw: [UInt8]) async throws -> UInt256 {
        let p: PooledTransaction
        let addition: MempoolAddition, wakeProducer: Bool
        do throws(MempoolError) {
            p = try decode(raw)
            (addition, wakeProducer) = try admit(p)
        } catch {
            metrics.recordSubmission(error: error)
            throw error
        }
        do {
            try await writer.persist(hash: p.hash, raw: p.raw,
                                     removing: addition.evicted + (addition.replaced.map { [$0] } ?? []))
        } catch {
            withdraw(p.hash)
            throw error
        }
        metrics.recordSubmission(error: nil)
        if wakeProducer { wake.signal() }
        return p.hash
    }

    /// Adds to the pool under the lock; also says whether the pool now holds a block's worth of gas.
    func admit(_ p: PooledTransaction) throws(MempoolError) -> (MempoolAddition, Bool) {
        lock.lock()
        defer { lock.unlock() }
        let nonce = p.transaction.nonce
        if configuration.provableTransfersOnly, configuration.provableStorageWrites == 0, let to = p.transaction.to,
           !_state.code(to).bytes.isEmpty {
            throw .notProvable(reason: "a call to contract \(to)")
        }
        try guardKey(p)
        if _inFlight[p.sender]?.contains(nonce) == true, _mempool.transaction(hash: p.hash) == nil {
            throw .replacementWhileIncluding(nonce: nonce)
        }
        let addition = try _mempool.add(p, accountNonce: _state.nonce(p.sender), balance: _state.balance(p.sender),
                                        baseFee: FeeMarket.nextBaseFee(after: _head))
        return (addition, _mempool.count * Int(Transaction.baseGas) >= Int(genesis.gasLimit))
    }

    /// Refuses (under the lock) a transaction whose target (recipient, or created contract) would
    /// be a second account with the same low state-tree key bits as another (`StateKeyGuard`),
    /// and records the target.
    func guardKey(_ p: PooledTransaction) throws(MempoolError) {
        guard _keyGuard != nil else { return }
        let tx = p.transaction
        let to = tx.to ?? Interpreter.createAddress(caller: p.sender, nonce: tx.nonce)
        guard let other = _keyGuard!.claim(to) else { return }
        throw .notProvable(reason: "a transaction to \(to), whose state-tree key shares its low \(_keyGuard!.depth) bits with account \(other)'s (the circuit's state tree has depth \(_keyGuard!.depth))")
    }

    /// Removes a transaction whose acknowledgement failed.
    func withdraw(_ hash: UInt256) {
        lock.lock(); defer { lock.unlock() }
        _mempool.remove(hash: hash)
    }

    // MARK: - v1 deposits

    /// Where the node's record of the v1 queue ends: the next deposit index it expects and the
    /// queue hash before it (a v1 follower resumes from here).
    public var messageQueueTip: (count: UInt64, hash: UInt256) {
        lock.lock(); defer { lock.unlock() }
        return (_knownMessages, _knownHash)
    }

    /// Deposits credited up to the head, and the queue hash after the last of them.
    public var includedMessages: (count: UInt64, hash: UInt256) {
        lock.lock(); defer { lock.unlock() }
        return (_messageCount, _messageHash)
    }

    /// Records deposits read from v1 so that the next blocks credit them, in order.
    ///
    /// Each must continue the queue exactly: index = the next expected one and its queue hash the
    /// contract's step from the previous hash, so a follower that skipped, repeated or altered a
    /// deposit is refused before anything is credited. Deposits already recorded are ignored
    /// (a follower that re-reads a range after a restart). Durable when it returns.
    /// - Throws: `SequencerError.messageQueue` for a gap or a hash that does not follow; the store's errors.
    public func enqueue(messages: [L1Message]) throws {
        enqueueLock.lock()
        defer { enqueueLock.unlock() }
        var (count, hash) = messageQueueTip
        var fresh: [L1Message] = []
        for m in messages where m.index >= count {
            guard m.index == count else {
                throw SequencerError.messageQueue("deposit \(m.index) arrived before deposit \(count)")
            }
            guard m.follows(hash) else {
                throw SequencerError.messageQueue("deposit \(m.index): queue hash \(Hex.encode(word: m.queueHash)) does not follow \(Hex.encode(word: hash))")
            }
            fresh.append(m)
            (count, hash) = (m.index + 1, m.queueHash)
        }
        if fresh.isEmpty { return }
        try store.insertMessages(fresh)
        lock.lock()
        _messageQueue += fresh
        (_knownMessages, _knownHash) = (count, hash)
        var colliding: [L1Message] = []
        for m in fresh where _keyGuard != nil && _keyGuard!.claim(m.to) != nil { colliding.append(m) }
        lock.unlock()
        for m in colliding {
            logger.error("a deposit's recipient shares its low state-tree key bits with another account: the batch crediting it cannot be proven at this depth",
                         metadata: ["index": "\(m.index)", "to": "\(m.to)"])
        }
        logger.info("deposits recorded", metadata: ["from": "\(fresh[0].index)", "count": "\(fresh.count)"])
        wake.signal()
    }

    // MARK: - Producing

    /// Builds, stores and publishes one block from the pool, sealing a batch when the policy says so.
    /// Does nothing (returns nil) when no transaction is executable. Serialised: one at a time.
    /// Runs the EVM on the calling thread: call from a thread with a large stack.
    /// - Throws: the store's error; the block is then not published.
    @discardableResult
    public func produceBlock(now: UInt64 = UInt64(Date().timeIntervalSince1970)) throws -> BlockRecord? {
        produceLock.lock()
        defer { produceLock.unlock() }
        lock.lock()
        let parent = _head, parentHash = _headHash, state = _state, recent = _recentHashes
        let candidates = _mempool.executable(accountNonce: { state.nonce($0) })
        var messages = Array(_messageQueue.prefix(configuration.maxMessagesPerBlock))
        for c in candidates { _inFlight[c.sender, default: []].insert(c.transaction.nonce) }
        let (openBytes, openBlocks) = (_openBatchBytes, _openBatch.count)
        var openSlots = _openBatch.reduce(0) { $0 + $1.slotCount }
        var openWrites = _openWrites
        lock.unlock()
        defer { lock.lock(); _inFlight = [:]; lock.unlock() }
        if candidates.isEmpty && messages.isEmpty {
            try sealIfDue(now: now)
            return nil
        }
        // A settling node's batches must fit commitBatch: build the block into the open batch's
        // room, sealing the open batch first when less than a useful block's worth is left.
        var room: Int?
        if let cap = configuration.batchPolicy.maxDataBytes {
            var left = cap - 5 - openBytes
            if left < BlockContext.overheadBytes + 512 && openBlocks > 0 {
                try sealIfDue(now: now, force: true)
                left = cap - 5
                (openSlots, openWrites) = (0, 0)
            }
            // Deposits take at most half the room, so transactions always get the rest.
            var used = 0, fitting = 0
            for m in messages {
                used += m.rlp.count
                if used > (left - BlockContext.overheadBytes) / 2 { break }
                fitting += 1
            }
            messages = Array(messages.prefix(fitting))
            room = left
        }
        // A proving node's batches must fit the batch circuit: the block takes at most the open
        // batch's remaining slots (sealing it first when none are left), deposits first.
        var slotRoom: Int?
        if let cap = configuration.batchPolicy.maxSlots {
            if openSlots >= cap && openBlocks > 0 {
                try sealIfDue(now: now, force: true)
                (openSlots, openWrites) = (0, 0)
            }
            messages = Array(messages.prefix(cap - openSlots))
            slotRoom = cap - openSlots - messages.count
        }
        var builder = self.builder
        if configuration.provableTransfersOnly && configuration.provableStorageWrites > 0 {
            builder.maxStorageWrites = configuration.provableStorageWrites - openWrites
            builder.maxStorageWritesPerTransaction = configuration.provableStorageWrites
            if _storageGuard != nil {
                builder.admitsWrites = { [unowned self] target, writes in
                    self.lock.lock(); defer { self.lock.unlock() }
                    return self._storageGuard!.admit(target, writes)
                }
            }
        }
        let started = DispatchTime.now()
        let timestamp = max(now, parent.timestamp)
        let out = builder.build(parent: parent, parentHash: parentHash, state: state, candidates: candidates,
                                timestamp: timestamp, baseFee: FeeMarket.nextBaseFee(after: parent),
                                recentHashes: recent, messages: messages, maxDataBytes: room, maxTransactions: slotRoom)
        if out.block.transactions.isEmpty && messages.isEmpty && out.invalid.isEmpty && out.unprovable.isEmpty {
            // A call waits for room for its storage writes: the open batch is full of them.
            if out.waitsForWrites && openBlocks > 0 { try sealIfDue(now: now, force: true) }
            return nil
        }
        let changes = StateChanges(from: state, to: out.state)
        let removed = out.block.transactions.map(\.hash) + out.invalid.map(\.hash) + out.unprovable.map(\.hash)
        let context = BlockContext(out.block)
        let batch = pendingBatch(adding: context, changes: changes, state: out.state, now: now)
        do {
            try store.commitBlock(out.block, changes: changes, removingPending: removed, batch: batch)
        } catch {
            if batch != nil { _roots.invalidate() }
            throw error
        }
        if batch == nil { _roots.record(changes) }
        for (hash, error) in out.invalid {
            logger.warning("dropped invalid transaction", metadata: ["hash": "\(Hex.encode(word: hash))", "error": "\(error)"])
        }
        for (hash, reason) in out.unprovable {
            logger.warning("dropped a transaction the batch circuit cannot prove", metadata: ["hash": "\(Hex.encode(word: hash))", "reason": "\(reason)"])
        }
        lock.lock()
        _head = out.block.header
        _headHash = out.block.hash
        _state = out.state
        _recentHashes[out.block.header.number] = out.block.hash
        _recentHashes[out.block.header.number &- 256] = nil
        _history[out.block.header.number] = (out.block.header, out.state)
        _history[out.block.header.number &- UInt64(max(configuration.stateHistory, 1))] = nil
        for h in removed { _mempool.remove(hash: h) }
        _inFlight = [:]
        _messageQueue.removeFirst(messages.count)
        if let last = messages.last { (_messageCount, _messageHash) = (last.index + 1, last.queueHash) }
        var stale: [UInt256] = []
        for sender in Set(out.block.transactions.map(\.sender)) {
            stale += _mempool.removeStale(sender: sender, accountNonce: _state.nonce(sender))
        }
        if let batch {
            _openBatch = []
            _openBatchBytes = 0
            _openWrites = 0
            _batchPrevRoot = batch.postStateRoot
            _nextBatchIndex = batch.index + 1
        } else {
            _openBatch.append(context)
            _openBatchBytes += context.rlp.count
            _openWrites = openWrites + out.storageWrites
        }
        lock.unlock()
        if !stale.isEmpty { try store.deletePending(stale) }
        if out.waitsForWrites && batch == nil { try sealIfDue(now: now, force: true) }
        metrics.recordBlock(transactions: out.block.transactions.count,
                            seconds: Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9)
        logger.debug("block", metadata: ["number": "\(out.block.header.number)", "txs": "\(out.block.transactions.count)"])
        return out.block
    }

    /// The batch to seal together with a new block (whose `changes` lead to `state`), or nil when
    /// the policy does not call for one. Its post root is taken outside the node's lock.
    func pendingBatch(adding context: BlockContext, changes: StateChanges, state: WorldState, now: UInt64) -> BatchRecord? {
        lock.lock()
        let blocks = _openBatch + [context]
        let (index, prevRoot) = (_nextBatchIndex, _batchPrevRoot)
        let (count, hash) = context.messages.last.map { ($0.index + 1, $0.queueHash) } ?? (_messageCount, _messageHash)
        lock.unlock()
        guard configuration.batchPolicy.isDue(blockCount: blocks.count, slots: blocks.reduce(0) { $0 + $1.slotCount },
                                              firstTimestamp: blocks[0].timestamp, now: now) else {
            return nil
        }
        let postRoot = _roots.seal(adding: changes, state: state)
        return BatchRecord(index: index, firstBlock: blocks[0].number, lastBlock: context.number,
                           prevStateRoot: prevRoot, postStateRoot: postRoot, dataHash: BatchData.hash(blocks),
                           messageCount: count, messageQueueHash: hash, status: .sealed, sealedAt: now)
    }

    /// Seals the open batch if it is due (called while idle) or if `force`d (no room left).
    func sealIfDue(now: UInt64, force: Bool = false) throws {
        lock.lock()
        let blocks = _openBatch
        let prevRoot = _batchPrevRoot, index = _nextBatchIndex, state = _state
        let (count, hash) = (_messageCount, _messageHash)
        lock.unlock()
        guard let first = blocks.first, let last = blocks.last,
              force || configuration.batchPolicy.isDue(blockCount: blocks.count, slots: blocks.reduce(0) { $0 + $1.slotCount },
                                                       firstTimestamp: first.timestamp, now: now) else { return }
        let postRoot = _roots.seal(adding: nil, state: state)
        let batch = BatchRecord(index: index, firstBlock: first.number, lastBlock: last.number, prevStateRoot: prevRoot,
                                postStateRoot: postRoot, dataHash: BatchData.hash(blocks), messageCount: count,
                                messageQueueHash: hash, status: .sealed, sealedAt: now)
        do { try store.saveBatch(batch) } catch {
            _roots.invalidate()
            throw error
        }
        lock.lock()
        _openBatch = []
        _openBatchBytes = 0
        _openWrites = 0
        _batchPrevRoot = postRoot
        _nextBatchIndex = index + 1
        lock.unlock()
        logger.info("sealed batch", metadata: ["index": "\(index)", "blocks": "\(first.number)-\(last.number)"])
    }

    /// Starts the producer thread: a block attempt every `blockTimeMilliseconds`, or sooner when the
    /// pool holds a block's worth of gas.
    public func start() {
        lock.lock()
        guard !_running else { lock.unlock(); return }
        _running = true
        lock.unlock()
        let thread = Thread { [self] in
            while true {
                _ = wake.wait(timeout: .now() + .milliseconds(Int(configuration.blockTimeMilliseconds)))
                lock.lock(); let running = _running; lock.unlock()
                if !running { break }
                do { try produceBlock() } catch {
                    logger.error("block production failed", metadata: ["error": "\(error)"])
                }
            }
        }
        thread.stackSize = 256 << 20
        thread.name = "zkrollup-producer"
        _producer = thread
        thread.start()
    }

    /// Stops the producer thread after its current block.
    public func stop() {
        lock.lock(); _running = false; lock.unlock()
        wake.signal()
    }
}

