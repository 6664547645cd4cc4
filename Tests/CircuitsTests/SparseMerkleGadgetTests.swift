import BN254
import Circuits
import Plonk
import State
import Testing
import TestSupport

/// The in-circuit state-tree access against the native tree: the same roots on random trees,
/// on keys sharing long path prefixes and on the empty tree, and wrong paths refused.
@Suite struct SparseMerkleGadgetTests {
    /// A circuit with the access's old and new roots as public inputs (the native values), as
    /// the batch circuit binds them; returns the first failure, or nil when satisfied.
    static func failure(_ a: SparseMerkleAccess, publicRoots: (Fr, Fr)? = nil, keyBits: Int = SparseMerkleGadget.fullField,
                        tamper: ((inout Assignment) -> Void)? = nil) -> SatisfiabilityError? {
        var cs = ConstraintSystem()
        let roots = publicRoots ?? (a.oldRoot, a.newRoot)
        let oldRoot = cs.publicInput(roots.0), newRoot = cs.publicInput(roots.1)
        let key = cs.alloc(a.key)
        let write = cs.alloc(a.newValue == nil ? .zero : .one)
        let value = cs.alloc(a.newValue ?? .zero)
        let out = SparseMerkleGadget.access(&cs, key: key, write: write, newValue: value, witness: a, keyBits: keyBits)
        cs.assertEqual(out.oldRoot, oldRoot)
        cs.assertEqual(out.newRoot, newRoot)
        var (circuit, w) = cs.compile()
        tamper?(&w)
        do { try circuit.check(w); return nil } catch { return error }
    }

    /// `base` with bit `h` flipped.
    static func flip(_ base: Fr, _ h: Int) -> Fr {
        var bytes = base.bigEndianBytes
        bytes[31 - h / 8] ^= 1 << (h % 8)
        return Fr(bigEndianBytes: bytes)!
    }

    @Test func rootsAgreeWithTheNativeTreeOnRandomAccesses() throws {
        var rng = SeededRNG(seed: 41)
        let depth = 24
        var tree = SparseMerkleTree()
        var keys: [Fr] = []
        var kinds: [String: Int] = [:]
        for step in 0..<90 {
            let read = step % 5 == 4
            let key = (step % 3 == 2 && !keys.isEmpty) ? keys[Int(rng.next() % UInt64(keys.count))] : Fr.random(using: &rng)
            let value = Fr.random(using: &rng)
            let before = tree.root
            let a = try tree.access(key, write: read ? nil : value, depth: depth)
            if !read { keys.append(key) }
            let kind: String = switch (a.oldEnd, a.newValue) {
            case (_, nil): a.oldValue == nil ? "read absent" : "read present"
            case (.empty, _): "insert into empty"
            case (.leaf(let k, _), _): k == key ? "update" : "insert splitting a leaf"
            }
            kinds[kind, default: 0] += 1
            #expect(a.oldRoot == before && a.newRoot == tree.root)
            #expect(Self.failure(a) == nil, "step \(step): \(kind)")
        }
        for kind in ["read absent", "read present", "insert into empty", "update", "insert splitting a leaf"] {
            #expect(kinds[kind, default: 0] > 0, "no \(kind) among the accesses")
        }
    }

    @Test func emptyTreeAndKeysSharingLongPrefixes() throws {
        let depth = 16
        var tree = SparseMerkleTree()
        let k0 = Fr(0x1234_5678)
        let read = try tree.access(k0, write: nil, depth: depth)                 // read of the empty tree
        #expect(read.oldRoot == .zero && Self.failure(read) == nil)
        let first = try tree.access(k0, write: Fr(7), depth: depth)              // the lone leaf is the root
        #expect(first.newRoot == SparseMerkleTree.leafHash(key: k0, value: Fr(7)) && Self.failure(first) == nil)
        // k1 parts from k0 only at bit 15: the deepest split the gadget takes.
        let k1 = Self.flip(k0, 15)
        let deep = try tree.access(k1, write: Fr(8), depth: depth)
        #expect(deep.newDepth == 16 && Self.failure(deep) == nil)
        let update = try tree.access(k1, write: Fr(9), depth: depth)
        #expect(update.oldDepth == 16 && Self.failure(update) == nil)
        // A key that parts at bit 16 needs depth 17: refused, and the tree is unchanged.
        let root = tree.root
        #expect(throws: SparseMerkleAccessError.depthExceeded(key: Self.flip(k0, 16), needed: 17, depth: depth)) {
            _ = try tree.access(Self.flip(k0, 16), write: Fr(1), depth: depth)
        }
        #expect(tree.root == root)
        // A key beside k0's path at bit 3 splits nothing deep; reading an absent key that ends in k0's leaf.
        let side = try tree.access(Self.flip(k0, 3), write: Fr(2), depth: depth)
        #expect(Self.failure(side) == nil)
        let absent = try tree.access(Self.flip(Self.flip(k0, 3), 5), write: nil, depth: depth)
        if case .leaf(let k, _) = absent.oldEnd { #expect(k != absent.key) } else { Issue.record("expected another key's leaf") }
        #expect(Self.failure(absent) == nil)
        #expect(throws: SparseMerkleAccessError.deletion(key: k0)) { _ = try tree.access(k0, write: .zero, depth: depth) }
    }

    /// A random key: any field element, or an address (below 2^160).
    static func randomKey(_ rng: inout SeededRNG, keyBits: Int) -> Fr {
        keyBits == SparseMerkleGadget.fullField ? Fr.random(using: &rng)
            : Fr(canonicalLimbs: (rng.next(), rng.next(), rng.next() & 0xffff_ffff, 0))!
    }

    /// Full-field keys (the end key decomposed) and address keys (where keys part shown
    /// arithmetically): the same wrong paths refused.
    @Test(arguments: [SparseMerkleGadget.fullField, 160])
    func wrongPathsAreRefused(keyBits: Int) throws {
        func failure(_ a: SparseMerkleAccess, publicRoots: (Fr, Fr)? = nil,
                     tamper: ((inout Assignment) -> Void)? = nil) -> SatisfiabilityError? {
            Self.failure(a, publicRoots: publicRoots, keyBits: keyBits, tamper: tamper)
        }
        var rng = SeededRNG(seed: 43)
        let depth = 20
        var tree = SparseMerkleTree()
        for _ in 0..<40 { tree.update(Self.randomKey(&rng, keyBits: keyBits), Fr.random(using: &rng)) }
        let present = tree.proof(Self.randomKey(&rng, keyBits: keyBits))    // some path's end
        guard case .leaf(let existing, _) = present.end else { Issue.record("no leaf"); return }
        var copy = tree
        let update = try copy.access(existing, write: Fr(5), depth: depth)
        copy = tree
        let fresh = Self.randomKey(&rng, keyBits: keyBits)
        let insert = try copy.access(fresh, write: Fr(6), depth: depth)
        #expect(insert.newDepth > insert.oldDepth, "the insert splits a leaf")
        #expect(failure(update) == nil && failure(insert) == nil)

        // A changed sibling, a claimed new root that is not the tree's, a path cut short.
        var bad = update; bad.siblings[0] += .one
        #expect(failure(bad) != nil)
        #expect(failure(update, publicRoots: (update.oldRoot, update.newRoot + .one)) != nil)
        bad = update; bad.oldDepth -= 1; bad.newDepth -= 1
        #expect(failure(bad) != nil)
        // Claiming the key absent (insert into empty) while its leaf is there; claiming it present
        // with another value.
        bad = update; bad.oldEnd = .empty
        #expect(failure(bad) != nil)
        bad = update; bad.oldEnd = .leaf(key: existing, value: Fr(1))
        #expect(failure(bad) != nil)
        // Overwriting another key's leaf in place instead of splitting (deletes that key).
        if insert.newDepth > insert.oldDepth {
            bad = insert; bad.newDepth = insert.oldDepth
            for i in insert.oldDepth..<depth { bad.siblings[i] = .zero }
            let wrongRoot = Self.rootFolding(bad, end: SparseMerkleTree.leafHash(key: fresh, value: Fr(6)), depth: insert.oldDepth)
            #expect(failure(bad, publicRoots: (insert.oldRoot, wrongRoot)) != nil)
        }
        // Splitting one level too deep (an empty sibling where the pushed-down leaf belongs),
        // with the new root that path folds to: only the split's bit check refuses it.
        if insert.newDepth > insert.oldDepth && insert.newDepth < depth {
            bad = insert; bad.newDepth += 1
            bad.siblings[insert.newDepth] = bad.siblings[insert.newDepth - 1]
            bad.siblings[insert.newDepth - 1] = .zero
            let deeperRoot = Self.rootFolding(bad, end: SparseMerkleTree.leafHash(key: fresh, value: Fr(6)), depth: bad.newDepth)
            #expect(failure(bad, publicRoots: (insert.oldRoot, deeperRoot)) != nil)
        }
        // A changed cell in each part of the access's rows (the circuit is 2^16 rows for the
        // range16 table, so most rows are padding: count from the access's own first row).
        let before = 2                                                       // after the two public-input rows
        for row in stride(from: before, to: before + SparseMerkleGadget.rows(depth: depth, keyBits: keyBits), by: 97) {
            #expect(failure(update, tamper: { w in w.a[row] += .one }) != nil, "row \(row)")
        }
    }

    /// The root of `a`'s path with `end` at `depth` (native fold over a's siblings).
    static func rootFolding(_ a: SparseMerkleAccess, end: Fr, depth: Int) -> Fr {
        var h = end
        for i in stride(from: depth - 1, through: 0, by: -1) {
            h = SparseMerkleTree.bit(a.key, i) ? SparseMerkleTree.branchHash(a.siblings[i], h) : SparseMerkleTree.branchHash(h, a.siblings[i])
        }
        return h
    }

    @Test func addressBoundedKeys() throws {
        // The account tree's keys are addresses: with keyBits 160 the gadget takes keys below
        // 2^160 (inserts, splits, updates, reads) and refuses one at or above it, which the
        // full-field gadget takes.
        var rng = SeededRNG(seed: 47)
        let depth = 20
        var tree = SparseMerkleTree()
        func address() -> Fr { Fr(canonicalLimbs: (rng.next(), rng.next(), rng.next() & 0xffff_ffff, 0))! }
        var keys: [Fr] = []
        for step in 0..<24 {
            let key = step % 4 == 3 ? keys[Int(rng.next() % UInt64(keys.count))] : address()
            let a = try tree.access(key, write: step % 6 == 5 ? nil : Fr(UInt64(step + 1)), depth: depth)
            keys.append(key)
            #expect(Self.failure(a, keyBits: 160) == nil, "step \(step)")
        }
        let high = Fr(canonicalLimbs: (7, 0, 1 << 32, 0))!                   // 2^160 + 7
        var copy = tree
        let over = try copy.access(high, write: Fr(1), depth: depth)
        #expect(Self.failure(over) == nil)
        #expect(Self.failure(over, keyBits: 160) != nil)
    }

    /// Where two address keys part (`splitAt`): only the level of their lowest differing bit,
    /// with a split, passes, whatever quotient the prover picks.
    @Test func splitLevelOfShortKeys() {
        func passes(key: Fr, ko: Fr, level: Int?, split: Bool, u: Fr? = nil) -> Bool {
            var cs = ConstraintSystem()
            let d = cs.sub(cs.alloc(ko), cs.alloc(key))
            let p = cs.alloc(level.map { Fr(2).pow(UInt64($0)) } ?? .zero), s = cs.alloc(split ? .one : .zero)
            SparseMerkleGadget.splitAt(&cs, power: p, split: s, difference: d, keyBits: 160, u: u)
            let (circuit, w) = cs.compile()
            return (try? circuit.check(w)) != nil
        }
        var rng = SeededRNG(seed: 53)
        for m in [0, 5, 19, 31] {
            let key = Self.randomKey(&rng, keyBits: 160)
            let ko = Self.flip(key, m), far = Self.flip(Self.flip(key, m), 150)   // part at bit m
            for other in [ko, far] {
                #expect(passes(key: key, ko: other, level: m, split: true), "m = \(m)")
                #expect(!passes(key: key, ko: other, level: nil, split: true))          // a split adds a level
                #expect(!passes(key: key, ko: other, level: m, split: false))           // no split, no level
                for wrong in [m - 1, m + 1] where wrong >= 0 {
                    for u in [nil, Fr.zero, Fr.one, -Fr.one, Fr(2).pow(100)] as [Fr?] {
                        #expect(!passes(key: key, ko: other, level: wrong, split: true, u: u), "m = \(m), level \(wrong)")
                    }
                }
            }
        }
        #expect(passes(key: Fr(9), ko: Fr(9), level: nil, split: false))                // a read or an update
    }

    @Test func rowsPerAccess() {
        // Two hashed paths of D levels plus the end leaves and the key decompositions.
        let r = SparseMerkleGadget.rows(depth: 32)
        #expect(r > 2 * 32 * PoseidonGadget.rowsPerPermutation && r < 2 * 32 * 110 + 600)
    }
}
