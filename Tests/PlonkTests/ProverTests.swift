import BN254
import KZG
import Plonk
import TestSupport
import Testing

/// Shared fixtures: one SRS for all tests (n ≤ 1024 needs 1033 powers).
enum Shared {
    static let srs = TestCircuits.srs(count: 1024 + 9)
}

@Suite struct ProverTests {
    @Test(arguments: [(UInt64(11), 20), (12, 100), (13, 300), (14, 700)])
    func randomCircuitsProveAndVerify(seed: UInt64, rows: Int) throws {
        let (circuit, w) = TestCircuits.random(seed: seed, rows: rows).compile()
        try circuit.check(w)
        let pk = try ProvingKey(circuit: circuit, srs: Shared.srs)
        var rng = SeededRNG(seed: seed &+ 100)
        let proof = try Prover.prove(pk, assignment: w, rng: &rng)
        try Verifier.verify(proof, publicInputs: w.publicInputs, vk: pk.verificationKey)
    }

    @Test func plainArithmeticCircuitWithoutLookupsOrGates() throws {
        var cs = ConstraintSystem()
        let x = cs.publicInput(Fr(3))
        var y = x
        for _ in 0..<10 { y = cs.mul(y, x) }
        _ = cs.publicInput(cs.value(of: y))
        let (circuit, w) = cs.compile()
        let pk = try ProvingKey(circuit: circuit, srs: Shared.srs)
        var rng = SeededRNG(seed: 1)
        let proof = try Prover.prove(pk, assignment: w, rng: &rng)
        try Verifier.verify(proof, publicInputs: w.publicInputs, vk: pk.verificationKey)
    }
}
