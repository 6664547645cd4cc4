import BN254
import Circuits
import EVM
import KZG
import Plonk
import State
import Testing
import TestSupport

/// Calls and creations in the batch circuit: the trace's storage writes (inserts, updates,
/// deletions) are applied to the contract's storage tree and its leaf, a failed call only pays,
/// and a batch whose writes, storage roots or code were changed fails at the checker, named.
@Suite struct BatchContractSlotTests {
    static let alice = Address(0xa11ce), bob = Address(0xb0b), token = Address(0x7043), created = Address(0xc4ea7ed)
    static let coinbase = Address(0xc0ffee)
    static let circuit = BatchCircuit(depth: 16, capacity: 5, writes: 6)
    static let tokenCode = Code([0x60, 0x01, 0x60, 0x00, 0x55, 0x00])
    static let newCode = Code([0x60, 0x02, 0x60, 0x00, 0x55, 0x00, 0x00])

    static func state() -> WorldState {
        var s = WorldState()
        s.accounts[alice] = Account(nonce: 3, balance: UInt256(10_000_000_000), code: .empty)
        s.accounts[bob] = Account(nonce: 0, balance: UInt256(1_000_000), code: .empty)
        var t = Account(nonce: 1, balance: UInt256(5), code: tokenCode)
        t.storage = [UInt256(1): UInt256(100), UInt256(2): UInt256(50)]
        s.accounts[token] = t
        return s
    }

    /// A creation with two slots, a call that updates, deletes and inserts, a failed call, a
    /// transfer; one padding slot and one padding write.
    static func slots() -> [BatchSlot] {
        [.contract(.create, from: alice, to: created, value: UInt256(3), nonce: 3, gasLimit: 200_000, gasUsed: 120_000,
                   gasPrice: UInt256(9), feeCap: UInt256(12), baseFee: UInt256(7), success: true,
                   storageWrites: [.init(slot: UInt256(0), value: UInt256(1_000)), .init(slot: UInt256(5), value: UInt256(7))],
                   codeHash: newCode.hash),
         .contract(.call, from: alice, to: token, value: .zero, nonce: 4, gasLimit: 90_000, gasUsed: 52_000,
                   gasPrice: UInt256(8), baseFee: UInt256(7), success: true,
                   storageWrites: [.init(slot: UInt256(1), value: UInt256(60)), .init(slot: UInt256(2), value: .zero),
                                   .init(slot: UInt256(3), value: UInt256(40))]),
         .contract(.call, from: bob, to: token, value: UInt256(10), nonce: 0, gasLimit: 40_000, gasUsed: 30_000,
                   gasPrice: UInt256(7), baseFee: UInt256(7), success: false, storageWrites: []),
         .transfer(from: alice, to: bob, value: UInt256(1_000), nonce: 5, gasPrice: UInt256(7), baseFee: UInt256(7))]
    }

    static func witness(_ slots: [BatchSlot] = slots(), post: Fr? = nil) throws -> BatchWitness {
        try BatchWitness.generate(state: state(), slots: slots, coinbase: coinbase, depth: circuit.depth,
                                  capacity: circuit.capacity, writes: circuit.writes, binding: Fr(99), claimedPostRoot: post)
    }

    static func failure(_ w: BatchWitness) -> String? { circuit.failure(w) }

    static func fails(_ w: BatchWitness, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let f = failure(w)
        #expect(f?.contains(what) == true, "expected \(what), got \(f ?? "success")", sourceLocation: sourceLocation)
    }

    @Test func postRootIsTheStateAfterTheCallsAndCreations() throws {
        let w = try Self.witness()
        // The expected state by hand, hashed by StateCommitment from whole accounts.
        var s = Self.state()
        s.accounts[Self.alice] = Account(nonce: 6, balance: UInt256(10_000_000_000 - 3 - 120_000 * 9 - 52_000 * 8 - 1_000 - 21_000 * 7),
                                         code: .empty)
        s.accounts[Self.bob] = Account(nonce: 1, balance: UInt256(1_000_000 - 30_000 * 7 + 1_000), code: .empty)
        s.accounts[Self.token]!.storage = [UInt256(1): UInt256(60), UInt256(3): UInt256(40)]
        var c = Account(nonce: 1, balance: UInt256(3), code: Self.newCode)
        c.storage = [UInt256(0): UInt256(1_000), UInt256(5): UInt256(7)]
        s.accounts[Self.created] = c
        s.accounts[Self.coinbase] = Account(nonce: 0, balance: UInt256(120_000 * 2 + 52_000 * 1), code: .empty)
        #expect(w.postRoot == StateCommitment.root(s))
        #expect(w.ops.filter(\.active).count == 5 && w.ops.filter(\.delete).count == 1)
        #expect(Self.failure(w) == nil)
    }

    @Test func provesAndVerifiesAndATamperedProofIsRejected() throws {
        let w = try Self.witness()
        let (c, a) = Self.circuit.build(w).compile()
        let pk = try ProvingKey(circuit: c, srs: SRS.insecureDev(power: c.size.trailingZeroBitCount + 1, seed: 4))
        var rng = SeededRNG(seed: 8)
        let proof = try Prover.prove(pk, assignment: a, rng: &rng)
        try Verifier.verify(proof, publicInputs: [w.binding, w.prevRoot, w.postRoot], vk: pk.verificationKey)
        var bad = proof
        bad.evaluations[3] += .one
        #expect(throws: PlonkVerificationError.self) {
            try Verifier.verify(bad, publicInputs: [w.binding, w.prevRoot, w.postRoot], vk: pk.verificationKey)
        }
        // A storage value changed in the witness: forced through, rejected.
        var wrong = w
        wrong.ops[1].access.newValue! += .one
        let (_, wa) = Self.circuit.build(wrong).compile()
        let forced = try Prover.prove(pk, assignment: wa, rng: &rng, checkWitness: false)
        #expect(throws: PlonkVerificationError.self) {
            try Verifier.verify(forced, publicInputs: [w.binding, w.prevRoot, w.postRoot], vk: pk.verificationKey)
        }
    }

    @Test func wrongStorageWritesFailWithTheConstraintNamed() throws {
        let good = try Self.witness()
        // A written value changed in one operation: its run no longer ends at the leaf's root.
        var w = good
        w.ops[3].access.newValue! += .one
        Self.fails(w, "storage op")
        // An operation dropped from a run.
        w = good
        w.ops[2].active = false; w.ops[2].last = false
        Self.fails(w, "storage op")
        // The contract's storage root after, or its code hash, claimed otherwise.
        w = good
        w.slots[1].code.storageRootAfter += .one
        Self.fails(w, "slot 1 target: state tree access")
        w = good
        w.slots[1].code.codeHashAfter += .one
        Self.fails(w, "slot 1 target: code hash and storage root")
        // A failed call claimed to have written storage.
        w = good
        w.slots[2].code.hasWrites = true
        Self.fails(w, "slot 2 target: code hash and storage root")
        // A deletion that reinserts a key still present.
        w = good
        w.ops[3].delete = false
        Self.fails(w, "storage op")
        // The failed call's value moved after all: the post root is not the batch's.
        var slots = Self.slots()
        slots[2].success = true
        Self.fails(try Self.witness(slots, post: good.postRoot), "post state root")
        // Gas below the intrinsic 21000 for a call.
        slots = Self.slots(); slots[1].gasUsed = 20_000
        Self.fails(try Self.witness(slots), "slot 1: gas used = 21000 (transfer), ≥ 21000 (call, creation)")
        // A creation over an existing contract is refused before the circuit.
        slots = Self.slots(); slots[0].to = Self.token
        #expect(throws: BatchWitness.Failure.createOver(slot: 0, Self.token)) { _ = try Self.witness(slots) }
        // Too many writes for the circuit.
        slots = Self.slots(); slots[1].storageWrites += [.init(slot: UInt256(8), value: .one), .init(slot: UInt256(9), value: .one)]
        #expect(throws: BatchWitness.Failure.writes(count: 7, capacity: 6)) { _ = try Self.witness(slots) }
    }

    /// Random calls over a contract with random storage: updates, inserts and deletions (some of
    /// a slot written earlier in the batch) reach the root of the state the writes describe.
    @Test func randomStorageWritesAgreeWithTheNativeRoot() throws {
        var rng = SeededRNG(seed: 41)
        let circuit = BatchCircuit(depth: 24, capacity: 3, writes: 15)
        var state = Self.state()
        var storage: [UInt256: UInt256] = [:]
        for _ in 0..<12 { storage[UInt256(UInt64.random(in: 1...40, using: &rng))] = UInt256(UInt64.random(in: 1...1_000, using: &rng)) }
        state.accounts[Self.token]!.storage = storage
        var slots: [BatchSlot] = []
        for i in 0..<3 {
            var writes: [UInt256: UInt256] = [:]
            for _ in 0..<5 {
                let slot = UInt256(UInt64.random(in: 1...40, using: &rng))
                let value = Bool.random(using: &rng) ? UInt256.zero : UInt256(UInt64.random(in: 1...1_000, using: &rng))
                if (storage[slot] ?? .zero) != value { writes[slot] = value }
            }
            for (k, v) in writes { storage[k] = v.isZero ? nil : v }
            slots.append(.contract(.call, from: Self.alice, to: Self.token, value: .zero, nonce: 3 + UInt64(i), gasLimit: 90_000,
                                   gasUsed: 40_000, gasPrice: UInt256(7), baseFee: UInt256(7), success: true,
                                   storageWrites: writes.map { .init(slot: $0.key, value: $0.value) }))
        }
        let w = try BatchWitness.generate(state: state, slots: slots, coinbase: Self.coinbase, depth: circuit.depth,
                                          capacity: circuit.capacity, writes: circuit.writes)
        var post = state
        post.accounts[Self.token]!.storage = storage
        post.accounts[Self.alice]!.nonce = 6
        post.accounts[Self.alice]!.balance = post.accounts[Self.alice]!.balance - UInt256(3 * 40_000 * 7)
        #expect(w.postRoot == StateCommitment.root(post))
        #expect(w.ops.contains { $0.delete } && w.ops.contains { $0.active && !$0.delete })
        let cs = circuit.build(w)
        let (c, a) = cs.compile()
        #expect(throws: Never.self) { try c.check(a) }
    }
}
