import BN254
import Poseidon
import State
import Testing
import TestSupport

/// The incremental tree against its definition, computed directly from the set of pairs: empty
/// → 0, one pair → its leaf, otherwise split on the next path bit into two branches.
@Suite struct SparseMerkleTreeTests {
    static func reference(_ pairs: [(Fr, Fr)], depth: Int = 0) -> Fr {
        if pairs.isEmpty { return .zero }
        if pairs.count == 1 { return SparseMerkleTree.leafHash(key: pairs[0].0, value: pairs[0].1) }
        let right = pairs.filter { SparseMerkleTree.bit($0.0, depth) }
        let left = pairs.filter { !SparseMerkleTree.bit($0.0, depth) }
        return SparseMerkleTree.branchHash(reference(left, depth: depth + 1), reference(right, depth: depth + 1))
    }

    /// `base` with bit `h` set (keys that share every path bit below h).
    static func withBit(_ base: Fr, _ h: Int) -> Fr {
        var bytes = base.bigEndianBytes
        bytes[31 - h / 8] |= 1 << (h % 8)
        return Fr(bigEndianBytes: bytes)!
    }

    @Test func rootIsTheSetsRootWhateverTheOrder() {
        var rng = SeededRNG(seed: 7)
        let pairs = (0..<120).map { _ in (Fr.random(using: &rng), Fr.random(using: &rng)) }
        var a = SparseMerkleTree(), b = SparseMerkleTree()
        for (k, v) in pairs { a.update(k, v) }
        for (k, v) in pairs.shuffled(using: &rng) { b.update(k, v) }
        let expected = Self.reference(pairs)
        #expect(a.root == expected && b.root == expected)
        for (k, v) in pairs { #expect(a.value(of: k) == v) }
        #expect(a.value(of: Fr.random(using: &rng)) == nil)

        // Deleting (setting 0) in another order leaves the root of what remains, down to the empty tree.
        let order = pairs.shuffled(using: &rng)
        for (i, (k, _)) in order.enumerated() {
            a.update(k, .zero)
            if i % 20 == 0 || i == order.count - 1 {
                let rest = Array(order[(i + 1)...])
                #expect(a.root == Self.reference(rest), "after \(i + 1) deletions")
            }
        }
        #expect(a.root == .zero)
    }

    @Test func keysSharingLongPrefixesAndUpdates() {
        var rng = SeededRNG(seed: 11)
        var base = Fr.random(using: &rng).bigEndianBytes
        base[0] &= 0x0f
        for i in 1..<32 { base[i] = 0 }                  // bits 0…247 clear
        let k0 = Fr(bigEndianBytes: base)!
        let k1 = Self.withBit(k0, 200), k2 = Self.withBit(k0, 201), k3 = Self.withBit(k1, 3)
        var t = SparseMerkleTree()
        let pairs = [(k0, Fr(1)), (k1, Fr(2)), (k2, Fr(3)), (k3, Fr(4))]
        for (k, v) in pairs { t.update(k, v) }
        #expect(t.root == Self.reference(pairs))
        #expect(t.proof(k0).siblings.count == 202)   // k0 and k1 part only at bit 200 (k1, k3 at 3)
        t.update(k1, Fr(9))                          // overwrite
        #expect(t.value(of: k1) == Fr(9))
        #expect(t.root == Self.reference([(k0, Fr(1)), (k1, Fr(9)), (k2, Fr(3)), (k3, Fr(4))]))
        t.update(k2, .zero)
        t.update(k3, .zero)
        #expect(t.root == Self.reference([(k0, Fr(1)), (k1, Fr(9))]))
        t.update(k1, .zero)                          // one leaf left: it rises to the root
        #expect(t.root == SparseMerkleTree.leafHash(key: k0, value: Fr(1)))
        #expect(t.proof(k0).siblings.isEmpty)
    }

    @Test func proofsOfMembersAndNonMembers() {
        var rng = SeededRNG(seed: 13)
        var t = SparseMerkleTree()
        let pairs = (0..<64).map { _ in (Fr.random(using: &rng), Fr.random(using: &rng)) }
        for (k, v) in pairs { t.update(k, v) }
        for (k, v) in pairs.prefix(16) {
            let p = t.proof(k)
            #expect(p.value == v && p.root() == t.root)
            var bad = p
            bad.siblings[bad.siblings.count / 2] = bad.siblings[bad.siblings.count / 2] + Fr(1)
            #expect(bad.root() != t.root, "a changed sibling must not fold to the root")
            var lie = p
            lie.end = .leaf(key: k, value: v + Fr(1))
            #expect(lie.root() != t.root, "a changed value must not fold to the root")
        }
        for _ in 0..<16 {
            let absent = Fr.random(using: &rng)
            let p = t.proof(absent)
            #expect(p.value == nil && p.root() == t.root)
            if case .leaf(let other, let v) = p.end {
                // Claiming the key is present with the other leaf's value fails.
                var lie = p
                lie.end = .leaf(key: absent, value: v)
                #expect(lie.root() != t.root)
                #expect(other != absent)
            }
        }
        #expect(SparseMerkleTree().proof(Fr(5)).root() == .zero)
    }

    @Test func hashesAreCircomlibsPoseidon() {
        // A branch is circomlib's poseidon([l, r]) = permute(0, l, r)[0]; a leaf is permute(1, k, v)[0].
        var s = [Fr(1), Fr(2), Fr(3)]
        Poseidon.permute(&s, parameters: .t3)
        #expect(SparseMerkleTree.leafHash(key: Fr(2), value: Fr(3)) == s[0])
        #expect(SparseMerkleTree.branchHash(Fr(2), Fr(3)) == Poseidon.hash(Fr(2), Fr(3)))
        #expect(SparseMerkleTree.leafHash(key: Fr(2), value: Fr(3)) != SparseMerkleTree.branchHash(Fr(2), Fr(3)))
    }
}
