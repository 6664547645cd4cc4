import EVM

/// JSON shapes of blocks, transactions, receipts, logs and batches, as go-ethereum returns them.
public enum RPCFormat {
    static func q(_ v: UInt64) -> JSONValue { .string(Hex.quantity(v)) }
    static func q(_ v: UInt256) -> JSONValue { .string(v.hexString) }
    static func w(_ v: UInt256) -> JSONValue { .string(Hex.encode(word: v)) }
    static func a(_ v: Address) -> JSONValue { .string(v.description) }
    static func d(_ v: [UInt8]) -> JSONValue { .string(Hex.encode(v)) }

    /// A block; `transactions` is a list of hashes or of full transaction objects. Beyond
    /// go-ethereum's fields, `l1Messages` lists the v1 deposits it credited, whose trie root is
    /// in `withdrawalsRoot` (`BlockHeader.messagesRoot`).
    public static func block(_ header: BlockHeader, hash: UInt256, transactions: [JSONValue], size: Int,
                             messages: [L1Message] = []) -> JSONValue {
        .object([
            ("number", q(header.number)), ("hash", w(hash)), ("parentHash", w(header.parentHash)),
            ("nonce", .string("0x0000000000000000")), ("sha3Uncles", w(BlockHeader.emptyOmmersHash)),
            ("logsBloom", d(header.logsBloom.bytes)), ("transactionsRoot", w(header.transactionsRoot)),
            ("stateRoot", w(header.stateRoot)), ("receiptsRoot", w(header.receiptsRoot)),
            ("miner", a(header.coinbase)), ("difficulty", .string("0x0")), ("totalDifficulty", .string("0x0")),
            ("extraData", d(header.extraData)), ("size", q(UInt64(size))), ("gasLimit", q(header.gasLimit)),
            ("gasUsed", q(header.gasUsed)), ("timestamp", q(header.timestamp)), ("transactions", .array(transactions)),
            ("uncles", .array([])), ("baseFeePerGas", q(header.baseFeePerGas)), ("withdrawals", .array([])),
            ("withdrawalsRoot", w(header.messagesRoot)), ("blobGasUsed", .string("0x0")),
            ("excessBlobGas", .string("0x0")), ("parentBeaconBlockRoot", w(.zero)), ("mixHash", w(.zero)),
            ("l1Messages", .array(messages.map(message))),
        ])
    }

    /// A v1 deposit as chain v2 credited it.
    public static func message(_ m: L1Message) -> JSONValue {
        .object([("index", q(m.index)), ("sender", a(m.sender)), ("to", a(m.to)), ("value", q(m.value)),
                 ("queueHash", w(m.queueHash))])
    }

    /// A transaction; block fields are null for a pooled one.
    public static func transaction(_ tx: Transaction, hash: UInt256, sender: Address, block: (UInt64, UInt256, Int)?,
                                   baseFee: UInt256?) -> JSONValue {
        var o: [(String, JSONValue)] = [
            ("type", q(UInt64(tx.type.rawValue))), ("hash", w(hash)), ("nonce", q(tx.nonce)),
            ("blockHash", block.map { w($0.1) } ?? .null), ("blockNumber", block.map { q($0.0) } ?? .null),
            ("transactionIndex", block.map { q(UInt64($0.2)) } ?? .null), ("from", a(sender)),
            ("to", tx.to.map(a) ?? .null), ("value", q(tx.value)), ("gas", q(tx.gasLimit)), ("input", d(tx.data)),
        ]
        let price = baseFee.map { tx.effectiveGasPrice(baseFee: $0) } ?? tx.maxFeePerGas
        o.append(("gasPrice", q(tx.type == .dynamicFee ? price : tx.maxFeePerGas)))
        if tx.type == .dynamicFee {
            o.append(("maxFeePerGas", q(tx.maxFeePerGas)))
            o.append(("maxPriorityFeePerGas", q(tx.maxPriorityFeePerGas)))
        }
        if let c = tx.chainId { o.append(("chainId", q(c))) }
        if tx.type != .legacy {
            o.append(("accessList", .array(tx.accessList.map { e in
                .object([("address", a(e.address)), ("storageKeys", .array(e.storageKeys.map(w)))])
            })))
        }
        if let sig = tx.signature {
            if tx.type == .legacy, let v = tx.legacyV { o.append(("v", q(v))) } else {
                o.append(("v", q(UInt64(sig.yParity))))
                o.append(("yParity", q(UInt64(sig.yParity))))
            }
            o.append(("r", q(sig.r)))
            o.append(("s", q(sig.s)))
        }
        return .object(o)
    }

    /// An included transaction.
    public static func transaction(_ t: IncludedTransaction, baseFee: UInt256) -> JSONValue {
        transaction(t.transaction, hash: t.hash, sender: t.sender, block: (t.blockNumber, t.blockHash, t.index), baseFee: baseFee)
    }

    /// A log with its position.
    public static func log(_ log: Log, blockNumber: UInt64, blockHash: UInt256, txHash: UInt256, txIndex: Int,
                           logIndex: Int) -> JSONValue {
        .object([
            ("address", a(log.address)), ("topics", .array(log.topics.map(w))), ("data", d(log.data)),
            ("blockNumber", q(blockNumber)), ("blockHash", w(blockHash)), ("transactionHash", w(txHash)),
            ("transactionIndex", q(UInt64(txIndex))), ("logIndex", q(UInt64(logIndex))), ("removed", .bool(false)),
        ])
    }

    /// A log record.
    public static func log(_ r: LogRecord) -> JSONValue {
        log(r.log, blockNumber: r.blockNumber, blockHash: r.blockHash, txHash: r.transactionHash,
            txIndex: r.transactionIndex, logIndex: r.logIndex)
    }

    /// A receipt; `firstLogIndex` is the block-wide index of its first log.
    public static func receipt(_ t: IncludedTransaction, firstLogIndex: Int) -> JSONValue {
        let r = t.receipt
        let logs = r.logs.enumerated().map { i, l in
            log(l, blockNumber: t.blockNumber, blockHash: t.blockHash, txHash: t.hash, txIndex: t.index,
                logIndex: firstLogIndex + i)
        }
        return .object([
            ("type", q(UInt64(r.type.rawValue))), ("transactionHash", w(t.hash)),
            ("transactionIndex", q(UInt64(t.index))), ("blockHash", w(t.blockHash)), ("blockNumber", q(t.blockNumber)),
            ("from", a(t.sender)), ("to", t.transaction.to.map(a) ?? .null),
            ("cumulativeGasUsed", q(r.cumulativeGasUsed)), ("gasUsed", q(r.gasUsed)),
            ("effectiveGasPrice", q(r.effectiveGasPrice)), ("contractAddress", r.contractAddress.map(a) ?? .null),
            ("logs", .array(logs)), ("logsBloom", d(r.bloom.bytes)), ("status", q(UInt64(r.status ? 1 : 0))),
        ])
    }

    /// A batch (`rollup_*`).
    public static func batch(_ b: BatchRecord, withdrawRoot: UInt256? = nil) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("index", q(b.index)), ("status", .string(b.status.rawValue)), ("firstBlock", q(b.firstBlock)),
            ("lastBlock", q(b.lastBlock)), ("prevStateRoot", w(b.prevStateRoot)), ("postStateRoot", w(b.postStateRoot)),
            ("dataHash", w(b.dataHash)), ("messageCount", q(b.messageCount)),
            ("messageQueueHash", w(b.messageQueueHash)), ("sealedAt", q(b.sealedAt)),
        ]
        if let withdrawRoot { fields.append(("withdrawRoot", w(withdrawRoot))) }
        return .object(fields)
    }
}
