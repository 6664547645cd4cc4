import BN254
import KZG
import Plonk
import TestSupport
import Testing

/// One proven random circuit shared by the soundness tests.
enum Proven {
    static let (circuit, assignment) = TestCircuits.random(seed: 77, rows: 150).compile()
    static let pk = try! ProvingKey(circuit: circuit, srs: Shared.srs)
    static let proof: Proof = {
        var rng = SeededRNG(seed: 78)
        return try! Prover.prove(pk, assignment: assignment, rng: &rng)
    }()
    static var vk: VerificationKey { pk.verificationKey }
    static var inputs: [Fr] { assignment.publicInputs }

    /// The error verifying `bytes` (decoded first) against `inputs`, or nil if accepted.
    static func rejection(_ bytes: [UInt8], inputs: [Fr]? = nil, vk: VerificationKey? = nil) -> PlonkVerificationError? {
        do {
            try Verifier.verify(bytes: bytes, publicInputs: inputs ?? Proven.inputs, vk: vk ?? Proven.vk)
            return nil
        } catch { return error }
    }
}

@Suite struct SoundnessTests {
    @Test func honestProofVerifies() {
        #expect(Proven.rejection(Proven.proof.bytes) == nil)
    }

    /// Bypassing the checker with a wrong witness gives a proof the verifier rejects.
    @Test(arguments: ["arith", "custom", "copy", "lookup", "next"])
    func badWitnessProofIsRejected(kind: String) throws {
        var cs = ConstraintSystem()
        let p = cs.publicInput(Fr(6))
        let x = cs.alloc(Fr(2)), y = cs.alloc(Fr(3))
        let s = cs.mul(x, y)
        cs.assertEqual(s, p)
        let sq = cs.alloc(Fr(4)), cu = cs.alloc(Fr(8))
        cs.addCustomRow(gate: SquareGate(), fixed: [.one], a: x, b: sq, c: cu)
        let c = cs.alloc(Fr(1)), d0 = cs.alloc(Fr(8))
        cs.addCustomRow(gate: ChainGate(), fixed: [.one, .one], a: x, b: y, c: c, d: d0)
        let d1 = cs.alloc(Fr(7))
        cs.addCustomRow(gate: ChainGate(), fixed: [.zero, .zero], d: d1)
        let r = cs.alloc(Fr(200))
        cs.rangeCheck8(r)
        var (circuit, w) = cs.compile()
        try circuit.check(w)
        switch kind {
        case "arith": w.c[1] = Fr(7)          // row 1: s = x·y (row 0 is the public input)
        case "custom": w.c[2] = Fr(9)         // cube in SquareGate
        case "copy": w.a[0] = Fr(5); w.publicInputs[0] = Fr(5) // public input no longer equals s
        case "lookup": w.a[5] = Fr(300)
        default: w.d[4] = Fr(8)               // next-row d of the chain gate
        }
        #expect(throws: SatisfiabilityError.self) { try circuit.check(w) }
        let pk = try ProvingKey(circuit: circuit, srs: Shared.srs)
        var rng = SeededRNG(seed: 5)
        #expect(throws: PlonkProverError.self) { _ = try Prover.prove(pk, assignment: w, rng: &rng) }
        let proof = try Prover.prove(pk, assignment: w, rng: &rng, checkWitness: false)
        #expect(throws: PlonkVerificationError.pairingCheckFailed) {
            try Verifier.verify(proof, publicInputs: w.publicInputs, vk: pk.verificationKey)
        }
    }

    /// Flipping a bit in any 32-byte word of the proof is rejected: a point word
    /// no longer decodes to a curve point, a scalar word fails the pairing check.
    @Test func everyFlippedWordIsRejected() {
        let bytes = Proven.proof.bytes
        var offCurve = 0, pairing = 0
        for word in 0..<(bytes.count / 32) {
            var b = bytes
            b[word * 32 + 31] ^= 1
            let e = Proven.rejection(b)
            if word < 2 * Proof.commitmentCount {
                if case .malformed(.invalidPoint(_, .notOnCurve)) = e { offCurve += 1 }
            } else if e == .pairingCheckFailed {
                pairing += 1
            }
        }
        #expect(offCurve == 28)
        #expect(pairing == 18)
    }

    @Test func swappedCommitmentsAreRejected() {
        var p = Proven.proof
        p.commitments.swapAt(Proof.C.a, Proof.C.b)
        #expect(Proven.rejection(p.bytes) == .pairingCheckFailed)
        p = Proven.proof
        p.commitments.swapAt(Proof.C.wZeta, Proof.C.wZetaOmega)
        #expect(Proven.rejection(p.bytes) == .pairingCheckFailed)
    }

    @Test func publicInputPlusModulusIsRejectedByEncoding() {
        // x + r as a 32-byte big-endian word: decoding refuses it.
        let x = Proven.inputs[0]
        let aliased = BigNumber(limbs: x.canonicalLimbs) + BigNumber(limbs: Fr.modulusLimbs)
        var word = aliased.bigEndianBytes(width: 32)
        #expect(throws: PlonkEncodingError.scalarNotCanonical(field: "public input 0")) {
            _ = try PublicInputs.decode([word] + Proven.inputs.dropFirst().map(\.bigEndianBytes))
        }
        word = x.bigEndianBytes
        #expect(throws: Never.self) { _ = try PublicInputs.decode([word]) }
    }

    @Test func wrongPublicInputsAreRejected() {
        var inputs = Proven.inputs
        inputs[0] += .one
        #expect(Proven.rejection(Proven.proof.bytes, inputs: inputs) == .pairingCheckFailed)
        #expect(Proven.rejection(Proven.proof.bytes, inputs: Array(inputs.dropLast())) == .wrongPublicInputCount(expected: 2, got: 1))
        #expect(Proven.rejection(Proven.proof.bytes, inputs: Proven.inputs + [.one]) == .wrongPublicInputCount(expected: 2, got: 3))
    }

    @Test func pointOffCurveAndCoordinateAbovePAreRejected() {
        var b = Proven.proof.bytes
        b[63] ^= 1 // y of [a] changes: off the curve
        guard case .malformed(.invalidPoint(_, .notOnCurve)) = Proven.rejection(b) else { Issue.record("expected notOnCurve"); return }
        b = Proven.proof.bytes
        let p = BigNumber(limbs: Fq.modulusLimbs).bigEndianBytes(width: 32)
        b.replaceSubrange(0..<32, with: p) // x = p
        guard case .malformed(.invalidPoint(_, .notInField)) = Proven.rejection(b) else { Issue.record("expected notInField"); return }
        // In memory, a point off the curve is caught by the verifier itself.
        var proof = Proven.proof
        proof.commitments[3] = G1Affine(x: Fq(1), y: Fq(3))
        #expect(throws: PlonkVerificationError.pointNotOnCurve(index: 3)) {
            try Verifier.verify(proof, publicInputs: Proven.inputs, vk: Proven.vk)
        }
    }

    @Test func scalarAboveRIsRejected() {
        var b = Proven.proof.bytes
        let r = BigNumber(limbs: Fr.modulusLimbs).bigEndianBytes(width: 32)
        b.replaceSubrange((14 * 64)..<(14 * 64 + 32), with: r)
        #expect(Proven.rejection(b) == .malformed(.scalarNotCanonical(field: "proof evaluation 0")))
        #expect(Proven.rejection(Array(b.dropLast())) == .malformed(.wrongLength(expected: 1472, got: 1471)))
    }

    @Test func identityPointsProofIsRejected() {
        let zeros = [UInt8](repeating: 0, count: Proof.byteCount)
        #expect(Proven.rejection(zeros) == .pairingCheckFailed)
    }

    @Test func proofForAnotherCircuitIsRejected() throws {
        // Same shape (same n, ℓ, gates) but different circuit: VK hash differs.
        let (circuit, _) = TestCircuits.random(seed: 78, rows: 150).compile()
        let other = try ProvingKey(circuit: circuit, srs: Shared.srs).verificationKey
        #expect(other.hash != Proven.vk.hash)
        #expect(Proven.rejection(Proven.proof.bytes, vk: other) == .pairingCheckFailed)
    }
}
