import EVM
import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresNIO

/// `ChainStore` on PostgreSQL through postgres-nio, the server-grade alternative to SQLite.
///
/// The store protocol is synchronous (the producer thread and the pending writer call it and
/// must not return before the write is durable), postgres-nio is asynchronous. The bridge waits
/// on NIO futures (`EventLoopFuture.wait()`), which run on the store's own event-loop thread,
/// never on Swift concurrency's cooperative pool, so callers on that pool can block without
/// starving the I/O they wait for. One connection, one statement at a time under a lock: writes
/// are `BEGIN … COMMIT` on it, and a commit with the server's default `synchronous_commit = on`
/// returns only after the WAL is flushed, which is the durability the protocol promises.
/// Multi-row statements keep a block's write to a few round trips.
public final class PostgresChainStore: ChainStore, @unchecked Sendable {
    let group: MultiThreadedEventLoopGroup
    let connection: PostgresConnection
    let lock = NSLock()
    let logger: Logger

    /// Connects to `url` (`postgres://user[:password]@host[:port]/database`) and creates the schema if missing.
    /// - Throws: `SequencerError.invalidConfiguration` for a malformed URL, postgres-nio's errors otherwise.
    public init(url: String, logger: Logger = Logger(label: "zkrollup.postgres")) throws {
        guard let u = URLComponents(string: url), u.scheme == "postgres" || u.scheme == "postgresql",
              let host = u.host, !host.isEmpty, let user = u.user, !user.isEmpty else {
            throw SequencerError.invalidConfiguration("--database: expected postgres://user[:password]@host[:port]/database, got \(url)")
        }
        let database = u.path.hasPrefix("/") ? String(u.path.dropFirst()) : u.path
        let config = PostgresConnection.Configuration(host: host, port: u.port ?? 5432, username: user, password: u.password,
                                                      database: database.isEmpty ? nil : database, tls: .disable)
        self.logger = logger
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        do {
            connection = try PostgresConnection.connect(on: group.next(), configuration: config, id: 1, logger: logger).wait()
        } catch {
            try? group.syncShutdownGracefully()
            throw SequencerError.invalidConfiguration("cannot connect to \(host):\(u.port ?? 5432) as \(user): \(String(reflecting: error))")
        }
        try migrate()
    }

    deinit {
        try? connection.close().wait()
        try? group.syncShutdownGracefully()
    }

    // MARK: - Plumbing

    typealias Rows = [PostgresRandomAccessRow]

    /// Runs one statement; the caller holds `lock`.
    @discardableResult
    func exec(_ sql: String, _ binds: [PostgresData] = []) throws -> Rows {
        try connection.query(sql, binds).wait().rows.map { $0.makeRandomAccess() }
    }

    func read<T>(_ body: () throws -> T) throws -> T {
        lock.lock(); defer { lock.unlock() }
        return try body()
    }

    func write(_ body: () throws -> Void) throws {
        lock.lock(); defer { lock.unlock() }
        try exec("BEGIN")
        do {
            try body()
            try exec("COMMIT")
        } catch {
            _ = try? exec("ROLLBACK")
            throw error
        }
    }

    /// INSERT of many rows, chunked below PostgreSQL's 65,535 parameters; `suffix` is an ON CONFLICT clause.
    func insert(_ table: String, _ columns: [String], _ rows: [[PostgresData]], suffix: String = "") throws {
        guard !rows.isEmpty else { return }
        let perChunk = max(1, 60_000 / columns.count)
        var start = 0
        while start < rows.count {
            let chunk = rows[start..<min(start + perChunk, rows.count)]
            var sql = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
            var binds: [PostgresData] = []
            for (i, row) in chunk.enumerated() {
                sql += (i == 0 ? "(" : ", (") + (1...columns.count).map { "$\(binds.count + $0)" }.joined(separator: ", ") + ")"
                binds += row
            }
            try exec(sql + " " + suffix, binds)
            start += perChunk
        }
    }

    static func b(_ w: UInt256) -> PostgresData { PostgresData(bytes: w.bigEndianBytes) }
    static func b(_ bytes: [UInt8]) -> PostgresData { PostgresData(bytes: bytes) }
    static func i(_ v: UInt64) -> PostgresData { PostgresData(int64: Int64(bitPattern: v)) }
    static func i(_ v: Int) -> PostgresData { PostgresData(int64: Int64(v)) }

    func migrate() throws {
        try write {
            for statement in Self.schema.split(separator: ";") where !statement.allSatisfy(\.isWhitespace) {
                try exec(String(statement))
            }
        }
    }

    /// Idempotent schema (the SQLite schema's tables and columns, PostgreSQL types).
    static let schema = """
                CREATE TABLE IF NOT EXISTS blocks (number BIGINT PRIMARY KEY, hash BYTEA NOT NULL UNIQUE, header BYTEA NOT NULL);
                CREATE TABLE IF NOT EXISTS transactions (hash BYTEA PRIMARY KEY, block_number BIGINT NOT NULL, tx_index BIGINT NOT NULL,
                    sender BYTEA NOT NULL, raw BYTEA NOT NULL);
                CREATE INDEX IF NOT EXISTS transactions_block ON transactions(block_number, tx_index);
                CREATE TABLE IF NOT EXISTS receipts (tx_hash BYTEA PRIMARY KEY, block_number BIGINT NOT NULL, status BIGINT NOT NULL,
                    cumulative_gas_used BIGINT NOT NULL, gas_used BIGINT NOT NULL, effective_gas_price BYTEA NOT NULL,
                    contract_address BYTEA);
                CREATE TABLE IF NOT EXISTS logs (block_number BIGINT NOT NULL, log_index BIGINT NOT NULL, tx_hash BYTEA NOT NULL,
                    tx_index BIGINT NOT NULL, address BYTEA NOT NULL, topics BYTEA NOT NULL, data BYTEA NOT NULL,
                    PRIMARY KEY (block_number, log_index));
                CREATE INDEX IF NOT EXISTS logs_address ON logs(address, block_number);
                CREATE INDEX IF NOT EXISTS logs_tx ON logs(tx_hash);
                CREATE TABLE IF NOT EXISTS batches (idx BIGINT PRIMARY KEY, first_block BIGINT NOT NULL, last_block BIGINT NOT NULL,
                    prev_state_root BYTEA NOT NULL, post_state_root BYTEA NOT NULL, data_hash BYTEA NOT NULL,
                    status TEXT NOT NULL, sealed_at BIGINT NOT NULL, message_count BIGINT NOT NULL DEFAULT 0,
                    message_queue_hash BYTEA);
                CREATE INDEX IF NOT EXISTS batches_last ON batches(last_block);
                CREATE TABLE IF NOT EXISTS pending (seq BIGSERIAL PRIMARY KEY, hash BYTEA NOT NULL UNIQUE, raw BYTEA NOT NULL);
                CREATE TABLE IF NOT EXISTS accounts (address BYTEA PRIMARY KEY, nonce BIGINT NOT NULL, balance BYTEA NOT NULL,
                    code_hash BYTEA NOT NULL);
                CREATE TABLE IF NOT EXISTS code (hash BYTEA PRIMARY KEY, bytes BYTEA NOT NULL);
                CREATE TABLE IF NOT EXISTS storage (address BYTEA NOT NULL, slot BYTEA NOT NULL, value BYTEA NOT NULL,
                    PRIMARY KEY (address, slot));
                CREATE TABLE IF NOT EXISTS l1_messages (queue_index BIGINT PRIMARY KEY, sender BYTEA NOT NULL, recipient BYTEA NOT NULL,
                    value BYTEA NOT NULL, queue_hash BYTEA NOT NULL, block_number BIGINT);
                CREATE INDEX IF NOT EXISTS l1_messages_block ON l1_messages(block_number);
                """

    // MARK: - Blocks and state

    public func head() throws -> BlockHeader? {
        try read {
            guard let row = try exec("SELECT header FROM blocks ORDER BY number DESC LIMIT 1").first else { return nil }
            return try BlockHeader(rlp: row.blob("header") ?? [])
        }
    }

    public func commitGenesis(header: BlockHeader, state: WorldState) throws {
        var changes = StateChanges()
        for (address, account) in state.accounts {
            changes.accounts[address] = .init(account: account, storageWrites: account.storage, clearsStorage: true)
        }
        try write {
            try insertBlock(BlockRecord(header: header, transactions: []))
            try apply(changes)
        }
    }

    public func loadState() throws -> WorldState {
        try read {
            var codes: [[UInt8]: Code] = [:]
            for row in try exec("SELECT hash, bytes FROM code") { codes[row.blob("hash") ?? []] = Code(row.blob("bytes") ?? []) }
            var accounts: [Address: Account] = [:]
            for row in try exec("SELECT address, nonce, balance, code_hash FROM accounts") {
                guard let address = row.blob("address").flatMap({ Address(bytes: $0) }),
                      let balance = row.blob("balance").flatMap({ UInt256(bigEndianBytes: $0) }) else {
                    throw SequencerError.corruptRecord("account row")
                }
                let codeHash = row.blob("code_hash") ?? []
                let code = codeHash.isEmpty ? Code.empty : (codes[codeHash] ?? Code.empty)
                accounts[address] = Account(nonce: UInt64(bitPattern: try StoreDecoding.int(row, "nonce")), balance: balance, code: code)
            }
            for row in try exec("SELECT address, slot, value FROM storage") {
                guard let address = row.blob("address").flatMap({ Address(bytes: $0) }),
                      let slot = row.blob("slot").flatMap({ UInt256(bigEndianBytes: $0) }),
                      let value = row.blob("value").flatMap({ UInt256(bigEndianBytes: $0) }) else {
                    throw SequencerError.corruptRecord("storage row")
                }
                accounts[address]?.storage[slot] = value
            }
            return WorldState(accounts: accounts)
        }
    }

    public func commitBlock(_ block: BlockRecord, changes: StateChanges, removingPending: [UInt256], batch: BatchRecord?) throws {
        try write {
            try insertBlock(block)
            try apply(changes)
            try deletePendingRows(removingPending)
            if let batch { try upsertBatch(batch) }
        }
    }

    func insertBlock(_ block: BlockRecord) throws {
        let number = Self.i(block.header.number)
        try exec("INSERT INTO blocks (number, hash, header) VALUES ($1, $2, $3)", [number, Self.b(block.hash), Self.b(block.header.rlp)])
        var txs: [[PostgresData]] = [], receipts: [[PostgresData]] = [], logs: [[PostgresData]] = []
        var logIndex = 0
        for tx in block.transactions {
            let h = Self.b(tx.hash), r = tx.receipt
            txs.append([h, number, Self.i(tx.index), Self.b(tx.sender.bytes), Self.b(tx.raw)])
            receipts.append([h, number, Self.i(r.status ? 1 : 0), Self.i(r.cumulativeGasUsed), Self.i(r.gasUsed),
                             Self.b(r.effectiveGasPrice), r.contractAddress.map { Self.b($0.bytes) } ?? .null])
            for log in r.logs {
                logs.append([number, Self.i(logIndex), h, Self.i(tx.index), Self.b(log.address.bytes),
                             Self.b(log.topics.flatMap(\.bigEndianBytes)), Self.b(log.data)])
                logIndex += 1
            }
        }
        try insert("transactions", ["hash", "block_number", "tx_index", "sender", "raw"], txs)
        try insert("receipts", ["tx_hash", "block_number", "status", "cumulative_gas_used", "gas_used", "effective_gas_price",
                                "contract_address"], receipts)
        try insert("logs", ["block_number", "log_index", "tx_hash", "tx_index", "address", "topics", "data"], logs)
        try upsertMessages(block.messages, block: block.header.number)
    }

    func apply(_ changes: StateChanges) throws {
        var clear: [PostgresData] = [], delete: [PostgresData] = [], upserts: [[PostgresData]] = [], codes: [[PostgresData]] = []
        var slots: [[PostgresData]] = [], deletedSlots: [(PostgresData, PostgresData)] = []
        for (address, change) in changes.accounts {
            let a = Self.b(address.bytes)
            if change.clearsStorage { clear.append(a) }
            guard let account = change.account else { delete.append(a); continue }
            var codeHash: [UInt8] = []
            if !account.code.isEmpty {
                codeHash = account.code.hash.bigEndianBytes
                codes.append([Self.b(codeHash), Self.b(account.code.bytes)])
            }
            upserts.append([a, Self.i(account.nonce), Self.b(account.balance), Self.b(codeHash)])
            for (slot, value) in change.storageWrites {
                if value.isZero { deletedSlots.append((a, Self.b(slot))) } else { slots.append([a, Self.b(slot), Self.b(value)]) }
            }
        }
        for a in clear { try exec("DELETE FROM storage WHERE address = $1", [a]) }
        for a in delete { try exec("DELETE FROM accounts WHERE address = $1", [a]) }
        try insert("code", ["hash", "bytes"], Self.unique(codes), suffix: "ON CONFLICT (hash) DO NOTHING")
        try insert("accounts", ["address", "nonce", "balance", "code_hash"], upserts,
                   suffix: "ON CONFLICT (address) DO UPDATE SET nonce = excluded.nonce, balance = excluded.balance, code_hash = excluded.code_hash")
        try insert("storage", ["address", "slot", "value"], slots,
                   suffix: "ON CONFLICT (address, slot) DO UPDATE SET value = excluded.value")
        for (a, s) in deletedSlots { try exec("DELETE FROM storage WHERE address = $1 AND slot = $2", [a, s]) }
    }

    /// Rows with distinct first columns (one multi-row INSERT … ON CONFLICT may not name a key twice).
    static func unique(_ rows: [[PostgresData]]) -> [[PostgresData]] {
        var seen = Set<[UInt8]>()
        return rows.filter { seen.insert($0[0].bytes ?? []).inserted }
    }

    // MARK: - v1 deposits

    public func insertMessages(_ messages: [L1Message]) throws {
        try write { try upsertMessages(messages, block: nil) }
    }

    func upsertMessages(_ messages: [L1Message], block: UInt64?) throws {
        try insert("l1_messages", ["queue_index", "sender", "recipient", "value", "queue_hash", "block_number"],
                   messages.map { m in
                       [Self.i(m.index), Self.b(m.sender.bytes), Self.b(m.to.bytes), Self.b(m.value), Self.b(m.queueHash),
                        block.map { Self.i($0) } ?? .null]
                   },
                   suffix: "ON CONFLICT (queue_index) DO UPDATE SET block_number = COALESCE(excluded.block_number, l1_messages.block_number)")
    }

    public func unincludedMessages() throws -> [L1Message] {
        try read { try exec("SELECT * FROM l1_messages WHERE block_number IS NULL ORDER BY queue_index").map(StoreDecoding.message) }
    }

    public func messages(block number: UInt64) throws -> [L1Message] {
        try read {
            try exec("SELECT * FROM l1_messages WHERE block_number = $1 ORDER BY queue_index", [Self.i(number)]).map(StoreDecoding.message)
        }
    }

    public func lastMessage() throws -> L1Message? {
        try read { try exec("SELECT * FROM l1_messages ORDER BY queue_index DESC LIMIT 1").first.map(StoreDecoding.message) }
    }

    // MARK: - Pending transactions

    public func insertPending(_ entries: [(hash: UInt256, raw: [UInt8])]) throws {
        if entries.isEmpty { return }
        try write {
            try insert("pending", ["hash", "raw"], entries.map { [Self.b($0.hash), Self.b($0.raw)] },
                       suffix: "ON CONFLICT (hash) DO NOTHING")
        }
    }

    public func deletePending(_ hashes: [UInt256]) throws {
        if hashes.isEmpty { return }
        try write { try deletePendingRows(hashes) }
    }

    func deletePendingRows(_ hashes: [UInt256]) throws {
        var start = 0
        while start < hashes.count {
            let chunk = hashes[start..<min(start + 10_000, hashes.count)]
            try exec("DELETE FROM pending WHERE hash IN (" + (1...chunk.count).map { "$\($0)" }.joined(separator: ",") + ")",
                     chunk.map { Self.b($0) })
            start += 10_000
        }
    }

    public func pendingTransactions() throws -> [[UInt8]] {
        try read { try exec("SELECT raw FROM pending ORDER BY seq").map { $0.blob("raw") ?? [] } }
    }

    // MARK: - Queries

    public func header(number: UInt64) throws -> BlockHeader? {
        try read {
            guard let row = try exec("SELECT header FROM blocks WHERE number = $1", [Self.i(number)]).first else { return nil }
            return try BlockHeader(rlp: row.blob("header") ?? [])
        }
    }

    public func blockNumber(hash: UInt256) throws -> UInt64? {
        try read { try exec("SELECT number FROM blocks WHERE hash = $1", [Self.b(hash)]).first?.integer("number").map { UInt64($0) } }
    }

    static let transactionColumns = """
        SELECT t.hash, t.block_number, t.tx_index, t.sender, t.raw, b.hash AS block_hash, r.status,
               r.cumulative_gas_used, r.gas_used, r.effective_gas_price, r.contract_address
        FROM transactions t JOIN blocks b ON b.number = t.block_number JOIN receipts r ON r.tx_hash = t.hash
        """

    public func transactions(block number: UInt64) throws -> [IncludedTransaction] {
        try read {
            let rows = try exec(Self.transactionColumns + " WHERE t.block_number = $1 ORDER BY t.tx_index", [Self.i(number)])
            var logs: [Int: [Log]] = [:]
            for row in try exec("SELECT tx_index, address, topics, data FROM logs WHERE block_number = $1 ORDER BY log_index",
                                [Self.i(number)]) {
                logs[Int(try StoreDecoding.int(row, "tx_index")), default: []].append(try StoreDecoding.log(row))
            }
            var logCount = 0
            return try rows.map {
                var t = try StoreDecoding.includedTransaction($0, logs: logs)
                t.firstLogIndex = logCount
                logCount += t.receipt.logs.count
                return t
            }
        }
    }

    public func transactionCount(block number: UInt64) throws -> Int {
        try read {
            Int(try exec("SELECT COUNT(*) AS n FROM transactions WHERE block_number = $1", [Self.i(number)]).first?.integer("n") ?? 0)
        }
    }

    public func transaction(hash: UInt256) throws -> IncludedTransaction? {
        try read {
            guard let row = try exec(Self.transactionColumns + " WHERE t.hash = $1", [Self.b(hash)]).first else { return nil }
            var logs: [Log] = [], first: Int?
            for l in try exec("SELECT log_index, address, topics, data FROM logs WHERE tx_hash = $1 ORDER BY log_index", [Self.b(hash)]) {
                let index = Int(try StoreDecoding.int(l, "log_index"))
                if first == nil { first = index }
                logs.append(try StoreDecoding.log(l))
            }
            var t = try StoreDecoding.includedTransaction(row, logs: [Int(try StoreDecoding.int(row, "tx_index")): logs])
            t.firstLogIndex = first ?? 0
            return t
        }
    }

    public func logs(_ filter: LogFilter) throws -> [LogRecord] {
        try read {
            var sql = """
                SELECT l.block_number, l.log_index, l.tx_hash, l.tx_index, l.address, l.topics, l.data, b.hash AS block_hash
                FROM logs l JOIN blocks b ON b.number = l.block_number WHERE l.block_number BETWEEN $1 AND $2
                """
            var binds = [Self.i(filter.fromBlock), Self.i(filter.toBlock)]
            if !filter.addresses.isEmpty {
                sql += " AND l.address IN (" + filter.addresses.indices.map { "$\($0 + 3)" }.joined(separator: ",") + ")"
                binds += filter.addresses.map { Self.b($0.bytes) }
            }
            sql += " ORDER BY l.block_number, l.log_index"
            return try exec(sql, binds).map(StoreDecoding.logRecord).filter { filter.matches($0.log) }
        }
    }

    // MARK: - Batches

    public func saveBatch(_ batch: BatchRecord) throws {
        try write { try upsertBatch(batch) }
    }

    func upsertBatch(_ b: BatchRecord) throws {
        try exec("""
            INSERT INTO batches (idx, first_block, last_block, prev_state_root, post_state_root, data_hash, status, sealed_at,
                message_count, message_queue_hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            ON CONFLICT (idx) DO UPDATE SET first_block = excluded.first_block, last_block = excluded.last_block,
                prev_state_root = excluded.prev_state_root, post_state_root = excluded.post_state_root,
                data_hash = excluded.data_hash, status = excluded.status, sealed_at = excluded.sealed_at,
                message_count = excluded.message_count, message_queue_hash = excluded.message_queue_hash
            """, [Self.i(b.index), Self.i(b.firstBlock), Self.i(b.lastBlock), Self.b(b.prevStateRoot), Self.b(b.postStateRoot),
                  Self.b(b.dataHash), PostgresData(string: b.status.rawValue), Self.i(b.sealedAt), Self.i(b.messageCount),
                  Self.b(b.messageQueueHash)])
    }

    public func batch(index: UInt64) throws -> BatchRecord? {
        try read { try exec("SELECT * FROM batches WHERE idx = $1", [Self.i(index)]).first.map(StoreDecoding.batch) }
    }

    public func latestBatch() throws -> BatchRecord? {
        try read { try exec("SELECT * FROM batches ORDER BY idx DESC LIMIT 1").first.map(StoreDecoding.batch) }
    }

    public func batch(containingBlock number: UInt64) throws -> BatchRecord? {
        try read {
            try exec("SELECT * FROM batches WHERE last_block >= $1 AND first_block <= $1 ORDER BY idx LIMIT 1", [Self.i(number)])
                .first.map(StoreDecoding.batch)
        }
    }
}

extension PostgresRandomAccessRow: StoreRow {
    func blob(_ column: String) -> [UInt8]? {
        guard contains(column) else { return nil }
        let d = self[data: column]
        return d.value == nil ? nil : (d.bytes ?? [])
    }

    func integer(_ column: String) -> Int64? {
        guard contains(column) else { return nil }
        return self[data: column].int64
    }

    func text(_ column: String) -> String? {
        guard contains(column) else { return nil }
        return self[data: column].string
    }
}
