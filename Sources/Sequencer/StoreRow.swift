import EVM

/// A result row of either database backend, read by column name: what the shared decoders of
/// `StoreDecoding` need, so SQLite and PostgreSQL rows turn into records by the same code.
protocol StoreRow {
    /// A BLOB/BYTEA column, nil when NULL.
    func blob(_ column: String) -> [UInt8]?
    /// An INTEGER/BIGINT column, nil when NULL.
    func integer(_ column: String) -> Int64?
    /// A TEXT column, nil when NULL.
    func text(_ column: String) -> String?
}

/// Row → record decoding shared by the `ChainStore` backends (same column names in both schemas).
enum StoreDecoding {
    /// A 32-byte big-endian column as a word (zero when NULL or malformed).
    static func word(_ bytes: [UInt8]?) -> UInt256 {
        guard let bytes, bytes.count <= 32 else { return .zero }
        return UInt256(bigEndianBytes: bytes) ?? .zero
    }

    static func int(_ row: some StoreRow, _ column: String) throws -> Int64 {
        guard let v = row.integer(column) else { throw SequencerError.corruptRecord("column \(column) is NULL") }
        return v
    }

    /// A log from (address, topics, data).
    static func log(_ row: some StoreRow) throws -> Log {
        guard let address = row.blob("address").flatMap({ Address(bytes: $0) }) else { throw SequencerError.corruptRecord("log") }
        let topicBytes = row.blob("topics") ?? []
        guard topicBytes.count % 32 == 0 else { throw SequencerError.corruptRecord("log topics") }
        let topics = stride(from: 0, to: topicBytes.count, by: 32).map { UInt256(bigEndianAt: Array(topicBytes[$0..<$0 + 32])) }
        return Log(address: address, topics: topics, data: row.blob("data") ?? [])
    }

    /// An included transaction from the transactions ⋈ blocks ⋈ receipts row, with its logs by index.
    static func includedTransaction(_ row: some StoreRow, logs: [Int: [Log]]) throws -> IncludedTransaction {
        let raw = row.blob("raw") ?? []
        let tx = try Transaction(rawBytes: raw)
        guard let sender = row.blob("sender").flatMap({ Address(bytes: $0) }),
              let price = row.blob("effective_gas_price").flatMap({ UInt256(bigEndianBytes: $0) }) else {
            throw SequencerError.corruptRecord("transaction row")
        }
        let index = Int(try int(row, "tx_index"))
        let receipt = Receipt(type: tx.type, status: try int(row, "status") == 1,
                              cumulativeGasUsed: UInt64(try int(row, "cumulative_gas_used")),
                              gasUsed: UInt64(try int(row, "gas_used")), effectiveGasPrice: price,
                              contractAddress: row.blob("contract_address").flatMap { Address(bytes: $0) },
                              logs: logs[index] ?? [])
        return IncludedTransaction(transaction: tx, raw: raw, hash: word(row.blob("hash")), sender: sender,
                                   blockNumber: UInt64(try int(row, "block_number")), blockHash: word(row.blob("block_hash")),
                                   index: index, receipt: receipt)
    }

    /// A log record from the logs ⋈ blocks row.
    static func logRecord(_ row: some StoreRow) throws -> LogRecord {
        LogRecord(log: try log(row), blockNumber: UInt64(try int(row, "block_number")), blockHash: word(row.blob("block_hash")),
                  transactionHash: word(row.blob("tx_hash")), transactionIndex: Int(try int(row, "tx_index")),
                  logIndex: Int(try int(row, "log_index")))
    }

    /// A v1 deposit row.
    static func message(_ row: some StoreRow) throws -> L1Message {
        guard let sender = row.blob("sender").flatMap({ Address(bytes: $0) }),
              let to = row.blob("recipient").flatMap({ Address(bytes: $0) }) else {
            throw SequencerError.corruptRecord("l1 message row")
        }
        return L1Message(index: UInt64(try int(row, "queue_index")), sender: sender, to: to,
                         value: word(row.blob("value")), queueHash: word(row.blob("queue_hash")))
    }

    /// A batch row.
    static func batch(_ row: some StoreRow) throws -> BatchRecord {
        guard let status = row.text("status").flatMap(BatchStatus.init(rawValue:)) else {
            throw SequencerError.corruptRecord("batch status")
        }
        return BatchRecord(index: UInt64(try int(row, "idx")), firstBlock: UInt64(try int(row, "first_block")),
                           lastBlock: UInt64(try int(row, "last_block")), prevStateRoot: word(row.blob("prev_state_root")),
                           postStateRoot: word(row.blob("post_state_root")), dataHash: word(row.blob("data_hash")),
                           messageCount: UInt64(try int(row, "message_count")),
                           messageQueueHash: word(row.blob("message_queue_hash")), status: status,
                           sealedAt: UInt64(try int(row, "sealed_at")))
    }
}
