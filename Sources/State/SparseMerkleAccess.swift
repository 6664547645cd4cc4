import BN254

/// One access of a key in a `SparseMerkleTree`, laid out for the circuit's fixed-depth gadget
/// (`SparseMerkleGadget`): a read, an update of the key's own leaf, an insertion into an empty
/// side, or an insertion that pushes another key's leaf down to where the two paths part.
///
/// The gadget folds two roots, old and new, over one list of `depth` siblings. The new path is
/// never shorter than the old one: it is longer only when an insertion splits a leaf, and then
/// its extra siblings are zeros with the pushed-down leaf last, which is what `siblings` holds
/// past the old path. Deletions are not accesses of this kind (the circuit does not delete yet).
public struct SparseMerkleAccess: Sendable, Equatable {
    /// The key accessed.
    public var key: Fr
    /// The gadget's fixed depth (siblings.count).
    public var depth: Int
    /// Siblings from the root down, zero past the new path.
    public var siblings: [Fr]
    /// The old path's length and what it ends in.
    public var oldDepth: Int
    /// What the old path ends in: empty, the key's own leaf, or another key's leaf.
    public var oldEnd: SparseMerkleProof.End
    /// The value written, or nil for a read.
    public var newValue: Fr?
    /// The new path's length (= oldDepth unless a leaf was split).
    public var newDepth: Int
    /// The roots before and after.
    public var oldRoot: Fr, newRoot: Fr

    /// The key's value before the access, or nil when absent.
    public var oldValue: Fr? {
        if case let .leaf(k, v) = oldEnd, k == key { return v }
        return nil
    }
}

/// Why an access cannot be laid out for the fixed-depth gadget.
public enum SparseMerkleAccessError: Error, Equatable, CustomStringConvertible {
    /// The key's path would be deeper than the gadget's depth.
    case depthExceeded(key: Fr, needed: Int, depth: Int)
    /// The key's bits above the path are at the very top of the field, where the gadget's
    /// canonical-decomposition check refuses them (probability about 2^−(254 − depth)).
    case keyOutOfRange(key: Fr)
    /// A zero value (a deletion), which the gadget does not do.
    case deletion(key: Fr)

    public var description: String {
        switch self {
        case let .depthExceeded(key, needed, depth): "state tree depth exceeded: key \(key) needs depth \(needed), the circuit has \(depth)"
        case let .keyOutOfRange(key): "state tree key \(key) is outside the circuit's key range"
        case let .deletion(key): "deleting state tree key \(key) is not supported by the circuit"
        }
    }
}

extension SparseMerkleTree {
    /// Bits 0 ..< `depth` of `key` and the rest, `key >> depth`, as the gadget decomposes it.
    public static func split(_ key: Fr, depth: Int) -> (bits: [Bool], high: Fr) {
        let bits = (0..<depth).map { bit(key, $0) }
        return (bits, shiftedRight(key.canonicalLimbs, depth))
    }

    /// The gadget's bound on `key >> depth`: at most ((r − 1) >> depth) − 1, so that bits and
    /// rest recombine to an integer below r and the decomposition is the key's only one.
    public static func highLimit(depth: Int) -> Fr {
        shiftedRight(Fr.modulusLimbs, depth) - Fr.one
    }

    static func shiftedRight(_ l: (UInt64, UInt64, UInt64, UInt64), _ n: Int) -> Fr {
        precondition(n > 0 && n < 64)
        let w = [l.0, l.1, l.2, l.3]
        var out = [UInt64](repeating: 0, count: 4)
        for i in 0..<4 {
            let next = i + 1 < 4 ? w[i + 1] : 0
            out[i] = (w[i] >> UInt64(n)) | (next << UInt64(64 - n))
        }
        return Fr(canonicalLimbs: (out[0], out[1], out[2], out[3]))!
    }

    /// Whether `key`'s decomposition passes the gadget's range check (high ≤ highLimit).
    static func inGadgetRange(_ key: Fr, depth: Int) -> Bool {
        let h = shiftedRight(key.canonicalLimbs, depth).canonicalLimbs
        let m = highLimit(depth: depth).canonicalLimbs
        for (a, b) in [(h.3, m.3), (h.2, m.2), (h.1, m.1), (h.0, m.0)] where a != b { return a < b }
        return true
    }

    /// Reads `key` (write nil) or sets it to a non-zero `write`, returning the access as the
    /// gadget of fixed `depth` sees it. Nothing changes when it throws.
    public mutating func access(_ key: Fr, write: Fr?, depth: Int) throws(SparseMerkleAccessError) -> SparseMerkleAccess {
        guard Self.inGadgetRange(key, depth: depth) else { throw .keyOutOfRange(key: key) }
        if let w = write, w.isZero { throw .deletion(key: key) }
        let p = proof(key)
        let oldDepth = p.siblings.count
        guard oldDepth <= depth else { throw .depthExceeded(key: key, needed: oldDepth, depth: depth) }
        var siblings = p.siblings
        var newDepth = oldDepth
        if write != nil, case let .leaf(k, v) = p.end, k != key {
            var m = oldDepth
            while m < Self.maxDepth && Self.bit(k, m) == Self.bit(key, m) { m += 1 }
            guard m + 1 <= depth else { throw .depthExceeded(key: key, needed: m + 1, depth: depth) }
            siblings += [Fr](repeating: .zero, count: m - oldDepth) + [Self.leafHash(key: k, value: v)]
            newDepth = m + 1
        }
        let oldRoot = root
        if let w = write { update(key, w) }
        siblings += [Fr](repeating: .zero, count: depth - siblings.count)
        return SparseMerkleAccess(key: key, depth: depth, siblings: siblings, oldDepth: oldDepth, oldEnd: p.end,
                                  newValue: write, newDepth: newDepth, oldRoot: oldRoot, newRoot: root)
    }
}
