import EVM
import Settlement

/// A sealed batch as a self-contained prover input: everything needed to re-execute it with no
/// database. JSON layout (all numbers `0x` hex):
///
/// ```
/// { "version": 1, "chainId", "index", "firstBlock", "lastBlock", "prevStateRoot", "postStateRoot",
///   "dataHash", "parentHash",                      // hash of block firstBlock − 1
///   "blockHashes": { "0xN": "0xhash", … },          // the 256 blocks before firstBlock (BLOCKHASH)
///   "blocks": [ { "number", "timestamp", "baseFeePerGas", "gasLimit", "coinbase", "extraData",
///                 "hash", "transactions": ["0x<raw tx>", …],
///                 "l1Messages": [ { "index", "sender", "to", "value", "queueHash" }, … ] }, … ],
///   "messageCount", "messageQueueHash",            // the v1 queue position after the batch
///   "withdrawals": [ { "to", "amount" }, … ],      // L2Withdrawals, leaf order of the withdraw tree
///   "preState": { "0xaddress": { "nonce", "balance", "code", "storage": { "0xslot": "0xvalue" } }, … } }
/// ```
///
/// `preState` is currently the whole state before the batch (a superset of what it reads); a
/// minimal read set is planned. `dataHash` = `BatchData.hash` of the blocks, re-checked on load.
public struct BatchFile: Sendable {
    /// Chain id.
    public var chainId: UInt64
    /// The batch record.
    public var batch: BatchRecord
    /// Hash of the block before the batch.
    public var parentHash: UInt256
    /// Recent block hashes before the batch.
    public var blockHashes: [UInt64: UInt256]
    /// The blocks' contexts and raw transactions.
    public var blocks: [BlockContext]
    /// Each block's extra data.
    public var extraData: [[UInt8]]
    /// Each block's hash as the sequencer computed it.
    public var hashes: [UInt256]
    /// The state before the batch.
    public var preState: WorldState
    /// The batch's withdrawals to v1 (`L2Withdrawals`), in withdraw-tree leaf order.
    public var withdrawals: [WithdrawTree.Withdrawal] = []

    /// Number of transactions in the batch.
    public var transactionCount: Int { blocks.reduce(0) { $0 + $1.transactions.count } }

    /// A batch file.
    public init(chainId: UInt64, batch: BatchRecord, parentHash: UInt256, blockHashes: [UInt64: UInt256],
                blocks: [BlockContext], extraData: [[UInt8]], hashes: [UInt256], preState: WorldState) {
        self.chainId = chainId; self.batch = batch; self.parentHash = parentHash; self.blockHashes = blockHashes
        self.blocks = blocks; self.extraData = extraData; self.hashes = hashes; self.preState = preState
    }

    /// The JSON document.
    public var json: JSONValue {
        let q = RPCFormat.q as (UInt64) -> JSONValue
        let w = RPCFormat.w
        var accounts: [(String, JSONValue)] = []
        for (address, account) in preState.accounts.sorted(by: { $0.key < $1.key }) {
            let storage = account.storage.filter { !$0.value.isZero }.sorted { $0.key < $1.key }
                .map { (Hex.encode(word: $0.key), w($0.value)) }
            accounts.append((address.description, .object([
                ("nonce", q(account.nonce)), ("balance", RPCFormat.q(account.balance)),
                ("code", .string(Hex.encode(account.code.bytes))), ("storage", .object(storage)),
            ])))
        }
        let blockItems: [JSONValue] = blocks.indices.map { i in
            let b = blocks[i]
            return .object([
                ("number", q(b.number)), ("timestamp", q(b.timestamp)), ("baseFeePerGas", RPCFormat.q(b.baseFeePerGas)),
                ("gasLimit", q(b.gasLimit)), ("coinbase", .string(b.coinbase.description)),
                ("extraData", .string(Hex.encode(extraData[i]))), ("hash", w(hashes[i])),
                ("transactions", .array(b.transactions.map { .string(Hex.encode($0)) })),
                ("l1Messages", .array(b.messages.map(RPCFormat.message))),
            ])
        }
        return .object([
            ("version", .number(1)), ("chainId", q(chainId)), ("index", q(batch.index)),
            ("firstBlock", q(batch.firstBlock)), ("lastBlock", q(batch.lastBlock)),
            ("prevStateRoot", w(batch.prevStateRoot)), ("postStateRoot", w(batch.postStateRoot)),
            ("dataHash", w(batch.dataHash)), ("messageCount", q(batch.messageCount)),
            ("messageQueueHash", w(batch.messageQueueHash)), ("parentHash", w(parentHash)),
            ("blockHashes", .object(blockHashes.sorted { $0.key < $1.key }.map { (Hex.quantity($0.key), w($0.value)) })),
            ("blocks", .array(blockItems)), ("preState", .object(accounts)),
            ("withdrawals", .array(withdrawals.map { .object([("to", .string($0.to.description)), ("amount", RPCFormat.q($0.amount))]) })),
        ])
    }

    /// Parses a batch file.
    /// - Throws: `SequencerError.corruptRecord` naming the bad field, or when `dataHash` does not match the blocks.
    public init(json v: JSONValue) throws {
        func field(_ o: JSONValue, _ k: String) throws -> RPCParams {
            guard let x = o[k] else { throw SequencerError.corruptRecord("batch file: missing \(k)") }
            return RPCParams(values: [x])
        }
        func u64(_ o: JSONValue, _ k: String) throws -> UInt64 { try field(o, k).uint64(0) }
        func word(_ o: JSONValue, _ k: String) throws -> UInt256 { try field(o, k).hash(0) }
        chainId = try u64(v, "chainId")
        var blocks: [BlockContext] = [], extra: [[UInt8]] = [], hashes: [UInt256] = []
        for b in v["blocks"]?.arrayValue ?? [] {
            guard let cb = b["coinbase"]?.stringValue, let coinbase = Address(hex: cb) else {
                throw SequencerError.corruptRecord("batch file: coinbase")
            }
            var txs: [[UInt8]] = []
            for t in b["transactions"]?.arrayValue ?? [] {
                guard let s = t.stringValue, let raw = Hex.decode(s) else { throw SequencerError.corruptRecord("batch file: transaction") }
                txs.append(raw)
            }
            var messages: [L1Message] = []
            for m in b["l1Messages"]?.arrayValue ?? [] {
                guard let sender = m["sender"]?.stringValue.flatMap(Address.init(hex:)),
                      let to = m["to"]?.stringValue.flatMap(Address.init(hex:)) else {
                    throw SequencerError.corruptRecord("batch file: l1Messages address")
                }
                messages.append(L1Message(index: try u64(m, "index"), sender: sender, to: to,
                                          value: try field(m, "value").uint256(0), queueHash: try word(m, "queueHash")))
            }
            blocks.append(BlockContext(number: try u64(b, "number"), timestamp: try u64(b, "timestamp"),
                                       baseFeePerGas: try field(b, "baseFeePerGas").uint256(0), gasLimit: try u64(b, "gasLimit"),
                                       coinbase: coinbase, transactions: txs, messages: messages))
            extra.append(try field(b, "extraData").bytes(0))
            hashes.append(try word(b, "hash"))
        }
        batch = BatchRecord(index: try u64(v, "index"), firstBlock: try u64(v, "firstBlock"), lastBlock: try u64(v, "lastBlock"),
                            prevStateRoot: try word(v, "prevStateRoot"), postStateRoot: try word(v, "postStateRoot"),
                            dataHash: try word(v, "dataHash"), messageCount: try u64(v, "messageCount"),
                            messageQueueHash: try word(v, "messageQueueHash"), status: .sealed, sealedAt: 0)
        guard BatchData.hash(blocks) == batch.dataHash else { throw SequencerError.corruptRecord("batch file: dataHash mismatch") }
        parentHash = try word(v, "parentHash")
        var recent: [UInt64: UInt256] = [:]
        for (k, h) in v["blockHashes"]?.objectValue ?? [] {
            guard let n = Hex.decodeUInt64(k) else { throw SequencerError.corruptRecord("batch file: blockHashes key") }
            recent[n] = try RPCParams(values: [h]).hash(0)
        }
        blockHashes = recent
        self.blocks = blocks; self.extraData = extra; self.hashes = hashes
        var accounts: [Address: Account] = [:]
        for (key, a) in v["preState"]?.objectValue ?? [] {
            guard let address = Address(hex: key) else { throw SequencerError.corruptRecord("batch file: address \(key)") }
            var account = Account(nonce: try u64(a, "nonce"), balance: try field(a, "balance").uint256(0),
                                  code: Code(try field(a, "code").bytes(0)))
            for (slot, value) in a["storage"]?.objectValue ?? [] {
                account.storage[try RPCParams(values: [.string(slot)]).hash(0)] = try RPCParams(values: [value]).hash(0)
            }
            accounts[address] = account
        }
        preState = WorldState(accounts: accounts)
        for item in v["withdrawals"]?.arrayValue ?? [] {
            guard let to = item["to"]?.stringValue.flatMap(Address.init(hex:)) else { throw SequencerError.corruptRecord("batch file: withdrawal address") }
            withdrawals.append(WithdrawTree.Withdrawal(to: to, amount: try field(item, "amount").uint256(0)))
        }
    }

    /// Re-executes the batch from `preState` alone.
    /// - Returns: the post-state root (chain v2's Poseidon root, as batches carry) and the
    ///   recomputed block hashes.
    /// - Throws: `SequencerError.corruptRecord` when the pre-state root differs from `prevStateRoot`,
    ///   a transaction does not decode, a block does not include all its transactions, or the
    ///   re-executed withdrawals differ from the listed ones.
    public func reexecute() throws -> (stateRoot: UInt256, hashes: [UInt256]) {
        guard BatchStateRoots.root(of: preState) == batch.prevStateRoot else { throw SequencerError.corruptRecord("pre-state root mismatch") }
        let (state, blocks) = try replay()
        return (BatchStateRoots.root(of: state), blocks.map(\.hash))
    }

    /// Re-executes the batch's blocks from `preState` (what `reexecute` and the witness generator
    /// share): the state after the batch and the blocks with their receipts.
    /// - Throws: as `reexecute`, except that the pre-state root is not compared.
    public func replay() throws -> (state: WorldState, blocks: [BlockRecord]) {
        let r = try replay(recordingEffects: false)
        return (r.state, r.blocks)
    }

    /// `replay()`, with each block's transactions' effects (`BlockBuilder.recordsEffects`), as
    /// the witness generator needs them for calls and creations.
    public func replayWithEffects() throws -> (state: WorldState, blocks: [BlockRecord], effects: [[TransactionEffect]]) {
        try replay(recordingEffects: true)
    }

    func replay(recordingEffects: Bool) throws -> (state: WorldState, blocks: [BlockRecord], effects: [[TransactionEffect]]) {
        let messages = blocks.flatMap(\.messages)
        for (a, b) in zip(messages, messages.dropFirst()) where b.index != a.index + 1 || !b.follows(a.queueHash) {
            throw SequencerError.corruptRecord("deposit \(b.index) does not follow deposit \(a.index)")
        }
        if let last = messages.last, last.index + 1 != batch.messageCount || last.queueHash != batch.messageQueueHash {
            throw SequencerError.corruptRecord("the batch's last deposit is not at its message queue position")
        }
        var state = preState
        var parentHash = self.parentHash
        var recent = blockHashes
        var out: [BlockRecord] = []
        var effects: [[TransactionEffect]] = []
        var madeWithdrawals: [WithdrawTree.Withdrawal] = []
        for (i, ctx) in blocks.enumerated() {
            var candidates: [PooledTransaction] = []
            for raw in ctx.transactions {
                let tx = try Transaction(rawBytes: raw)
                candidates.append(PooledTransaction(transaction: tx, raw: raw, hash: .zero, sender: try tx.recoverSender()))
            }
            var builder = BlockBuilder(chainId: chainId, coinbase: ctx.coinbase, gasLimit: ctx.gasLimit, extraData: extraData[i])
            builder.recordsEffects = recordingEffects
            var parent = BlockHeader(parentHash: .zero, coinbase: ctx.coinbase, stateRoot: .zero, transactionsRoot: .zero,
                                     receiptsRoot: .zero, logsBloom: Bloom(), number: ctx.number - 1, gasLimit: ctx.gasLimit,
                                     gasUsed: 0, timestamp: ctx.timestamp, extraData: [], baseFeePerGas: ctx.baseFeePerGas)
            parent.number = ctx.number - 1
            let (s, r, ph) = (state, recent, parentHash)
            let result = Interpreter.withLargeStack {
                builder.build(parent: parent, parentHash: ph, state: s, candidates: candidates, timestamp: ctx.timestamp,
                              baseFee: ctx.baseFeePerGas, recentHashes: r, messages: ctx.messages)
            }
            guard result.block.transactions.count == ctx.transactions.count else {
                throw SequencerError.corruptRecord("block \(ctx.number): \(result.invalid.count) transactions invalid on re-execution")
            }
            madeWithdrawals += result.block.transactions.compactMap(L2Withdrawals.of)
            state = result.state
            parentHash = result.block.hash
            recent[ctx.number] = parentHash
            out.append(result.block)
            effects.append(result.effects)
        }
        guard madeWithdrawals == withdrawals else {
            throw SequencerError.corruptRecord("re-execution makes \(madeWithdrawals.count) withdrawals, the file lists \(withdrawals.count) others")
        }
        return (state, out, effects)
    }
}
