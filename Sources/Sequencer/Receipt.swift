import EVM

/// The outcome of one included transaction, as Ethereum's receipt trie and `eth_getTransactionReceipt` see it.
public struct Receipt: Sendable, Equatable {
    /// The transaction's EIP-2718 type (the receipt is encoded with the same envelope).
    public var type: TransactionType
    /// true when execution succeeded (EIP-658 status 1).
    public var status: Bool
    /// Gas used by this and all earlier transactions of the block.
    public var cumulativeGasUsed: UInt64
    /// Gas used by this transaction.
    public var gasUsed: UInt64
    /// The price per gas actually paid (base fee + effective tip).
    public var effectiveGasPrice: UInt256
    /// The created contract, for a successful creation.
    public var contractAddress: Address?
    /// The logs, in emission order.
    public var logs: [Log]

    /// A receipt.
    public init(type: TransactionType, status: Bool, cumulativeGasUsed: UInt64, gasUsed: UInt64,
                effectiveGasPrice: UInt256, contractAddress: Address?, logs: [Log]) {
        self.type = type; self.status = status; self.cumulativeGasUsed = cumulativeGasUsed; self.gasUsed = gasUsed
        self.effectiveGasPrice = effectiveGasPrice; self.contractAddress = contractAddress; self.logs = logs
    }

    /// The bloom of `logs`.
    public var bloom: Bloom { Bloom(logs: logs) }

    /// The consensus encoding: rlp([status, cumulativeGasUsed, bloom, logs]), prefixed by the type
    /// byte for typed transactions (EIP-2718); each log is rlp([address, [topics], data]).
    public var encoded: [UInt8] {
        var p: [UInt8] = []
        RLP.appendUInt(UInt64(status ? 1 : 0), to: &p)
        RLP.appendUInt(cumulativeGasUsed, to: &p)
        RLP.appendBytes(bloom.bytes, to: &p)
        var logsPayload: [UInt8] = []
        for log in logs {
            var item: [UInt8] = []
            RLP.appendBytes(log.address.bytes, to: &item)
            var topics: [UInt8] = []
            for t in log.topics { RLP.appendBytes(t.bigEndianBytes, to: &topics) }
            RLP.appendHeader(payloadLength: topics.count, offset: 0xc0, to: &item)
            item += topics
            RLP.appendBytes(log.data, to: &item)
            RLP.appendHeader(payloadLength: item.count, offset: 0xc0, to: &logsPayload)
            logsPayload += item
        }
        RLP.appendHeader(payloadLength: logsPayload.count, offset: 0xc0, to: &p)
        p += logsPayload
        var out: [UInt8] = []
        if type != .legacy { out.append(type.rawValue) }
        RLP.appendHeader(payloadLength: p.count, offset: 0xc0, to: &out)
        return out + p
    }

    /// The root of the trie rlp(i) → item i: the transactions and receipts roots of a header.
    /// - Parameter items: the encoded transactions (or receipts) in block order.
    public static func indexedRoot(_ items: [[UInt8]]) -> UInt256 {
        var pairs: [(key: [UInt8], value: [UInt8])] = []
        pairs.reserveCapacity(items.count)
        for (i, item) in items.enumerated() {
            var key: [UInt8] = []
            RLP.appendUInt(UInt64(i), to: &key)
            pairs.append((key, item))
        }
        return MerklePatriciaTrie.root(pairs)
    }
}
