import BN254
import Poseidon

/// A compressed sparse binary Merkle tree over BN254 scalars, hashed with circomlib's Poseidon:
/// chain v2's state commitment in the making (the batch-circuit issue), in the spirit of
/// Scroll's zktrie.
///
/// A key's path is its bits from the least significant up (bit h chooses the child at depth h).
/// Hashes: the empty tree is 0; a branch is circomlib's `Poseidon(left, right)`, the t = 3
/// permutation of (0, left, right), element 0; a leaf is the same permutation of (1, key, value):
/// the capacity element separates the two domains, so neither can pass for the other, and the
/// circuit needs only the t = 3 gate the settlement contract knows. A subtree holding one leaf is that leaf,
/// placed as high as it can go: inserting a second key pushes the first down to where their paths
/// part, and deleting collapses a branch left with one leaf and an empty side back into the leaf,
/// so the root depends only on the set of (key, value) pairs, never on the order of updates. Two
/// keys part at the first bit where they differ, so distinct keys (< r, 254 bits) never collide;
/// the depth is at most 254 and about log₂(leaves) for random keys.
///
/// Nodes are kept by hash (content-addressed), so old roots stay readable while nothing prunes
/// them, as a database-backed store will need.
public struct SparseMerkleTree: Sendable {
    /// A stored node.
    public enum Node: Sendable, Equatable {
        /// A leaf: the full key and its value.
        case leaf(key: Fr, value: Fr)
        /// A branch: its children's hashes (0 for an empty side).
        case branch(left: Fr, right: Fr)
    }

    /// The current root (0 for the empty tree).
    public private(set) var root: Fr = .zero
    /// Every node reached from some root so far, by hash.
    public private(set) var nodes: [Fr: Node] = [:]

    /// Whether nodes that no longer hang under the current root are dropped as updates replace
    /// them. A node's hash determines its position (two distinct positions never hold the same
    /// set of keys), so a replaced node is garbage once the root moves on: a long-running tree
    /// (the sequencer's) stays as large as its current content; old roots' proofs are lost.
    public var prunes: Bool

    /// The most bits a path can use: keys are below r < 2^254.
    public static let maxDepth = 254

    /// An empty tree; with `prunes`, one that keeps only the current root's nodes.
    public init(prunes: Bool = false) { self.prunes = prunes }

    /// Drops `old` when pruning and it was replaced.
    mutating func replaced(_ old: Fr, by new: Fr) -> Fr {
        if prunes && old != new && !old.isZero { nodes[old] = nil }
        return new
    }

    /// The hash of a leaf.
    public static func leafHash(key: Fr, value: Fr) -> Fr {
        var s = (Fr.one, key, value)
        Poseidon.permute3(&s)
        return s.0
    }

    /// The hash of a branch.
    public static func branchHash(_ left: Fr, _ right: Fr) -> Fr { Poseidon.hash(left, right) }

    /// Bit `h` of `key` (its path at depth h).
    public static func bit(_ key: Fr, _ h: Int) -> Bool {
        let bytes = key.bigEndianBytes
        return (bytes[31 - h / 8] >> (h % 8)) & 1 == 1
    }

    /// The value stored under `key`, or nil.
    public func value(of key: Fr) -> Fr? {
        var hash = root
        var depth = 0
        while !hash.isZero {
            switch nodes[hash]! {
            case let .leaf(k, v): return k == key ? v : nil
            case let .branch(l, r):
                hash = Self.bit(key, depth) ? r : l
                depth += 1
            }
        }
        return nil
    }

    mutating func store(_ node: Node) -> Fr {
        let h: Fr
        switch node {
        case let .leaf(k, v): h = Self.leafHash(key: k, value: v)
        case let .branch(l, r):
            // A branch with one leaf and an empty side is that leaf (compression); an empty branch is empty.
            if l.isZero && r.isZero { return .zero }
            if l.isZero, case .leaf? = nodes[r] { return r }
            if r.isZero, case .leaf? = nodes[l] { return l }
            h = Self.branchHash(l, r)
        }
        nodes[h] = node
        return h
    }

    /// Sets `key` to `value`; a zero value deletes the key (as a zero storage slot is absent).
    public mutating func update(_ key: Fr, _ value: Fr) {
        root = value.isZero ? remove(key, at: root, depth: 0) : insert(key, value, at: root, depth: 0)
    }

    mutating func insert(_ key: Fr, _ value: Fr, at hash: Fr, depth: Int) -> Fr {
        if hash.isZero { return store(.leaf(key: key, value: value)) }
        switch nodes[hash]! {
        case let .leaf(k, v):
            if k == key { return replaced(hash, by: store(.leaf(key: key, value: value))) }
            return split(existing: (k, v, hash), new: store(.leaf(key: key, value: value)), key: key, depth: depth)
        case let .branch(l, r):
            return replaced(hash, by: Self.bit(key, depth)
                ? store(.branch(left: l, right: insert(key, value, at: r, depth: depth + 1)))
                : store(.branch(left: insert(key, value, at: l, depth: depth + 1), right: r)))
        }
    }

    /// Branches from `depth` down to where the existing leaf's key and `key` part.
    mutating func split(existing: (key: Fr, value: Fr, hash: Fr), new: Fr, key: Fr, depth: Int) -> Fr {
        let a = Self.bit(existing.key, depth), b = Self.bit(key, depth)
        if a == b {
            let below = split(existing: existing, new: new, key: key, depth: depth + 1)
            return b ? branchRaw(.zero, below) : branchRaw(below, .zero)
        }
        return b ? branchRaw(existing.hash, new) : branchRaw(new, existing.hash)
    }

    /// A branch stored without compression (used while splitting, where the other side is a
    /// branch or the pair of leaves, never a lone leaf).
    mutating func branchRaw(_ l: Fr, _ r: Fr) -> Fr {
        let h = Self.branchHash(l, r)
        nodes[h] = .branch(left: l, right: r)
        return h
    }

    mutating func remove(_ key: Fr, at hash: Fr, depth: Int) -> Fr {
        if hash.isZero { return .zero }
        switch nodes[hash]! {
        case let .leaf(k, _): return k == key ? replaced(hash, by: .zero) : hash
        case let .branch(l, r):
            return replaced(hash, by: Self.bit(key, depth)
                ? store(.branch(left: l, right: remove(key, at: r, depth: depth + 1)))
                : store(.branch(left: remove(key, at: l, depth: depth + 1), right: r)))
        }
    }

    /// A proof for `key` against the current root: the siblings from the root down, and what the
    /// path ends in (the key's own leaf, another key's leaf, or an empty side).
    public func proof(_ key: Fr) -> SparseMerkleProof {
        var siblings: [Fr] = []
        var hash = root
        var depth = 0
        while !hash.isZero {
            switch nodes[hash]! {
            case let .leaf(k, v):
                return SparseMerkleProof(key: key, siblings: siblings, end: .leaf(key: k, value: v))
            case let .branch(l, r):
                let right = Self.bit(key, depth)
                siblings.append(right ? l : r)
                hash = right ? r : l
                depth += 1
            }
        }
        return SparseMerkleProof(key: key, siblings: siblings, end: .empty)
    }
}
