import EVM

/// A batch's withdraw tree (SPEC.md, "Withdraw tree"): a depth-20 keccak Merkle
/// tree over leaves `keccak(i ‖ to ‖ amount)`, absent leaves zero. Built only
/// over the occupied prefix (empty subtrees come from `zeros`), so a batch with
/// a handful of withdrawals costs a handful of hashes per level, not 2^20.
public struct WithdrawTree: Sendable {
    /// One withdrawal: leaf i pays `amount` wei to `to` on v1.
    public struct Withdrawal: Sendable, Hashable {
        /// The recipient on v1.
        public var to: Address
        /// Wei.
        public var amount: UInt256
        /// A withdrawal.
        public init(to: Address, amount: UInt256) { self.to = to; self.amount = amount }
    }

    /// The tree depth; leaf indices are below 2^depth.
    public static let depth = 20
    /// `zeros[h]`: the root of an empty subtree of height h.
    public static let zeros: [UInt256] = {
        var z = [UInt256.zero]
        for _ in 0..<depth { z.append(.keccak(words: z.last!, z.last!)) }
        return z
    }()

    /// The withdrawals, leaf 0 first.
    public let withdrawals: [Withdrawal]
    private let levels: [[UInt256]]

    /// The tree over `withdrawals` (at most 2^20).
    public init(_ withdrawals: [Withdrawal]) {
        precondition(withdrawals.count <= 1 << Self.depth, "too many withdrawals for one tree")
        self.withdrawals = withdrawals
        var level = withdrawals.enumerated().map { Self.leaf(index: UInt256($0.offset), to: $0.element.to, amount: $0.element.amount) }
        var levels = [level]
        for h in 0..<Self.depth {
            if level.count % 2 == 1 { level.append(Self.zeros[h]) }
            level = stride(from: 0, to: level.count, by: 2).map { .keccak(words: level[$0], level[$0 + 1]) }
            levels.append(level)
        }
        self.levels = levels
    }

    /// The root (zeros[20] for no withdrawals).
    public var root: UInt256 { levels[Self.depth].first ?? Self.zeros[Self.depth] }

    /// keccak(i ‖ to ‖ amount).
    public static func leaf(index: UInt256, to: Address, amount: UInt256) -> UInt256 {
        .keccak(words: index, to.word, amount)
    }

    /// The 20 siblings of leaf `index`, bottom-up.
    public func proof(index: Int) -> [UInt256] {
        (0..<Self.depth).map { h in
            let sibling = (index >> h) ^ 1
            return sibling < levels[h].count ? levels[h][sibling] : Self.zeros[h]
        }
    }

    /// The root that `proof` leads to from leaf (index, to, amount), as the contract folds it;
    /// nil when the index is out of range or the proof does not have 20 siblings.
    public static func root(index: UInt256, to: Address, amount: UInt256, proof: [UInt256]) -> UInt256? {
        guard index < UInt256(1 << depth), proof.count == depth else { return nil }
        let i = Int(index[limb: 0])
        var node = leaf(index: index, to: to, amount: amount)
        for h in 0..<depth {
            node = (i >> h) & 1 == 1 ? .keccak(words: proof[h], node) : .keccak(words: node, proof[h])
        }
        return node
    }
}
