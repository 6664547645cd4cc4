import BN254
import Circuits
import EVM
import KZG
import Plonk
import State
import Testing
import TestSupport

/// The batch circuit on a small batch: transfers, a creation, a deposit and padding prove and
/// verify, and every kind of wrong batch fails at the checker with the constraint named.
@Suite struct BatchCircuitTests {
    static let alice = Address(0xa11ce), bob = Address(0xb0b), carol = Address(0xca201), dave = Address(0xda5e)
    static let coinbase = Address(0xc0ffee)
    static let circuit = BatchCircuit(depth: 10, capacity: 4)

    static func state() -> WorldState {
        var s = WorldState()
        s.accounts[alice] = Account(nonce: 3, balance: UInt256(10_000_000_000), code: .empty)
        s.accounts[bob] = Account(nonce: 0, balance: UInt256(1_000_000_000), code: .empty)
        return s
    }

    /// alice → bob, bob → carol (created), a deposit to dave (created), one padding slot.
    static func slots() -> [BatchSlot] {
        [.transfer(from: alice, to: bob, value: UInt256(1_000), nonce: 3, gasLimit: 30_000, gasPrice: UInt256(9), feeCap: UInt256(12), baseFee: UInt256(7)),
         .transfer(from: bob, to: carol, value: UInt256(5_000), nonce: 0, gasPrice: UInt256(7), baseFee: UInt256(7)),
         .deposit(to: dave, value: UInt256(77))]
    }

    static func witness(_ slots: [BatchSlot] = slots(), state: WorldState = state(), prev: Fr? = nil, post: Fr? = nil) throws -> BatchWitness {
        try BatchWitness.generate(state: state, slots: slots, coinbase: coinbase, depth: circuit.depth, capacity: circuit.capacity,
                                  binding: Fr(12345), claimedPrevRoot: prev, claimedPostRoot: post)
    }

    static func witnessFields(nonce: UInt64, balance: UInt64) -> BatchWitness.Fields {
        BatchWitness.Fields(nonce: Fr(nonce), balance: Fr(balance), codeStorage: StateCommitment.externallyOwned)
    }

    static func failure(_ w: BatchWitness) -> String? { circuit.failure(w) }

    @Test func rootsAreTheStateAfterTheBatch() throws {
        let w = try Self.witness()
        // The expected state, by hand: fees gasUsed × price, priority part to the coinbase.
        var s = Self.state()
        s.accounts[Self.alice] = Account(nonce: 4, balance: UInt256(10_000_000_000 - 1_000 - 21_000 * 9), code: .empty)
        s.accounts[Self.bob] = Account(nonce: 1, balance: UInt256(1_000_000_000 + 1_000 - 5_000 - 21_000 * 7), code: .empty)
        s.accounts[Self.carol] = Account(nonce: 0, balance: UInt256(5_000), code: .empty)
        s.accounts[Self.dave] = Account(nonce: 0, balance: UInt256(77), code: .empty)
        s.accounts[Self.coinbase] = Account(nonce: 0, balance: UInt256(21_000 * 2), code: .empty)
        #expect(w.prevRoot == StateCommitment.root(Self.state()))
        #expect(w.postRoot == StateCommitment.root(s))
        #expect(Self.failure(w) == nil)
    }

    @Test func provesAndVerifiesAndATamperedProofIsRejected() throws {
        let w = try Self.witness()
        let (c, a) = Self.circuit.build(w).compile()
        let pk = try ProvingKey(circuit: c, srs: SRS.insecureDev(power: c.size.trailingZeroBitCount + 1, seed: 3))
        var rng = SeededRNG(seed: 5)
        let proof = try Prover.prove(pk, assignment: a, rng: &rng)
        let pis = [w.binding, w.prevRoot, w.postRoot]
        try Verifier.verify(proof, publicInputs: pis, vk: pk.verificationKey)
        // Another post root, another prev root, or a changed evaluation: rejected.
        #expect(throws: PlonkVerificationError.self) {
            try Verifier.verify(proof, publicInputs: [w.binding, w.prevRoot, w.postRoot + .one], vk: pk.verificationKey)
        }
        #expect(throws: PlonkVerificationError.self) {
            try Verifier.verify(proof, publicInputs: [w.binding, w.prevRoot + .one, w.postRoot], vk: pk.verificationKey)
        }
        var bad = proof
        bad.evaluations[0] += .one
        #expect(throws: PlonkVerificationError.self) { try Verifier.verify(bad, publicInputs: pis, vk: pk.verificationKey) }
        // A witness that breaks a constraint does not prove.
        var wrong = w
        wrong.postRoot += .one
        let (_, wa) = Self.circuit.build(wrong).compile()
        var rng2 = SeededRNG(seed: 6)
        #expect(throws: PlonkProverError.self) { _ = try Prover.prove(pk, assignment: wa, rng: &rng2) }
        // Forced through without the prover's own check, the proof is rejected.
        let forced = try Prover.prove(pk, assignment: wa, rng: &rng2, checkWitness: false)
        #expect(throws: PlonkVerificationError.self) {
            try Verifier.verify(forced, publicInputs: [wrong.binding, wrong.prevRoot, wrong.postRoot], vk: pk.verificationKey)
        }
    }

    @Test func wrongBatchesFailWithTheConstraintNamed() throws {
        func fails(_ w: BatchWitness, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
            let f = Self.failure(w)
            #expect(f?.contains(what) == true, "expected \(what), got \(f ?? "success")", sourceLocation: sourceLocation)
        }
        var slots = Self.slots()
        // Insufficient funds: bob sends more than he has; the batch cannot be proven successful.
        slots[1].value = UInt256(2_000_000_000)
        fails(try Self.witness(slots), "slot 1 sender: balance ≥ value + gas limit × fee cap")
        // A nonce that is not the account's.
        slots = Self.slots(); slots[0].nonce = 4
        fails(try Self.witness(slots), "slot 0 sender: nonce check")
        // A fee paid below the base fee, or above the cap, and gas that is not 21000.
        slots = Self.slots(); slots[0].gasPrice = UInt256(6)
        fails(try Self.witness(slots), "slot 0: gas price ≥ base fee")
        slots = Self.slots(); slots[0].gasPrice = UInt256(13)
        fails(try Self.witness(slots), "slot 0: gas price ≤ fee cap")
        slots = Self.slots(); slots[1].gasUsed = 20_000
        fails(try Self.witness(slots), "slot 1: gas used = 21000")
        // A balance changed in the pre-state: the prev root is not the committed one.
        var s = Self.state(); s.accounts[Self.bob]!.balance = UInt256(1_000_000_001)
        let committed = try Self.witness()
        fails(try Self.witness(state: s, prev: committed.prevRoot), "[public input 1 (prev state root)] [slot 0 sender: state tree access · old path]")
        // A claimed post root that is not where the batch leads.
        fails(try Self.witness(post: committed.postRoot + .one), "[public input 2 (post state root)] [coinbase: state tree access · new path]")
        // A sender that does not exist: no balance; and with forged fields, no leaf.
        slots = Self.slots(); slots[0].from = Address(0xdead)
        fails(try Self.witness(slots), "slot 0 sender: balance ≥ value + gas limit × fee cap")
        var ghost = try Self.witness(slots)
        ghost.slots[0].senderFields = Self.witnessFields(nonce: 3, balance: 10_000_000_000)
        fails(ghost, "slot 0 sender: exists and matches its leaf")
        // A leaf value forged for the sender (more balance than the tree holds).
        var w = committed
        w.slots[0].senderFields.balance += Fr(1_000)
        fails(w, "slot 0 sender: exists and matches its leaf")
        // A zero-value transfer to an absent account must not create it (EIP-161).
        slots = Self.slots(); slots[1].value = .zero
        let noCreate = try Self.witness(slots)
        #expect(Self.failure(noCreate) == nil)
        #expect(noCreate.slots[1].recipient.newValue == nil)
    }

    @Test func capacityAndCoinbaseRefusals() throws {
        let many = Array(repeating: BatchSlot.deposit(to: Self.dave, value: UInt256(1)), count: 5)
        #expect(throws: BatchWitness.Failure.capacity(slots: 5, capacity: 4)) { _ = try Self.witness(many) }
        var slots = Self.slots(); slots[0].from = Self.coinbase
        #expect(throws: BatchWitness.Failure.coinbaseSends(slot: 0)) { _ = try Self.witness(slots) }
    }
}
