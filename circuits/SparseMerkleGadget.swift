import BN254
import Plonk
import State

/// One `SparseMerkleAccess` inside a `ConstraintSystem`: the old root and the new root of the
/// state tree folded over one list of siblings at a fixed depth D, with the constraints that keep
/// the tree in its compressed canonical form (the root a function of the set of pairs only).
///
/// The layout does not depend on the witness: D levels, each hashing both paths (the level's
/// flags say whether it is above the path's end, where the running node is replaced by the
/// hash, or below it, where the running node stays the path's end). Per level:
/// - flags eo, en (old and new path reach this level) are boolean and monotone, so each path is
///   a prefix of the levels; x = en − eo marks the levels the new path adds (a split);
/// - on added levels the key's bit equals the pushed-down leaf's bit and the sibling is empty,
///   except on the last one, where the bits differ and the sibling is the pushed-down leaf;
///   added levels exist exactly when the access writes over another key's leaf.
///
/// The path bits are the key's low D bits, decomposed canonically (the rest of the key is
/// range-checked below ((r − 1) >> D) − 1, so the decomposition cannot alias to key + r), once
/// for the key and once for the old path's end leaf. Hashes: a branch is permute(0, l, r)[0], a
/// leaf permute(1, key, value)[0] (`SparseMerkleTree`).
///
/// The caller binds `oldRoot` to the current root and `key`, `write`, `newValue` to its logic;
/// the gadget binds everything else.
public enum SparseMerkleGadget {
    /// What the access exposes to the caller.
    public struct Output {
        /// The root before and after.
        public var oldRoot: Variable, newRoot: Variable
        /// 1 when the key was present before (its own leaf ended the old path), else 0.
        public var oldPresent: Variable
        /// The key's value before when `oldPresent` is 1 (unconstrained otherwise).
        public var oldValue: Variable
    }

    /// Rows one access adds at depth `depth`.
    public static func rows(depth: Int) -> Int {
        var cs = ConstraintSystem()
        var t = SparseMerkleTree()
        let a = try! t.access(Fr(3), write: Fr(1), depth: depth)
        let k = cs.alloc(Fr(3)), w = cs.alloc(.one), v = cs.alloc(.one)
        let before = cs.rowCount
        _ = access(&cs, key: k, write: w, newValue: v, witness: a)
        return cs.rowCount - before
    }

    /// Adds the access. `write` must be 1 (the key is set to `newValue`, which is non-zero) or 0
    /// (a read: the new root is the old one); `witness` supplies the paths.
    public static func access(_ cs: inout ConstraintSystem, key: Variable, write: Variable, newValue: Variable,
                              witness a: SparseMerkleAccess) -> Output {
        let depth = a.depth
        precondition(a.siblings.count == depth && depth >= 6 && depth < 64, "depth 6...63")
        let zero = cs.zero()
        let one = cs.constant(.one)
        func bool(_ b: Bool) -> Variable { cs.alloc(b ? .one : .zero) }
        cs.assertBoolean(write)

        // The old path's end: empty, the key's own leaf, or another key's leaf.
        let (endKey, endValue): (Fr, Fr) = {
            if case let .leaf(k, v) = a.oldEnd { return (k, v) }
            return (.zero, .zero)
        }()
        let present = bool(a.oldEnd != .empty)
        let own = bool(a.oldValue != nil)
        cs.assertBoolean(present); cs.assertBoolean(own)
        cs.addRow(a: own, b: present, qL: -Fr.one, qM: .one)               // own → present
        let ko = cs.alloc(endKey), vo = cs.alloc(endValue)
        let diff = cs.sub(ko, key)
        cs.addRow(a: own, b: diff, qM: .one)                              // own → ko = key
        let other = cs.sub(present, own)
        let inv = cs.alloc(cs.value(of: other).isZero ? .zero : cs.value(of: diff).inverse() ?? .zero)
        cs.addRow(a: diff, b: inv, c: other, qO: -Fr.one, qM: .one)       // other → ko ≠ key
        let oldLeaf = PoseidonGadget.permute(&cs, [one, ko, vo])[0]
        let oldEnd = cs.mul(present, oldLeaf)
        let newLeaf = PoseidonGadget.permute(&cs, [one, key, newValue])[0]
        let change = cs.sub(newLeaf, oldEnd)
        let newEnd = cs.add(oldEnd, cs.mul(write, change))
        let split = cs.mul(write, other)

        let keyBits = lowBits(&cs, key, depth: depth)
        let endBits = lowBits(&cs, ko, depth: depth)

        var oldLevels = [PoseidonGadget.Level](), newLevels = [PoseidonGadget.Level]()
        var eoBelow: Variable? = nil, enBelow: Variable? = nil
        var lastCount = zero
        for i in stride(from: depth - 1, through: 0, by: -1) {
            let eo = bool(i < a.oldDepth), en = bool(i < a.newDepth)
            cs.assertBoolean(eo); cs.assertBoolean(en)
            if let below = eoBelow { cs.addRow(a: below, b: eo, qL: .one, qM: -Fr.one) }   // monotone
            if let below = enBelow { cs.addRow(a: below, b: en, qL: .one, qM: -Fr.one) }
            let added = cs.sub(en, eo)
            cs.assertBoolean(added)                                          // en ≥ eo
            cs.addRow(a: added, b: split, qL: .one, qM: -Fr.one)             // added → split
            let boundary = enBelow.map { cs.sub(en, $0) } ?? en             // the new path's last level
            let last = cs.mul(added, boundary)
            let differ = cs.combine(keyBits[i], .one, endBits[i], .one, product: -Fr(2))
            cs.assertMul(added, differ, last)                                // bits equal, then differ last
            let s = cs.alloc(a.siblings[i])
            let pushed = cs.mul(last, oldEnd)
            cs.assertMul(added, s, pushed)                                   // empty siblings, then the leaf
            lastCount = cs.add(lastCount, last)
            oldLevels.append(PoseidonGadget.Level(bit: keyBits[i], sibling: s, enabled: eo))
            newLevels.append(PoseidonGadget.Level(bit: keyBits[i], sibling: s, enabled: en))
            eoBelow = eo; enBelow = en
        }
        cs.assertEqual(lastCount, split)                                     // a split adds levels
        // Each path, bottom up: where the path reaches a level the node is Poseidon(l, r) with
        // (l, r) = bit ? (sibling, node) : (node, sibling), else it stays the path's end.
        let oldRoot = PoseidonGadget.merklePath(&cs, end: oldEnd, levels: oldLevels)
        let newRoot = PoseidonGadget.merklePath(&cs, end: newEnd, levels: newLevels)
        return Output(oldRoot: oldRoot, newRoot: newRoot, oldPresent: own, oldValue: vo)
    }

    /// The low `depth` bits of `x` (boolean variables, least significant first), with the rest
    /// range-checked below ((r − 1) >> depth) − 1 so that no other decomposition exists.
    public static func lowBits(_ cs: inout ConstraintSystem, _ x: Variable, depth: Int) -> [Variable] {
        let (bits, high) = SparseMerkleTree.split(cs.value(of: x), depth: depth)
        let b = bits.map { cs.alloc($0 ? .one : .zero) }
        for v in b { cs.assertBoolean(v) }
        let hi = cs.alloc(high)
        RangeCheck.checkBits(&cs, hi, bits: 254 - depth)
        let slack = cs.combine(hi, -Fr.one, hi, .zero, constant: SparseMerkleTree.highLimit(depth: depth))
        RangeCheck.checkBits(&cs, slack, bits: 254 - depth)
        var acc = hi
        for i in stride(from: depth - 1, through: 1, by: -1) { acc = cs.combine(acc, Fr(2), b[i], .one) }
        cs.addRow(a: acc, b: b[0], c: x, qL: Fr(2), qR: .one, qO: -Fr.one)
        return b
    }
}
