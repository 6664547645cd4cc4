import BN254
import EVM
import State
import Testing
import TestSupport

/// The sequencer's incremental state tree against the root rebuilt from the whole state, and
/// the pruning tree against the keeping one.
@Suite struct StateTreeTests {
    @Test func incrementalUpdatesGiveTheRebuiltRoot() {
        var rng = SeededRNG(seed: 21)
        var state = WorldState()
        for i in 0..<40 {
            var a = Account(nonce: UInt64(i), balance: UInt256(rng.next() >> 8), code: .empty)
            if i % 5 == 0 {
                a.code = Code([0x60, UInt8(i), 0x00])
                for s in 0..<4 { a.storage[UInt256(rng.next())] = UInt256(UInt64(s + 1)) }
            }
            state.accounts[Address(UInt64(0x1000 + i))] = a
        }
        var tree = StateTree(state)
        #expect(tree.root == StateCommitment.root(state))
        for round in 0..<5 {
            var next = state
            // Balances move, slots are written and cleared, one account goes, one comes.
            for (address, _) in state.accounts.prefix(8) { next.accounts[address]!.balance = UInt256(rng.next() >> 8) }
            let contract = Address(UInt64(0x1000 + 5 * (round + 1)))
            if var c = next.accounts[contract] {
                let first = c.storage.keys.sorted().first!
                c.storage[first] = nil
                c.storage[UInt256(rng.next())] = UInt256(9)
                next.accounts[contract] = c
            }
            next.accounts[state.accounts.keys.sorted()[round]] = nil
            next.accounts[Address(UInt64(0x9000 + round))] = Account(nonce: 0, balance: UInt256(5), code: .empty)
            for address in Set(state.accounts.keys).union(next.accounts.keys) {
                let before = state.accounts[address], after = next.accounts[address]
                if let b = before, let a = after, b.nonce == a.nonce, b.balance == a.balance, b.storage == a.storage { continue }
                var writes: [UInt256: UInt256] = [:]
                let old = before?.storage ?? [:], new = after?.storage ?? [:]
                for (k, v) in new where old[k] != v { writes[k] = v }
                for (k, _) in old where new[k] == nil { writes[k] = .zero }
                tree.update(address, account: after, storageWrites: writes, clearsStorage: before == nil)
            }
            state = next
            #expect(tree.root == StateCommitment.root(state), "round \(round)")
        }
    }

    @Test func pruningKeepsOnlyTheCurrentNodes() {
        var rng = SeededRNG(seed: 23)
        var keep = SparseMerkleTree(), prune = SparseMerkleTree(prunes: true)
        var keys: [Fr] = []
        for step in 0..<300 {
            let key = step % 3 == 0 && !keys.isEmpty ? keys[Int(rng.next() % UInt64(keys.count))] : Fr.random(using: &rng)
            let value = step % 7 == 0 ? Fr.zero : Fr.random(using: &rng)
            keys.append(key)
            keep.update(key, value); prune.update(key, value)
            #expect(prune.root == keep.root)
        }
        // Exactly the nodes under the current root remain.
        func reachable(_ h: Fr) -> Int {
            guard !h.isZero, let n = prune.nodes[h] else { return 0 }
            if case let .branch(l, r) = n { return 1 + reachable(l) + reachable(r) }
            return 1
        }
        #expect(prune.nodes.count == reachable(prune.root))
        #expect(prune.nodes.count < keep.nodes.count)
        for k in keys { #expect(prune.value(of: k) == keep.value(of: k)) }
    }
}
