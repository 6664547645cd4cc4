import EVM
import Foundation
import GRDB

/// `ChainStore` on SQLite through GRDB: one database file in WAL mode.
///
/// Durability choice: `synchronous=FULL`. In WAL mode `NORMAL` already survives `kill -9` (a
/// committed transaction is in the WAL file, in the OS page cache, before `COMMIT` returns), but
/// it may lose the last transactions on power loss or a kernel crash, because the WAL is fsynced
/// only at checkpoints. The node acknowledges a transaction hash only after its pending row is
/// committed, and an acknowledgement must mean "will not be lost", so every commit fsyncs the WAL.
/// The cost (one fsync per commit) is amortised by writing many pending transactions per commit
/// (`insertPending` takes a list). `synchronous` is a parameter so benchmarks can measure NORMAL.
public final class SQLiteChainStore: ChainStore {
    /// The SQLite `synchronous` levels the store supports.
    public enum Synchronous: String, Sendable {
        /// fsync the WAL on every commit (power-loss safe).
        case full = "FULL"
        /// fsync at checkpoints only (process-crash safe).
        case normal = "NORMAL"
    }

    let pool: DatabasePool

    /// Opens (creating if needed) the database at `path` and migrates its schema.
    /// - Throws: GRDB's `DatabaseError` when the file cannot be opened or migrated.
    public init(path: String, synchronous: Synchronous = .full) throws {
        var config = Configuration()
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = \(synchronous.rawValue)")
        }
        pool = try DatabasePool(path: path, configuration: config)
        try Self.migrator.migrate(pool)
    }

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE blocks (number INTEGER PRIMARY KEY, hash BLOB NOT NULL UNIQUE, header BLOB NOT NULL);
                CREATE TABLE transactions (hash BLOB PRIMARY KEY, block_number INTEGER NOT NULL, tx_index INTEGER NOT NULL,
                    sender BLOB NOT NULL, raw BLOB NOT NULL);
                CREATE INDEX transactions_block ON transactions(block_number, tx_index);
                CREATE TABLE receipts (tx_hash BLOB PRIMARY KEY, block_number INTEGER NOT NULL, status INTEGER NOT NULL,
                    cumulative_gas_used INTEGER NOT NULL, gas_used INTEGER NOT NULL, effective_gas_price BLOB NOT NULL,
                    contract_address BLOB);
                CREATE TABLE logs (block_number INTEGER NOT NULL, log_index INTEGER NOT NULL, tx_hash BLOB NOT NULL,
                    tx_index INTEGER NOT NULL, address BLOB NOT NULL, topics BLOB NOT NULL, data BLOB NOT NULL,
                    PRIMARY KEY (block_number, log_index));
                CREATE INDEX logs_address ON logs(address, block_number);
                CREATE INDEX logs_tx ON logs(tx_hash);
                CREATE TABLE batches (idx INTEGER PRIMARY KEY, first_block INTEGER NOT NULL, last_block INTEGER NOT NULL,
                    prev_state_root BLOB NOT NULL, post_state_root BLOB NOT NULL, data_hash BLOB NOT NULL,
                    status TEXT NOT NULL, sealed_at INTEGER NOT NULL);
                CREATE INDEX batches_last ON batches(last_block);
                CREATE TABLE pending (seq INTEGER PRIMARY KEY AUTOINCREMENT, hash BLOB NOT NULL UNIQUE, raw BLOB NOT NULL);
                CREATE TABLE accounts (address BLOB PRIMARY KEY, nonce INTEGER NOT NULL, balance BLOB NOT NULL,
                    code_hash BLOB NOT NULL);
                CREATE TABLE code (hash BLOB PRIMARY KEY, bytes BLOB NOT NULL);
                CREATE TABLE storage (address BLOB NOT NULL, slot BLOB NOT NULL, value BLOB NOT NULL,
                    PRIMARY KEY (address, slot)) WITHOUT ROWID;
                """)
        }
        m.registerMigration("v2-l1-messages") { db in
            try db.execute(sql: """
                ALTER TABLE batches ADD COLUMN message_count INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE batches ADD COLUMN message_queue_hash BLOB;
                CREATE TABLE l1_messages (queue_index INTEGER PRIMARY KEY, sender BLOB NOT NULL, recipient BLOB NOT NULL,
                    value BLOB NOT NULL, queue_hash BLOB NOT NULL, block_number INTEGER);
                CREATE INDEX l1_messages_block ON l1_messages(block_number);
                """)
        }
        return m
    }

    // MARK: - Blocks and state

    public func head() throws -> BlockHeader? {
        try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT header FROM blocks ORDER BY number DESC LIMIT 1") else {
                return nil
            }
            return try BlockHeader(rlp: [UInt8](row["header"] as Data))
        }
    }

    public func commitGenesis(header: BlockHeader, state: WorldState) throws {
        var changes = StateChanges()
        for (address, account) in state.accounts {
            changes.accounts[address] = .init(account: account, storageWrites: account.storage, clearsStorage: true)
        }
        try pool.write { db in
            try Self.insertBlock(db, BlockRecord(header: header, transactions: []))
            try Self.apply(db, changes)
        }
    }

    public func loadState() throws -> WorldState {
        try pool.read { db in
            var codes: [Data: Code] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT hash, bytes FROM code") {
                codes[row["hash"] as Data] = Code([UInt8](row["bytes"] as Data))
            }
            var accounts: [Address: Account] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT address, nonce, balance, code_hash FROM accounts") {
                guard let address = Address(bytes: [UInt8](row["address"] as Data)),
                      let balance = UInt256(bigEndianBytes: [UInt8](row["balance"] as Data)) else {
                    throw SequencerError.corruptRecord("account row")
                }
                let codeHash: Data = row["code_hash"]
                let code = codeHash.isEmpty ? Code.empty : (codes[codeHash] ?? Code.empty)
                accounts[address] = Account(nonce: UInt64(row["nonce"] as Int64), balance: balance, code: code)
            }
            for row in try Row.fetchAll(db, sql: "SELECT address, slot, value FROM storage") {
                guard let address = Address(bytes: [UInt8](row["address"] as Data)),
                      let slot = UInt256(bigEndianBytes: [UInt8](row["slot"] as Data)),
                      let value = UInt256(bigEndianBytes: [UInt8](row["value"] as Data)) else {
                    throw SequencerError.corruptRecord("storage row")
                }
                accounts[address]?.storage[slot] = value
            }
            return WorldState(accounts: accounts)
        }
    }

    public func commitBlock(_ block: BlockRecord, changes: StateChanges, removingPending: [UInt256],
                            batch: BatchRecord?) throws {
        try pool.write { db in
            try Self.insertBlock(db, block)
            try Self.apply(db, changes)
            let delete = try db.cachedStatement(sql: "DELETE FROM pending WHERE hash = ?")
            for h in removingPending { try delete.execute(arguments: [Self.data(h)]) }
            if let batch { try Self.upsertBatch(db, batch) }
        }
    }

    // MARK: - v1 deposits

    public func insertMessages(_ messages: [L1Message]) throws {
        try pool.write { db in
            for m in messages { try Self.upsertMessage(db, m, block: nil) }
        }
    }

    /// Inserts a deposit, keeping the block it was included in if it is already known.
    static func upsertMessage(_ db: Database, _ m: L1Message, block: UInt64?) throws {
        try db.execute(sql: """
            INSERT INTO l1_messages (queue_index, sender, recipient, value, queue_hash, block_number) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT(queue_index) DO UPDATE SET block_number = COALESCE(excluded.block_number, block_number)
            """, arguments: [Int64(m.index), Data(m.sender.bytes), Data(m.to.bytes), data(m.value), data(m.queueHash),
                             block.map { Int64($0) }])
    }

    public func unincludedMessages() throws -> [L1Message] {
        try fetchMessages(sql: "SELECT * FROM l1_messages WHERE block_number IS NULL ORDER BY queue_index", [])
    }

    public func messages(block number: UInt64) throws -> [L1Message] {
        try fetchMessages(sql: "SELECT * FROM l1_messages WHERE block_number = ? ORDER BY queue_index", [Int64(number)])
    }

    public func lastMessage() throws -> L1Message? {
        try fetchMessages(sql: "SELECT * FROM l1_messages ORDER BY queue_index DESC LIMIT 1", []).first
    }

    func fetchMessages(sql: String, _ args: [Int64]) throws -> [L1Message] {
        try pool.read { db in
            try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args)).map(StoreDecoding.message)
        }
    }

    static func insertBlock(_ db: Database, _ block: BlockRecord) throws {
        try db.execute(sql: "INSERT INTO blocks (number, hash, header) VALUES (?, ?, ?)",
                       arguments: [Int64(block.header.number), data(block.hash), Data(block.header.rlp)])
        let txStmt = try db.cachedStatement(
            sql: "INSERT INTO transactions (hash, block_number, tx_index, sender, raw) VALUES (?, ?, ?, ?, ?)")
        let rcStmt = try db.cachedStatement(sql: """
            INSERT INTO receipts (tx_hash, block_number, status, cumulative_gas_used, gas_used, effective_gas_price,
                contract_address) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        let logStmt = try db.cachedStatement(sql: """
            INSERT INTO logs (block_number, log_index, tx_hash, tx_index, address, topics, data) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        var logIndex = 0
        let number = Int64(block.header.number)
        for tx in block.transactions {
            let h = data(tx.hash)
            try txStmt.execute(arguments: [h, number, Int64(tx.index), Data(tx.sender.bytes), Data(tx.raw)])
            let r = tx.receipt
            try rcStmt.execute(arguments: [h, number, r.status ? 1 : 0, Int64(r.cumulativeGasUsed), Int64(r.gasUsed),
                                           data(r.effectiveGasPrice), r.contractAddress.map { Data($0.bytes) }])
            for log in r.logs {
                var topics = Data()
                for t in log.topics { topics.append(contentsOf: t.bigEndianBytes) }
                try logStmt.execute(arguments: [number, Int64(logIndex), h, Int64(tx.index), Data(log.address.bytes),
                                                topics, Data(log.data)])
                logIndex += 1
            }
        }
        for m in block.messages { try upsertMessage(db, m, block: block.header.number) }
    }

    static func apply(_ db: Database, _ changes: StateChanges) throws {
        let upsert = try db.cachedStatement(sql: """
            INSERT INTO accounts (address, nonce, balance, code_hash) VALUES (?, ?, ?, ?)
            ON CONFLICT(address) DO UPDATE SET nonce = excluded.nonce, balance = excluded.balance, code_hash = excluded.code_hash
            """)
        let deleteAccount = try db.cachedStatement(sql: "DELETE FROM accounts WHERE address = ?")
        let clearStorage = try db.cachedStatement(sql: "DELETE FROM storage WHERE address = ?")
        let putCode = try db.cachedStatement(sql: "INSERT OR IGNORE INTO code (hash, bytes) VALUES (?, ?)")
        let putSlot = try db.cachedStatement(sql: "INSERT OR REPLACE INTO storage (address, slot, value) VALUES (?, ?, ?)")
        let deleteSlot = try db.cachedStatement(sql: "DELETE FROM storage WHERE address = ? AND slot = ?")
        for (address, change) in changes.accounts {
            let a = Data(address.bytes)
            if change.clearsStorage { try clearStorage.execute(arguments: [a]) }
            guard let account = change.account else {
                try deleteAccount.execute(arguments: [a])
                continue
            }
            var codeHash = Data()
            if !account.code.isEmpty {
                codeHash = data(account.code.hash)
                try putCode.execute(arguments: [codeHash, Data(account.code.bytes)])
            }
            try upsert.execute(arguments: [a, Int64(bitPattern: account.nonce), data(account.balance), codeHash])
            for (slot, value) in change.storageWrites {
                if value.isZero { try deleteSlot.execute(arguments: [a, data(slot)]) }
                else { try putSlot.execute(arguments: [a, data(slot), data(value)]) }
            }
        }
    }

    // MARK: - Pending transactions

    public func insertPending(_ entries: [(hash: UInt256, raw: [UInt8])]) throws {
        if entries.isEmpty { return }
        try pool.write { db in
            let stmt = try db.cachedStatement(sql: "INSERT OR IGNORE INTO pending (hash, raw) VALUES (?, ?)")
            for e in entries { try stmt.execute(arguments: [Self.data(e.hash), Data(e.raw)]) }
        }
    }

    public func deletePending(_ hashes: [UInt256]) throws {
        if hashes.isEmpty { return }
        try pool.write { db in
            let stmt = try db.cachedStatement(sql: "DELETE FROM pending WHERE hash = ?")
            for h in hashes { try stmt.execute(arguments: [Self.data(h)]) }
        }
    }

    public func pendingTransactions() throws -> [[UInt8]] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT raw FROM pending ORDER BY seq").map { [UInt8]($0["raw"] as Data) }
        }
    }

    // MARK: - Queries

    public func header(number: UInt64) throws -> BlockHeader? {
        try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT header FROM blocks WHERE number = ?",
                                             arguments: [Int64(number)]) else { return nil }
            return try BlockHeader(rlp: [UInt8](row["header"] as Data))
        }
    }

    public func blockNumber(hash: UInt256) throws -> UInt64? {
        try pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT number FROM blocks WHERE hash = ?", arguments: [Self.data(hash)])
                .map { UInt64($0) }
        }
    }

    static let transactionColumns = """
        SELECT t.hash, t.block_number, t.tx_index, t.sender, t.raw, b.hash AS block_hash, r.status,
               r.cumulative_gas_used, r.gas_used, r.effective_gas_price, r.contract_address
        FROM transactions t JOIN blocks b ON b.number = t.block_number JOIN receipts r ON r.tx_hash = t.hash
        """

    public func transactions(block number: UInt64) throws -> [IncludedTransaction] {
        try pool.read { db in
            let rows = try Row.fetchAll(db, sql: Self.transactionColumns + " WHERE t.block_number = ? ORDER BY t.tx_index",
                                        arguments: [Int64(number)])
            let logs = try Self.logsByTransaction(db, block: number)
            var logCount = 0
            return try rows.map {
                var t = try Self.includedTransaction($0, logs: logs)
                t.firstLogIndex = logCount
                logCount += t.receipt.logs.count
                return t
            }
        }
    }

    public func transactionCount(block number: UInt64) throws -> Int {
        try pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM transactions WHERE block_number = ?",
                             arguments: [Int64(number)]) ?? 0
        }
    }

    public func transaction(hash: UInt256) throws -> IncludedTransaction? {
        try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: Self.transactionColumns + " WHERE t.hash = ?",
                                             arguments: [Self.data(hash)]) else { return nil }
            var logs: [Log] = [], first: Int?
            for l in try Row.fetchAll(db, sql: "SELECT log_index, address, topics, data FROM logs WHERE tx_hash = ? ORDER BY log_index",
                                      arguments: [Self.data(hash)]) {
                first = first ?? Int(l["log_index"] as Int64)
                logs.append(try Self.log(l))
            }
            let index = Int(row["tx_index"] as Int64)
            var t = try Self.includedTransaction(row, logs: [index: logs])
            t.firstLogIndex = first ?? 0
            return t
        }
    }

    static func logsByTransaction(_ db: Database, block: UInt64) throws -> [Int: [Log]] {
        var out: [Int: [Log]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT tx_index, address, topics, data FROM logs WHERE block_number = ? ORDER BY log_index",
                                    arguments: [Int64(block)]) {
            out[Int(row["tx_index"] as Int64), default: []].append(try log(row))
        }
        return out
    }

    static func log(_ row: Row) throws -> Log { try StoreDecoding.log(row) }

    static func includedTransaction(_ row: Row, logs: [Int: [Log]]) throws -> IncludedTransaction {
        try StoreDecoding.includedTransaction(row, logs: logs)
    }

    public func logs(_ filter: LogFilter) throws -> [LogRecord] {
        try pool.read { db in
            var sql = """
                SELECT l.block_number, l.log_index, l.tx_hash, l.tx_index, l.address, l.topics, l.data, b.hash AS block_hash
                FROM logs l JOIN blocks b ON b.number = l.block_number WHERE l.block_number BETWEEN ? AND ?
                """
            var args: [(any DatabaseValueConvertible)?] = [Int64(filter.fromBlock), Int64(filter.toBlock)]
            if !filter.addresses.isEmpty {
                sql += " AND l.address IN (" + filter.addresses.map { _ in "?" }.joined(separator: ",") + ")"
                args += filter.addresses.map { Data($0.bytes) }
            }
            sql += " ORDER BY l.block_number, l.log_index"
            var out: [LogRecord] = []
            for row in try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args)) {
                let record = try StoreDecoding.logRecord(row)
                if filter.matches(record.log) { out.append(record) }
            }
            return out
        }
    }

    // MARK: - Batches

    public func saveBatch(_ batch: BatchRecord) throws {
        try pool.write { db in try Self.upsertBatch(db, batch) }
    }

    static func upsertBatch(_ db: Database, _ b: BatchRecord) throws {
        try db.execute(sql: """
            INSERT OR REPLACE INTO batches (idx, first_block, last_block, prev_state_root, post_state_root, data_hash, status,
                sealed_at, message_count, message_queue_hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [Int64(b.index), Int64(b.firstBlock), Int64(b.lastBlock), data(b.prevStateRoot),
                             data(b.postStateRoot), data(b.dataHash), b.status.rawValue, Int64(b.sealedAt),
                             Int64(b.messageCount), data(b.messageQueueHash)])
    }

    public func batch(index: UInt64) throws -> BatchRecord? {
        try fetchBatch(sql: "SELECT * FROM batches WHERE idx = ?", [Int64(index)])
    }

    public func latestBatch() throws -> BatchRecord? {
        try fetchBatch(sql: "SELECT * FROM batches ORDER BY idx DESC LIMIT 1", [])
    }

    public func batch(containingBlock number: UInt64) throws -> BatchRecord? {
        try fetchBatch(sql: "SELECT * FROM batches WHERE last_block >= ? AND first_block <= ? ORDER BY idx LIMIT 1",
                       [Int64(number), Int64(number)])
    }

    func fetchBatch(sql: String, _ args: [Int64]) throws -> BatchRecord? {
        try pool.read { db in
            try Row.fetchOne(db, sql: sql, arguments: StatementArguments(args)).map(StoreDecoding.batch)
        }
    }

    // MARK: - Encoding helpers

    static func data(_ w: UInt256) -> Data { Data(w.bigEndianBytes) }

    static func word(_ d: Data?) -> UInt256 { StoreDecoding.word(d.map { [UInt8]($0) }) }
}

extension Row: StoreRow {
    func blob(_ column: String) -> [UInt8]? { (self[column] as Data?).map { [UInt8]($0) } }
    func integer(_ column: String) -> Int64? { self[column] as Int64? }
    func text(_ column: String) -> String? { self[column] as String? }
}
