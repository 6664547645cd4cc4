import EVM
import Keccak

/// The contract's events (SPEC.md, "Events"), as the mirror emits them and as the
/// v1 client reads them back from logs: `log` and `init?(log:)` are inverses, so
/// comparing a mirror prediction with a receipt is comparing values.
public enum RollupEvent: Sendable, Equatable {
    case batchCommitted(index: UInt256, batchHash: UInt256, dataHash: UInt256)
    case batchFinalized(index: UInt256, batchHash: UInt256, postStateRoot: UInt256, withdrawRoot: UInt256)
    case batchReverted(index: UInt256, count: UInt256)
    case depositQueued(MessageQueue.Deposit)
    case withdrawalClaimed(batchIndex: UInt256, leafIndex: UInt256, to: Address, amount: UInt256)

    /// The canonical signatures, topic 0 of each event.
    public static let signatures = [
        "BatchCommitted(uint256,bytes32,bytes32)", "BatchFinalized(uint256,bytes32,bytes32,bytes32)",
        "BatchReverted(uint256,uint256)", "DepositQueued(uint256,address,address,uint256,bytes32)",
        "WithdrawalClaimed(uint256,uint256,address,uint256)",
    ]
    /// keccak of each signature, in `signatures` order.
    public static let topics: [UInt256] = signatures.map { UInt256(bigEndianAt: Keccak256.hash(Array($0.utf8))) }

    /// (topics, data) as the contract logs it.
    public var encoded: (topics: [UInt256], data: [UInt8]) {
        func data(_ w: UInt256...) -> [UInt8] { w.flatMap(\.bigEndianBytes) }
        let t = Self.topics
        switch self {
        case let .batchCommitted(i, h, d): return ([t[0], i], data(h, d))
        case let .batchFinalized(i, h, post, w): return ([t[1], i], data(h, post, w))
        case let .batchReverted(i, c): return ([t[2], i], data(c))
        case let .depositQueued(d): return ([t[3], UInt256(d.index), d.sender.word, d.to.word], data(d.value, d.queueHash))
        case let .withdrawalClaimed(b, l, to, a): return ([t[4], b, l, to.word], data(a))
        }
    }

    /// The event a log of the contract carries, or nil for a log that is not one.
    public init?(topics: [UInt256], data: [UInt8]) {
        guard let kind = topics.first.flatMap({ Self.topics.firstIndex(of: $0) }), data.count % 32 == 0 else { return nil }
        let w = stride(from: 0, to: data.count, by: 32).map { UInt256(bigEndianAt: Array(data[$0..<$0 + 32])) }
        switch (kind, topics.count, w.count) {
        case (0, 2, 2): self = .batchCommitted(index: topics[1], batchHash: w[0], dataHash: w[1])
        case (1, 2, 3): self = .batchFinalized(index: topics[1], batchHash: w[0], postStateRoot: w[1], withdrawRoot: w[2])
        case (2, 2, 1): self = .batchReverted(index: topics[1], count: w[0])
        case (3, 4, 2):
            guard topics[1] < UInt256(UInt64.max) else { return nil }
            self = .depositQueued(.init(index: topics[1][limb: 0], sender: Address(truncating: topics[2]),
                                        to: Address(truncating: topics[3]), value: w[0], queueHash: w[1]))
        case (4, 4, 1): self = .withdrawalClaimed(batchIndex: topics[1], leafIndex: topics[2],
                                                  to: Address(truncating: topics[3]), amount: w[0])
        default: return nil
        }
    }
}
