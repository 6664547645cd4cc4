import EVM

/// Executes candidate transactions on a state and assembles the block: receipts, blooms,
/// transactions and receipts roots, header and hash, all as Ethereum computes them.
///
/// Pure with respect to the node: it takes the parent, the state and the ordered candidates and
/// returns the block, the new state and the candidates it could not include, so tests and the
/// batch re-executor use the same code path as the sequencer.
public struct BlockBuilder {
    /// The result of building one block.
    public struct Output {
        /// The sealed block.
        public var block: BlockRecord
        /// The state after the block.
        public var state: WorldState
        /// Candidates rejected by the EVM's checks (they can never be included as they are).
        public var invalid: [(hash: UInt256, error: TransactionError)]
        /// With `recordsEffects`: each included transaction's effect, in order.
        public var effects: [TransactionEffect] = []
        /// With `maxStorageWrites`: candidates whose effect the batch circuit cannot prove (they
        /// were executed and undone), with why.
        public var unprovable: [(hash: UInt256, reason: String)] = []
        /// With `maxStorageWrites`: the storage writes the included transactions made, and
        /// whether a candidate waits because the room for writes is used up (the batch should seal).
        public var storageWrites = 0, waitsForWrites = false
    }

    /// Chain id (CHAINID).
    public var chainId: UInt64
    /// Fee recipient.
    public var coinbase: Address
    /// Block gas limit.
    public var gasLimit: UInt64
    /// Extra data of every block.
    public var extraData: [UInt8]
    /// Whether to trace calls and creations into `Output.effects` (the batch circuit's trace).
    public var recordsEffects = false
    /// For a node whose batches are proven: the storage writes the block may still make. A call
    /// or creation whose effect escapes its target (`TransactionEffect.escape`) or writes more
    /// than `maxStorageWritesPerTransaction` is undone and reported unprovable; one that writes
    /// more than the room left is undone and waits with its sender's later ones (others still go in).
    public var maxStorageWrites: Int?
    /// The most storage writes one transaction may make (the batch circuit's whole room).
    public var maxStorageWritesPerTransaction = Int.max
    /// With `maxStorageWrites`: asked for each call's or creation's (target, changed slots)
    /// before it is kept; a reason makes it unprovable (`StorageKeyGuard.admit`).
    public var admitsWrites: (@Sendable (Address, [UInt256: UInt256]) -> String?)?

    /// A builder.
    public init(chainId: UInt64, coinbase: Address, gasLimit: UInt64, extraData: [UInt8] = []) {
        self.chainId = chainId; self.coinbase = coinbase; self.gasLimit = gasLimit; self.extraData = extraData
    }

    /// Builds the child of `parent`.
    ///
    /// Candidates are taken in order; one that does not fit the remaining gas is skipped together
    /// with its sender's later ones (so nonces stay consecutive), and so is one the EVM rejects.
    /// Call on a thread with a large stack (`Interpreter.withLargeStack`): calls nest 1024 deep.
    /// - Parameters:
    ///   - parent: the parent header; `parentHash` its hash.
    ///   - state: the state after the parent (consumed).
    ///   - candidates: ordered transactions with recovered senders.
    ///   - timestamp: the block's timestamp.
    ///   - baseFee: the block's base fee (`FeeMarket.nextBaseFee(after: parent)` on chain v2).
    ///   - recentHashes: hashes of recent blocks by number, for BLOCKHASH.
    ///   - messages: v1 deposits to credit before the transactions, in queue order.
    ///   - maxDataBytes: most bytes the block's context (`BlockContext.rlp`) may take in the batch
    ///     data; transactions that would overflow it wait for a later block (nil: no bound).
    ///   - maxTransactions: most transactions to include (nil: no bound); the rest wait.
    public func build(parent: BlockHeader, parentHash: UInt256, state: WorldState,
                      candidates: [PooledTransaction], timestamp: UInt64, baseFee: UInt256,
                      recentHashes: [UInt64: UInt256], messages: [L1Message] = [],
                      maxDataBytes: Int? = nil, maxTransactions: Int? = nil) -> Output {
        let number = parent.number + 1
        var state = state
        for m in messages {
            var account = state.accounts[m.to] ?? Account()
            account.balance = account.balance &+ m.value
            state.accounts[m.to] = account
        }
        let env = BlockEnvironment(coinbase: coinbase, number: number, timestamp: timestamp, gasLimit: gasLimit,
                                   baseFee: baseFee, prevRandao: .zero, chainId: chainId, excessBlobGas: 0,
                                   blockHash: { n in recentHashes[n] ?? .zero })
        let vm = Interpreter(state: state, block: env)
        var gasUsed: UInt64 = 0
        var skipped = Set<Address>()
        var included: [(PooledTransaction, Receipt)] = []
        var invalid: [(hash: UInt256, error: TransactionError)] = []
        var effects: [TransactionEffect] = []
        var unprovable: [(hash: UInt256, reason: String)] = []
        var writes = 0, waitsForWrites = false
        let tracing = recordsEffects || maxStorageWrites != nil
        // An upper bound of the context's size: fixed fields, list headers, the deposits, and
        // each transaction with its RLP string header.
        var dataBytes = BlockContext.overheadBytes + messages.reduce(0) { $0 + $1.rlp.count }
        for p in candidates {
            if let maxTransactions, included.count >= maxTransactions { break }
            if skipped.contains(p.sender) { continue }
            if let maxDataBytes, dataBytes + p.raw.count + 5 > maxDataBytes { skipped.insert(p.sender); continue }
            let tx = p.transaction
            if gasLimit - gasUsed < Transaction.baseGas { break }
            if tx.gasLimit > gasLimit - gasUsed { skipped.insert(p.sender); continue }
            // Below this block's base fee: not invalid, just not yet includable (the pool keeps it
            // until the base fee falls, as go-ethereum's pool does).
            if tx.maxFeePerGas < baseFee { skipped.insert(p.sender); continue }
            // A call or creation runs traced, from a snapshot it can be undone to.
            let target = tx.to ?? Interpreter.createAddress(caller: p.sender, nonce: tx.nonce)
            let watch: EffectWatch? = tracing && (tx.to == nil || !vm.state.code(target).isEmpty) ? EffectWatch() : nil
            let snapshot = watch != nil && maxStorageWrites != nil ? vm.state : nil
            let storageBefore = watch != nil ? vm.state.accounts[target]?.storage ?? [:] : [:]
            vm.tracer = watch
            let result: ExecutionResult
            do {
                defer { vm.tracer = nil }
                result = try vm.execute(TransactionEnvironment(tx, sender: p.sender))
            } catch {
                invalid.append((p.hash, error))
                skipped.insert(p.sender)
                continue
            }
            let effect = watch?.effect(target: target, before: storageBefore, after: vm.state) ?? TransactionEffect(target: target)
            if let room = maxStorageWrites, let snapshot {
                let reason = effect.escape ?? (effect.storageWrites.count > maxStorageWritesPerTransaction
                    ? "\(effect.storageWrites.count) storage writes, more than the batch circuit's \(maxStorageWritesPerTransaction)" : nil)
                    ?? admitsWrites?(target, effect.storageWrites)
                if let reason {
                    vm.state = snapshot
                    unprovable.append((p.hash, reason))
                    skipped.insert(p.sender)
                    continue
                }
                if writes + effect.storageWrites.count > room {
                    vm.state = snapshot
                    waitsForWrites = true
                    skipped.insert(p.sender)
                    continue
                }
            }
            writes += effect.storageWrites.count
            if tracing { effects.append(effect) }
            gasUsed += result.gasUsed
            dataBytes += p.raw.count + 5
            let created = tx.isContractCreation && result.status.isSuccess
                ? Interpreter.createAddress(caller: p.sender, nonce: tx.nonce) : nil
            included.append((p, Receipt(type: tx.type, status: result.status.isSuccess, cumulativeGasUsed: gasUsed,
                                        gasUsed: result.gasUsed, effectiveGasPrice: tx.effectiveGasPrice(baseFee: baseFee),
                                        contractAddress: created, logs: result.logs)))
        }
        let newState = vm.state
        var bloom = Bloom()
        for (_, r) in included { bloom.formUnion(r.bloom) }
        let header = BlockHeader(parentHash: parentHash, coinbase: coinbase, stateRoot: newState.stateRoot,
                                 transactionsRoot: Receipt.indexedRoot(included.map { $0.0.raw }),
                                 receiptsRoot: Receipt.indexedRoot(included.map { $0.1.encoded }),
                                 logsBloom: bloom, number: number, gasLimit: gasLimit, gasUsed: gasUsed,
                                 timestamp: timestamp, extraData: extraData, baseFeePerGas: baseFee,
                                 messagesRoot: Receipt.indexedRoot(messages.map(\.rlp)))
        let hash = header.hash
        var logCount = 0
        let txs = included.enumerated().map { i, pair in
            var t = IncludedTransaction(transaction: pair.0.transaction, raw: pair.0.raw, hash: pair.0.hash, sender: pair.0.sender,
                                        blockNumber: number, blockHash: hash, index: i, receipt: pair.1)
            t.firstLogIndex = logCount
            logCount += pair.1.logs.count
            return t
        }
        return Output(block: BlockRecord(header: header, transactions: txs, messages: messages), state: newState, invalid: invalid,
                      effects: effects, unprovable: unprovable, storageWrites: writes, waitsForWrites: waitsForWrites)
    }
}
