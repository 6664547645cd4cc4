import BN254

/// A path of `SparseMerkleTree` for one key: membership (the path ends in the key's leaf) or
/// non-membership (it ends in an empty side or in another key's leaf, which then shares the
/// path's bits so far). Updates from a proof alone (what the circuit's gadget will do) also need
/// the kind of each sibling, for the compression after a deletion; that comes with the circuit.
public struct SparseMerkleProof: Sendable, Equatable {
    /// What the path ends in.
    public enum End: Sendable, Equatable {
        /// No leaf on this path.
        case empty
        /// A leaf (the key's own, or another key's with the same path prefix).
        case leaf(key: Fr, value: Fr)
    }

    /// The key proven.
    public var key: Fr
    /// Sibling hashes from the root down (depth 0 first).
    public var siblings: [Fr]
    /// The path's end.
    public var end: End

    /// The value proven for `key`: its value, or nil when the proof shows it absent.
    public var value: Fr? {
        if case let .leaf(k, v) = end, k == key { return v }
        return nil
    }

    /// The root this proof folds to, or nil when it is malformed (another key's leaf that does
    /// not share the path, or a path that the tree's compression could not have produced).
    public func root() -> Fr? {
        var hash: Fr
        switch end {
        case .empty:
            hash = .zero
        case let .leaf(k, v):
            for h in 0..<siblings.count where SparseMerkleTree.bit(k, h) != SparseMerkleTree.bit(key, h) { return nil }
            hash = SparseMerkleTree.leafHash(key: k, value: v)
        }
        return fold(hash)
    }

    /// Folds `hash` (the node at the path's end) up through the siblings.
    func fold(_ hash: Fr) -> Fr {
        var h = hash
        for depth in stride(from: siblings.count - 1, through: 0, by: -1) {
            let s = siblings[depth]
            h = SparseMerkleTree.bit(key, depth) ? SparseMerkleTree.branchHash(s, h) : SparseMerkleTree.branchHash(h, s)
        }
        return h
    }
}
