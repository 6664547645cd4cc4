import EVM

/// The L1→L2 deposit queue as a rolling hash (SPEC.md, "L1→L2 message queue"):
/// `hashes[0] = 0`, `hashes[k+1] = keccak(hashes[k] ‖ k ‖ sender ‖ to ‖ value)`.
/// The contract keeps the same chain; a batch names how far it consumed the
/// queue by one of these hashes, and the sequencer credits the deposits in order.
public struct MessageQueue: Sendable, Equatable {
    /// One queued deposit.
    public struct Deposit: Sendable, Hashable {
        /// Its position k in the queue.
        public var index: UInt64
        /// The depositor on v1.
        public var sender: Address
        /// The account credited on v2.
        public var to: Address
        /// Wei.
        public var value: UInt256
        /// The queue hash after this deposit (`hashes[k + 1]`).
        public var queueHash: UInt256
        /// A deposit record.
        public init(index: UInt64, sender: Address, to: Address, value: UInt256, queueHash: UInt256) {
            self.index = index; self.sender = sender; self.to = to; self.value = value; self.queueHash = queueHash
        }

        /// The queue step: keccak(previous ‖ index ‖ sender ‖ to ‖ value).
        public static func queueHash(after previous: UInt256, index: UInt64, sender: Address, to: Address,
                                     value: UInt256) -> UInt256 {
            UInt256.keccak(words: previous, UInt256(index), sender.word, to.word, value)
        }

        /// Whether `queueHash` is the step from `previous` (the queue hash before this deposit).
        public func follows(_ previous: UInt256) -> Bool {
            queueHash == Self.queueHash(after: previous, index: index, sender: sender, to: to, value: value)
        }
    }

    /// `hashes[k]` for k = 0 … count.
    public private(set) var hashes: [UInt256] = [.zero]
    private var positions: [UInt256: UInt64] = [:]

    /// An empty queue.
    public init() {}

    /// The number of deposits queued.
    public var count: UInt64 { UInt64(hashes.count - 1) }

    /// The current queue hash (`hashes[count]`).
    public var head: UInt256 { hashes[hashes.count - 1] }

    /// Appends a deposit and returns its record.
    @discardableResult
    public mutating func append(sender: Address, to: Address, value: UInt256) -> Deposit {
        let k = count
        let h = Deposit.queueHash(after: head, index: k, sender: sender, to: to, value: value)
        hashes.append(h)
        positions[h] = k + 1
        return Deposit(index: k, sender: sender, to: to, value: value, queueHash: h)
    }

    /// The j with `hashes[j] = hash` (0 for the zero hash), or nil for a hash the queue never had.
    public func position(of hash: UInt256) -> UInt64? {
        hash.isZero ? 0 : positions[hash]
    }
}
