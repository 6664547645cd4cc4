import EVM

/// A transaction as included in a block, with where it is and what it did.
public struct IncludedTransaction: Sendable {
    /// The decoded transaction.
    public var transaction: Transaction
    /// Its canonical encoding (what the sender signed and sent).
    public var raw: [UInt8]
    /// keccak256(raw).
    public var hash: UInt256
    /// The recovered sender.
    public var sender: Address
    /// The block's number.
    public var blockNumber: UInt64
    /// The block's hash.
    public var blockHash: UInt256
    /// Position in the block.
    public var index: Int
    /// The receipt.
    public var receipt: Receipt
    /// Block-wide index of the receipt's first log (log indices count across the block).
    public var firstLogIndex: Int = 0

    /// An included transaction.
    public init(transaction: Transaction, raw: [UInt8], hash: UInt256, sender: Address, blockNumber: UInt64,
                blockHash: UInt256, index: Int, receipt: Receipt) {
        self.transaction = transaction; self.raw = raw; self.hash = hash; self.sender = sender
        self.blockNumber = blockNumber; self.blockHash = blockHash; self.index = index; self.receipt = receipt
    }
}

/// A sealed block: header, hash and its transactions with receipts.
public struct BlockRecord: Sendable {
    /// The header.
    public var header: BlockHeader
    /// header.hash, computed once.
    public var hash: UInt256
    /// The transactions in order.
    public var transactions: [IncludedTransaction]
    /// The v1 deposits it credited before its transactions.
    public var messages: [L1Message]

    /// A block record; `hash` is computed from the header.
    public init(header: BlockHeader, transactions: [IncludedTransaction], messages: [L1Message] = []) {
        self.header = header; self.hash = header.hash; self.transactions = transactions; self.messages = messages
    }
}

/// One log with its position in the chain (what `eth_getLogs` returns).
public struct LogRecord: Sendable, Equatable {
    /// The log.
    public var log: Log
    /// Block number.
    public var blockNumber: UInt64
    /// Block hash.
    public var blockHash: UInt256
    /// Emitting transaction's hash.
    public var transactionHash: UInt256
    /// Emitting transaction's index in the block.
    public var transactionIndex: Int
    /// Index of the log in the block.
    public var logIndex: Int

    /// A log record.
    public init(log: Log, blockNumber: UInt64, blockHash: UInt256, transactionHash: UInt256,
                transactionIndex: Int, logIndex: Int) {
        self.log = log; self.blockNumber = blockNumber; self.blockHash = blockHash
        self.transactionHash = transactionHash; self.transactionIndex = transactionIndex; self.logIndex = logIndex
    }
}

/// An `eth_getLogs` query over an inclusive block range.
public struct LogFilter: Sendable {
    /// First block (inclusive).
    public var fromBlock: UInt64
    /// Last block (inclusive).
    public var toBlock: UInt64
    /// Emitting addresses to keep; empty keeps all.
    public var addresses: [Address]
    /// Per position: nil matches anything, otherwise any of the listed topics.
    public var topics: [[UInt256]?]

    /// A filter.
    public init(fromBlock: UInt64, toBlock: UInt64, addresses: [Address] = [], topics: [[UInt256]?] = []) {
        self.fromBlock = fromBlock; self.toBlock = toBlock; self.addresses = addresses; self.topics = topics
    }

    /// Whether `log` passes the address and topic conditions.
    public func matches(_ log: Log) -> Bool {
        if !addresses.isEmpty && !addresses.contains(log.address) { return false }
        for (i, alternatives) in topics.enumerated() {
            guard let alternatives, !alternatives.isEmpty else { continue }
            guard i < log.topics.count, alternatives.contains(log.topics[i]) else { return false }
        }
        return true
    }
}

/// Where a batch is on its way to finality on chain v1.
public enum BatchStatus: String, Sendable, CaseIterable {
    /// Its blocks are fixed; nothing has been proven yet.
    case sealed
    /// A prover is working on it.
    case proving
    /// A proof exists.
    case proven
    /// Its header was committed on v1.
    case committed
    /// The v1 contract accepted the proof.
    case finalized
}

/// A batch of consecutive blocks, the unit that is proven and settled.
public struct BatchRecord: Sendable, Equatable {
    /// 0, 1, 2, … in chain order.
    public var index: UInt64
    /// First block (inclusive).
    public var firstBlock: UInt64
    /// Last block (inclusive).
    public var lastBlock: UInt64
    /// State root before `firstBlock` (the state root of block firstBlock − 1).
    public var prevStateRoot: UInt256
    /// State root after `lastBlock`.
    public var postStateRoot: UInt256
    /// `BatchData.hash` of the batch's block contexts and raw transactions.
    public var dataHash: UInt256
    /// How many v1 deposits chain v2 has credited up to the end of this batch (the queue position).
    public var messageCount: UInt64
    /// The v1 queue hash after the last of them (`queueHash[messageCount]` of the contract).
    public var messageQueueHash: UInt256
    /// Progress towards finality.
    public var status: BatchStatus
    /// Unix seconds when it was sealed.
    public var sealedAt: UInt64

    /// A batch record.
    public init(index: UInt64, firstBlock: UInt64, lastBlock: UInt64, prevStateRoot: UInt256,
                postStateRoot: UInt256, dataHash: UInt256, messageCount: UInt64 = 0, messageQueueHash: UInt256 = .zero,
                status: BatchStatus, sealedAt: UInt64) {
        self.index = index; self.firstBlock = firstBlock; self.lastBlock = lastBlock
        self.prevStateRoot = prevStateRoot; self.postStateRoot = postStateRoot; self.dataHash = dataHash
        self.messageCount = messageCount; self.messageQueueHash = messageQueueHash
        self.status = status; self.sealedAt = sealedAt
    }
}
