import EVM
import Keccak

/// What a block contributes to a batch's data: its context and raw transactions.
public struct BlockContext: Sendable, Equatable {
    /// Batch-circuit slots the block takes: one per transaction and one per deposit.
    public var slotCount: Int { transactions.count + messages.count }

    /// Block number.
    public var number: UInt64
    /// Timestamp.
    public var timestamp: UInt64
    /// Base fee.
    public var baseFeePerGas: UInt256
    /// Gas limit.
    public var gasLimit: UInt64
    /// Fee recipient.
    public var coinbase: Address
    /// The transactions' canonical encodings, in order.
    public var transactions: [[UInt8]]
    /// The v1 deposits credited before the transactions.
    public var messages: [L1Message]

    /// A block context.
    public init(number: UInt64, timestamp: UInt64, baseFeePerGas: UInt256, gasLimit: UInt64, coinbase: Address,
                transactions: [[UInt8]], messages: [L1Message] = []) {
        self.number = number; self.timestamp = timestamp; self.baseFeePerGas = baseFeePerGas
        self.gasLimit = gasLimit; self.coinbase = coinbase; self.transactions = transactions; self.messages = messages
    }

    /// The context of a stored block.
    public init(_ block: BlockRecord) {
        self.init(number: block.header.number, timestamp: block.header.timestamp,
                  baseFeePerGas: block.header.baseFeePerGas, gasLimit: block.header.gasLimit,
                  coinbase: block.header.coinbase, transactions: block.transactions.map(\.raw), messages: block.messages)
    }

    /// An upper bound of `rlp.count` without its transactions and deposits: five fields of at most
    /// 33, 9, 33, 9 and 21 bytes and three list headers of at most 5 bytes.
    public static let overheadBytes = 33 + 9 + 33 + 9 + 21 + 3 * 5

    /// rlp([number, timestamp, baseFeePerGas, gasLimit, coinbase, [tx₀, tx₁, …], [deposit₀, …]]),
    /// each deposit as `L1Message.rlp`.
    public var rlp: [UInt8] {
        var p: [UInt8] = []
        RLP.appendUInt(number, to: &p)
        RLP.appendUInt(timestamp, to: &p)
        RLP.appendUInt(baseFeePerGas, to: &p)
        RLP.appendUInt(gasLimit, to: &p)
        RLP.appendBytes(coinbase.bytes, to: &p)
        var txs: [UInt8] = []
        for t in transactions { RLP.appendBytes(t, to: &txs) }
        RLP.appendHeader(payloadLength: txs.count, offset: 0xc0, to: &p)
        p += txs
        var deposits: [UInt8] = []
        for m in messages { deposits += m.rlp }
        RLP.appendHeader(payloadLength: deposits.count, offset: 0xc0, to: &p)
        p += deposits
        var out: [UInt8] = []
        RLP.appendHeader(payloadLength: p.count, offset: 0xc0, to: &out)
        return out + p
    }
}

/// A batch's data commitment.
public enum BatchData {
    /// keccak256(rlp([context₀, context₁, …])): commits to every block context and raw
    /// transaction of the batch, in order (the `dataHash` of `BatchRecord` and of the batch file).
    public static func hash(_ blocks: [BlockContext]) -> UInt256 {
        UInt256(bigEndianAt: Keccak256.hash(encode(blocks)))
    }

    /// rlp([context₀, context₁, …]): the bytes whose hash is the data hash, which the sequencer
    /// posts as `batchData` of the settlement contract's `commitBatch` (so v1 hashes the same bytes).
    public static func encode(_ blocks: [BlockContext]) -> [UInt8] {
        var payload: [UInt8] = []
        for b in blocks { payload += b.rlp }
        var out: [UInt8] = []
        RLP.appendHeader(payloadLength: payload.count, offset: 0xc0, to: &out)
        return out + payload
    }
}

/// When to seal the open batch.
public struct BatchPolicy: Sendable {
    /// Seal once the batch has this many blocks.
    public var maxBlocks: Int
    /// Seal once the batch's first block is this many seconds old (checked after each block and
    /// periodically while idle).
    public var maxAgeSeconds: UInt64
    /// Most bytes of batch data (`BatchData.encode`) a batch may have, or nil for no bound. The
    /// settlement contract takes at most `settlementLimit` bytes in `commitBatch`, so a node that
    /// settles must never seal a larger batch: blocks are then built to fit the open batch's
    /// remaining room, and the open batch is sealed first when too little room is left.
    public var maxDataBytes: Int?

    /// Most slots (transactions plus deposits) a batch may have, or nil for no bound: the batch
    /// circuit's capacity, when batches are proven with it. Blocks are then built into the open
    /// batch's remaining slots, and the batch seals when they are used up.
    public var maxSlots: Int?

    /// `commitBatch`'s `Bytes[65536]` (fixtures/settlement/SPEC.md).
    public static let settlementLimit = 65_536

    /// A policy (defaults: 100 blocks or 60 seconds, no size or slot bound).
    public init(maxBlocks: Int = 100, maxAgeSeconds: UInt64 = 60, maxDataBytes: Int? = nil, maxSlots: Int? = nil) {
        precondition(maxSlots.map { $0 >= 1 } ?? true, "a batch needs at least one slot")
        self.maxBlocks = maxBlocks; self.maxAgeSeconds = maxAgeSeconds; self.maxDataBytes = maxDataBytes
        self.maxSlots = maxSlots
    }

    /// Whether a batch of `blockCount` blocks holding `slots` slots, whose first block has
    /// `firstTimestamp`, is due at `now`.
    public func isDue(blockCount: Int, slots: Int = 0, firstTimestamp: UInt64, now: UInt64) -> Bool {
        blockCount > 0 && (blockCount >= maxBlocks || now >= firstTimestamp &+ maxAgeSeconds
                           || maxSlots.map { slots >= $0 } ?? false)
    }
}
