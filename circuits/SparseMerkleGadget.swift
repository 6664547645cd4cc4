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
/// range-checked below ((r − 1) >> D) − 1, or below 2^(keyBits − D) in a tree whose keys are
/// known to be short, so the decomposition cannot alias to key + r), once for the key and, in
/// a tree of full-field keys, once for the old path's end leaf; short keys show where they part
/// from the end leaf's key arithmetically instead (`splitAt`). Hashes: a branch is permute(0, l, r)[0], a
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

    /// Rows one access adds at depth `depth` in a tree of `keyBits`-bit keys.
    public static func rows(depth: Int, keyBits: Int = fullField) -> Int {
        var cs = ConstraintSystem()
        var t = SparseMerkleTree()
        let a = try! t.access(Fr(3), write: Fr(1), depth: depth)
        let k = cs.alloc(Fr(3)), w = cs.alloc(.one), v = cs.alloc(.one)
        let before = cs.rowCount
        _ = access(&cs, key: k, write: w, newValue: v, witness: a, keyBits: keyBits)
        return cs.rowCount - before
    }

    /// Adds the access. `write` must be 1 (the key is set to `newValue`, which is non-zero) or 0
    /// (a read: the new root is the old one); `witness` supplies the paths.
    ///
    /// `keyBits` bounds every key of the tree (`fullField`, or e.g. 160 for the account tree,
    /// whose keys are addresses): below 2^keyBits ≤ 2^252 the decomposition needs only
    /// key >> D < 2^(keyBits − D), one short range check instead of two of 254 − D bits.
    public static func access(_ cs: inout ConstraintSystem, key: Variable, write: Variable, newValue: Variable,
                              witness a: SparseMerkleAccess, keyBits: Int = fullField) -> Output {
        let depth = a.depth
        precondition(a.siblings.count == depth && depth >= 6 && depth < 64, "depth 6...63")
        precondition(keyBits == fullField || (keyBits > depth && keyBits <= 252), "key bound above the depth, ≤ 252 bits")
        let zero = cs.zero()
        let one = cs.constant(.one)
        func bool(_ b: Bool) -> Variable { cs.alloc(b ? .one : .zero) }
        let caller = cs.currentRegion
        func part(_ name: String) { cs.region(caller.map { "\($0) · \(name)" } ?? name) }
        defer { if let caller { cs.region(caller) } }
        part("end and leaves")
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

        part("key bits")
        let pathBits = lowBits(&cs, key, depth: depth, keyBits: keyBits)
        // Full-field keys: the end leaf's key decomposed too, its bits compared level by level.
        // Short keys need no second decomposition (`splitAt` below).
        let endBits = keyBits == fullField ? lowBits(&cs, ko, depth: depth) : []

        part("path flags")
        var oldLevels = [PoseidonGadget.Level](), newLevels = [PoseidonGadget.Level]()
        var eoBelow: Variable? = nil, enBelow: Variable? = nil
        var lastSum = zero                                                   // Σ last, or Σ last·2^i
        for i in stride(from: depth - 1, through: 0, by: -1) {
            let eo = bool(i < a.oldDepth), en = bool(i < a.newDepth)
            cs.assertBoolean(eo); cs.assertBoolean(en)
            if let below = eoBelow { cs.addRow(a: below, b: eo, qL: .one, qM: -Fr.one) }   // monotone
            if let below = enBelow { cs.addRow(a: below, b: en, qL: .one, qM: -Fr.one) }
            let added = cs.sub(en, eo)
            cs.assertBoolean(added)                                          // en ≥ eo
            // The new path's last level: added levels run down to it, so last = added·(1 − en
            // below) (en is 1 wherever added is), and at most one level is last.
            let last = enBelow.map { cs.combine(added, .one, $0, .zero, product: -Fr.one) } ?? added
            if keyBits == fullField {
                let differ = cs.combine(pathBits[i], .one, endBits[i], .one, product: -Fr(2))
                cs.assertMul(added, differ, last)                            // bits equal, then differ last
                lastSum = cs.add(lastSum, last)
            } else {
                lastSum = cs.combine(lastSum, .one, last, Fr(2).pow(UInt64(i)))
            }
            let s = cs.alloc(a.siblings[i])
            let pushed = cs.mul(last, oldEnd)
            cs.assertMul(added, s, pushed)                                   // empty siblings, then the leaf
            oldLevels.append(PoseidonGadget.Level(bit: pathBits[i], sibling: s, enabled: eo))
            newLevels.append(PoseidonGadget.Level(bit: pathBits[i], sibling: s, enabled: en))
            eoBelow = eo; enBelow = en
        }
        if keyBits == fullField {
            cs.assertEqual(lastSum, split)                                   // a split adds levels
        } else {
            splitAt(&cs, power: lastSum, split: split, difference: diff, keyBits: keyBits)
        }
        // Each path, bottom up: where the path reaches a level the node is Poseidon(l, r) with
        // (l, r) = bit ? (sibling, node) : (node, sibling), else it stays the path's end.
        part("old path")
        let oldRoot = PoseidonGadget.merklePath(&cs, end: oldEnd, levels: oldLevels)
        part("new path")
        let newRoot = PoseidonGadget.merklePath(&cs, end: newEnd, levels: newLevels)
        return Output(oldRoot: oldRoot, newRoot: newRoot, oldPresent: own, oldValue: vo)
    }

    /// For short keys: `power` = Σ last·2^i is 2^m for the new path's last level m, or 0 when no
    /// level was added. Asserts power ≠ 0 exactly when `split`, and then that the end leaf's key
    /// ko and the key agree below bit m and differ at it: ko − key = 2^m·(2u + 1) with
    /// u + 2^(keyBits − 1) < 2^keyBits. Both keys are below 2^keyBits (the key by its
    /// decomposition, ko as a key already in the tree, whose leaf the old path opens), so both
    /// sides are integers far below r and the equation holds over the integers: the difference's
    /// lowest set bit is m. This replaces the end key's decomposition and two rows a level.
    /// `u` is the prover's quotient (computed when nil; tests force others to show that no
    /// choice passes a wrong level).
    public static func splitAt(_ cs: inout ConstraintSystem, power: Variable, split: Variable, difference: Variable,
                               keyBits: Int, u forced: Fr? = nil) {
        let inverse = cs.value(of: power).inverse(), splits = !cs.value(of: split).isZero
        cs.addRow(a: power, b: split, qL: .one, qM: -Fr.one)                 // no split: power = 0
        let pw = cs.mul(power, cs.alloc(inverse ?? .zero))
        cs.addRow(a: split, b: pw, qL: -Fr.one, qM: .one)                    // split: power ≠ 0
        // u = ((ko − key)/2^m − 1)/2, the field image of a signed integer.
        let uValue = splits ? inverse.map { (cs.value(of: difference) * $0 - .one) * Fr(2).inverse()! } : nil
        let u = cs.alloc(forced ?? uValue ?? .zero)
        let offset = Fr(2).pow(UInt64(keyBits - 1))
        RangeCheck.checkBits16(&cs, cs.combine(u, .one, u, .zero, constant: offset), bits: keyBits)
        let pu = cs.mul(power, u)
        let rest = cs.combine(cs.sub(difference, power), .one, pu, -Fr(2))  // ko − key − 2^m − 2^(m+1)·u
        cs.addRow(a: split, b: rest, qM: .one)                               // = 0 when split
    }

    /// The key bound of a tree whose keys are any field element (storage trees: Poseidon hashes).
    public static let fullField = 254

    /// The low `depth` bits of `x` (boolean variables, least significant first), with the rest
    /// range-checked so that no other decomposition exists: below ((r − 1) >> depth) − 1 for a
    /// full-field key, below 2^(keyBits − depth) for a key known to be below 2^keyBits (then
    /// rest·2^depth + bits < 2^252 < r cannot wrap).
    public static func lowBits(_ cs: inout ConstraintSystem, _ x: Variable, depth: Int, keyBits: Int = fullField) -> [Variable] {
        let (bits, high) = SparseMerkleTree.split(cs.value(of: x), depth: depth)
        let b = bits.map { cs.alloc($0 ? .one : .zero) }
        for v in b { cs.assertBoolean(v) }
        let hi = cs.alloc(high)
        if keyBits == fullField {
            RangeCheck.checkBits16(&cs, hi, bits: 254 - depth)
            let slack = cs.combine(hi, -Fr.one, hi, .zero, constant: SparseMerkleTree.highLimit(depth: depth))
            RangeCheck.checkBits16(&cs, slack, bits: 254 - depth)
        } else {
            RangeCheck.checkBits16(&cs, hi, bits: keyBits - depth)
        }
        var acc = hi
        for i in stride(from: depth - 1, through: 1, by: -1) { acc = cs.combine(acc, Fr(2), b[i], .one) }
        cs.addRow(a: acc, b: b[0], c: x, qL: Fr(2), qR: .one, qO: -Fr.one)
        return b
    }
}
