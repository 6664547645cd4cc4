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

    @Test func progressReportsEveryRound() throws {
        let (circuit, w) = TestCircuits.random(seed: 3, rows: 30).compile()
        let pk = try ProvingKey(circuit: circuit, srs: Shared.srs, precomputeTable: false)
        var rng = SeededRNG(seed: 4)
        nonisolated(unsafe) var rounds = [Int]()
        nonisolated(unsafe) var last = 0.0
        let proof = try Prover.prove(pk, assignment: w, rng: &rng) { round, of, fraction in
            #expect(of == Prover.roundCount)
            rounds.append(round); last = fraction
        }
        #expect(rounds == [1, 2, 3, 4, 5])
        #expect(last == 1.0)
        try Verifier.verify(proof, publicInputs: w.publicInputs, vk: pk.verificationKey)
    }

    @Test func smallSRSIsRefused() {
        let (circuit, _) = TestCircuits.random(seed: 3, rows: 30).compile()
        let small = TestCircuits.srs(count: 20)
        #expect(throws: PlonkSetupError.srsTooSmall(needed: circuit.size + 9, available: 20)) {
            _ = try ProvingKey(circuit: circuit, srs: small)
        }
    }

    @Test func sixteenBitRangeNeedsLargeCircuit() {
        var cs = ConstraintSystem()
        cs.lookup(.range16, a: cs.alloc(Fr(65535)))
        let (circuit, w) = cs.compile()
        #expect(circuit.size == 65536)
        #expect(throws: Never.self) { try circuit.check(w) }
    }

    /// More than 16 public inputs take the transform path for PI(X); lookups absent
    /// take the pure-blinding path for m and φ.
    @Test(arguments: [0, 1, 16, 17, 40])
    func publicInputCounts(count: Int) throws {
        var cs = ConstraintSystem()
        var acc = cs.constant(.one)
        for i in 0..<count { acc = cs.add(acc, cs.publicInput(Fr(UInt64(i * i + 3)))) }
        _ = cs.mul(acc, acc)
        let (circuit, w) = cs.compile()
        let pk = try ProvingKey(circuit: circuit, srs: Shared.srs)
        var rng = SeededRNG(seed: UInt64(count))
        let proof = try Prover.prove(pk, assignment: w, rng: &rng)
        try Verifier.verify(proof, publicInputs: w.publicInputs, vk: pk.verificationKey)
        if count > 0 {
            var bad = w.publicInputs
            bad[count - 1] += .one
            #expect(throws: PlonkVerificationError.pairingCheckFailed) {
                try Verifier.verify(proof, publicInputs: bad, vk: pk.verificationKey)
            }
        }
    }
}
