import BN254
import Circuits
import KZG
import Plonk
import Poseidon
import Testing
import TestSupport

/// The Poseidon gadget against native Poseidon, and the checker on wrong witnesses.
@Suite struct PoseidonGadgetTests {
    /// One permutation of `input` with free input variables; (system, output vars).
    static func single(_ input: [Fr]) -> (ConstraintSystem, [Variable]) {
        var cs = ConstraintSystem()
        let vars = input.map { cs.alloc($0) }
        let out = PoseidonGadget.permute(&cs, vars)
        return (cs, out)
    }

    @Test func matchesNativePermutation() throws {
        var rng = SeededRNG(seed: 31)
        for _ in 0..<4 {
            let input = (0..<3).map { _ in Fr.random(using: &rng) }
            let (cs, out) = Self.single(input)
            var native = input
            Poseidon.permute(&native, parameters: .t3)
            #expect(out.map { cs.value(of: $0) } == native)
            #expect(cs.rowCount == PoseidonGadget.rowsPerPermutation)
            #expect(cs.rowCount <= 100)
            let (circuit, w) = cs.compile()
            try circuit.check(w)
        }
    }

    @Test func hashMatchesCircomlib() throws {
        var cs = ConstraintSystem()
        let x = cs.alloc(Fr(1)), y = cs.alloc(Fr(2))
        let h = PoseidonGadget.hash(&cs, x, y)
        #expect(cs.value(of: h) == Fr("0x115cc0f5e7d690413df64c6b9662e9cf2a3617f2743245519e19607a4417189a"))
        let (circuit, w) = cs.compile()
        try circuit.check(w)
    }

    func checkError(_ circuit: CompiledCircuit, _ w: Assignment) -> SatisfiabilityError? {
        do { try circuit.check(w); return nil } catch { return error }
    }

    @Test func wrongWitnessIsNamed() throws {
        let (cs, _) = Self.single([Fr(1), Fr(2), Fr(3)])
        let (circuit, good) = cs.compile()
        // A state cell on row 40 (a partial round): row 39's transition to it fails first.
        var w = good
        w.b[40] = w.b[40] + .one
        guard case let .customGate(gate, row, constraint, _)? = checkError(circuit, w) else {
            Issue.record("expected a custom-gate failure"); return
        }
        #expect(gate == "poseidon.t3.circom" && row == 39 && constraint == 1)
        // d ≠ a² on row 7 (a rotate row of a full round): the S-box output
        // (constraint 2, next.c = d²·a) fails first; constraint 3 (d = a²) fails too.
        w = good
        w.d[7] = w.d[7] + .one
        guard case let .customGate(_, row2, constraint2, _)? = checkError(circuit, w) else {
            Issue.record("expected a custom-gate failure"); return
        }
        #expect(row2 == 7 && constraint2 == 2)
        var rotate = [Fr](repeating: .zero, count: 7)
        rotate[PoseidonGate.Column.rotate] = .one
        let values = PoseidonGate().evaluate(fixed: rotate, current: w.row(7), next: w.row(8))
        #expect(values[0] == .zero && values[1] == .zero && values[2] != .zero && values[3] != .zero)
        #expect(PoseidonGate().evaluate(fixed: rotate, current: good.row(7), next: good.row(8)) == [.zero, .zero, .zero, .zero])
        // The output row: the last transition fails.
        w = good
        w.c[82] = w.c[82] + .one
        guard case let .customGate(_, row3, constraint3, _)? = checkError(circuit, w) else {
            Issue.record("expected a custom-gate failure"); return
        }
        #expect(row3 == 81 && constraint3 == 2)
    }

    @Test func chainedInputIsCopyConstrained() throws {
        let chain = PoseidonChain(count: 2)
        let cs = chain.build(input: [Fr(5), Fr(6), Fr(7)])
        #expect(cs.rowCount == 2 * PoseidonGadget.rowsPerPermutation)
        let (circuit, good) = cs.compile()
        try circuit.check(good)
        #expect(good.publicInputs.suffix(3) == chain.output(for: [Fr(5), Fr(6), Fr(7)]))
        // Changing the second permutation's input row (absolute row 6 + 83) breaks a copy constraint
        // or the transition into it.
        var w = good
        w.a[6 + 83] = w.a[6 + 83] + .one
        #expect(checkError(circuit, w) != nil)
        // A wrong claimed output is caught.
        w = good
        w.publicInputs[5] = w.publicInputs[5] + .one
        w.a[5] = w.publicInputs[5]
        #expect(checkError(circuit, w) != nil)
    }

    @Test func poseidonChainProvesAndVerifies() throws {
        let cs = PoseidonChain(count: 2).build(input: [Fr(1), Fr(2), Fr(3)])
        let (circuit, w) = cs.compile()
        #expect(circuit.size == 256)
        let srs = SRS.insecureDev(count: ProvingKey.requiredSRSPowers(size: circuit.size), tau: Fr(0xdead_beef_1234))
        let pk = try ProvingKey(circuit: circuit, srs: srs)
        var rng = SeededRNG(seed: 5)
        let proof = try Prover.prove(pk, assignment: w, rng: &rng)
        try Verifier.verify(proof, publicInputs: w.publicInputs, vk: pk.verificationKey)
        // Tampered proof: one evaluation changed.
        var bad = proof
        bad.evaluations[Proof.E.a] = bad.evaluations[Proof.E.a] + .one
        #expect(throws: PlonkVerificationError.self) {
            try Verifier.verify(bad, publicInputs: w.publicInputs, vk: pk.verificationKey)
        }
        // Tampered commitment.
        bad = proof
        bad.commitments[Proof.C.c] = (G1Projective(bad.commitments[Proof.C.c]) + .generator).toAffine()
        #expect(throws: PlonkVerificationError.self) {
            try Verifier.verify(bad, publicInputs: w.publicInputs, vk: pk.verificationKey)
        }
        // Wrong public output.
        var inputs = w.publicInputs
        inputs[3] = inputs[3] + .one
        #expect(throws: PlonkVerificationError.self) {
            try Verifier.verify(proof, publicInputs: inputs, vk: pk.verificationKey)
        }
    }
}
