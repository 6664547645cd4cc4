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

    /// The (gate, row, constraint) of the first failure, or nil when it is not a custom gate's.
    func failingGate(_ circuit: CompiledCircuit, _ w: Assignment) -> (gate: String, row: Int, constraint: Int)? {
        guard case let .customGate(gate, row, constraint, _)? = checkError(circuit, w) else { return nil }
        return (gate, row, constraint)
    }

    @Test func wrongWitnessIsNamed() throws {
        let (cs, _) = Self.single([Fr(1), Fr(2), Fr(3)])
        let (circuit, good) = cs.compile()
        // Rows: 0 add, 1–3 full, 4 entry, 5–22 partial (three S-box inputs each), 23 exit, 24–27 full, 28 output.
        // An S-box input on row 10 (the middle of three): row 9's transition to it fails first.
        var w = good
        w.b[10] = w.b[10] + .one
        let (gate, row, constraint) = try #require(failingGate(circuit, w))
        #expect(gate == "poseidon.t3.circom.w6" && row == 9 && constraint == 1)
        // The square e on row 10 is read through the next row by row 9's third transition
        // (x_{i+5} reads x_{i+4}⁵ = e²·b of the next row): that fails first.
        w = good
        w.e[10] = w.e[10] + .one
        let (rowE, constraintE) = try #require(failingGate(circuit, w).map { ($0.row, $0.constraint) })
        #expect(rowE == 9 && constraintE == 2)
        // d ≠ a² on row 2 (a full round): all three outputs read a⁵ = d²·a and fail, and so does d = a².
        w = good
        w.d[2] = w.d[2] + .one
        let (row2, constraint2) = try #require(failingGate(circuit, w).map { ($0.row, $0.constraint) })
        #expect(row2 == 2 && constraint2 == 0)
        let full = (0..<PoseidonGate.Column.count).map { circuit.gateColumns[circuit.gateColumnOffsets[0] + $0][2] }
        #expect(full[PoseidonGate.Column.full] == .one)
        let values = PoseidonGate().evaluate(fixed: full, current: w.row(2), next: w.row(3))
        #expect(values[0] != .zero && values[1] != .zero && values[2] != .zero && values[3] != .zero)
        #expect(values[4] == .zero && values[5] == .zero)
        #expect(PoseidonGate().evaluate(fixed: full, current: good.row(2), next: good.row(3)) == [Fr](repeating: .zero, count: 6))
        // The exit row's successor (the first full state after the partial rounds).
        w = good
        w.a[24] = w.a[24] + .one
        let (rowX, constraintX) = try #require(failingGate(circuit, w).map { ($0.row, $0.constraint) })
        #expect(rowX == 23 && constraintX == 0)
        // The output row: the last transition fails.
        w = good
        w.c[28] = w.c[28] + .one
        let (row3, constraint3) = try #require(failingGate(circuit, w).map { ($0.row, $0.constraint) })
        #expect(row3 == 27 && constraint3 == 2)
    }

    /// The derived recurrence holds on native traces of random inputs: every partial round's
    /// S-box input follows from the three before it with the gate's coefficients and the row's constant.
    @Test func partialRecurrenceMatchesNativeRounds() {
        let p = Poseidon.Parameters.t3, f = PoseidonRoundForms(parameters: p)
        #expect(f.partialRows == 19 && f.firstPartial == 4)
        var rng = SeededRNG(seed: 77)
        for _ in 0..<3 {
            var s = (0..<3).map { _ in Fr.random(using: &rng) }
            var xs = [Fr]()
            for r in 0..<p.rounds {
                for i in 0..<3 { s[i] += p.roundConstants[r][i] }
                if p.isFullRound(r) { s = s.map { $0.pow(5) } } else { xs.append(s[0]); s[0] = s[0].pow(5) }
                s = (0..<3).map { i in (0..<3).reduce(Fr.zero) { $0 + p.mds[i][$1] * s[$1] } }
            }
            #expect(xs.count == 57)
            for row in 0..<(f.partialRows - 1) {
                for k in 0..<3 {
                    let i = 3 * row + k
                    let c = f.partial
                    let next = c[0] * xs[i].pow(5) + c[1] * xs[i + 1].pow(5) + c[2] * xs[i + 2].pow(5)
                        + c[3] * xs[i + 1] + c[4] * xs[i + 2] + f.partialConstants[row][k]
                    #expect(next == xs[i + 3])
                }
            }
        }
    }

    @Test func chainedInputIsCopyConstrained() throws {
        let chain = PoseidonChain(count: 2)
        let cs = chain.build(input: [Fr(5), Fr(6), Fr(7)])
        #expect(cs.rowCount == 2 * PoseidonGadget.rowsPerPermutation)
        let (circuit, good) = cs.compile()
        try circuit.check(good)
        #expect(good.publicInputs.suffix(3) == chain.output(for: [Fr(5), Fr(6), Fr(7)]))
        // Changing the second permutation's input row (absolute row 6 + 29) breaks a copy constraint
        // or the transition into it.
        var w = good
        w.a[6 + 29] = w.a[6 + 29] + .one
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
        #expect(circuit.size == 64)
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
        // The auxiliary wires are bound too: an evaluation of e at ζω, the commitment to f.
        bad = proof
        bad.evaluations[Proof.E.eNext] = bad.evaluations[Proof.E.eNext] + .one
        #expect(throws: PlonkVerificationError.self) {
            try Verifier.verify(bad, publicInputs: w.publicInputs, vk: pk.verificationKey)
        }
        // Tampered commitments.
        for index in [Proof.C.c, Proof.C.f] {
            bad = proof
            bad.commitments[index] = (G1Projective(bad.commitments[index]) + .generator).toAffine()
            #expect(throws: PlonkVerificationError.self) {
                try Verifier.verify(bad, publicInputs: w.publicInputs, vk: pk.verificationKey)
            }
        }
        // Wrong public output.
        var inputs = w.publicInputs
        inputs[3] = inputs[3] + .one
        #expect(throws: PlonkVerificationError.self) {
            try Verifier.verify(proof, publicInputs: inputs, vk: pk.verificationKey)
        }
    }
}

/// The gate's written-out quotient term is the generic sum of its coefficients.
@Suite struct PoseidonGateAccumulateTests {
    @Test func accumulateEqualsTheCoefficientSum() {
        var rng = SeededRNG(seed: 91)
        let gate = PoseidonGate()
        func random() -> WireValues {
            WireValues(a: .random(using: &rng), b: .random(using: &rng), c: .random(using: &rng),
                       d: .random(using: &rng), e: .random(using: &rng), f: .random(using: &rng))
        }
        for _ in 0..<20 {
            let cur = random(), next = random()
            let fixed = (0..<(PoseidonGate.Column.count * 3)).map { _ in Fr.random(using: &rng) }      // stride 3
            let alphas = (0..<6).map { _ in Fr.random(using: &rng) }
            fixed.withUnsafeBufferPointer { f in
                alphas.withUnsafeBufferPointer { a in
                    let fast = gate.accumulate(current: cur, next: next, fixed: f.baseAddress! + 1, stride: 3, alphas: a.baseAddress!)
                    let slow = gate.defaultAccumulate(current: cur, next: next, fixed: f.baseAddress! + 1, stride: 3,
                                                      alphas: a.baseAddress!)
                    #expect(fast == slow)
                }
            }
        }
    }
}

/// `PoseidonGadget.merklePath`: level rows swap by the bit, select rows keep the path's end
/// below the path and take the hash above it.
@Suite struct MerklePathTests {
    /// A 4-level path: bits 1, 0, 1, 1; the path reaches the top three levels only.
    static func build() -> (ConstraintSystem, Variable, Fr) {
        var cs = ConstraintSystem()
        let end = cs.alloc(Fr(1234))
        let bits: [Fr] = [.one, .zero, .one, .one], enabled: [Fr] = [.zero, .one, .one, .one]
        let siblings = [Fr(11), Fr(22), Fr(33), Fr(44)]
        var levels = [PoseidonGadget.Level]()
        var node = Fr(1234)
        for i in 0..<4 {
            let b = cs.alloc(bits[i]), s = cs.alloc(siblings[i]), e = cs.alloc(enabled[i])
            cs.assertBoolean(b); cs.assertBoolean(e)
            levels.append(PoseidonGadget.Level(bit: b, sibling: s, enabled: e))
            let h = bits[i] == .one ? Poseidon.hash(siblings[i], node) : Poseidon.hash(node, siblings[i])
            node = enabled[i] == .one ? h : Fr(1234)
        }
        let root = PoseidonGadget.merklePath(&cs, end: end, levels: levels)
        return (cs, root, node)
    }

    @Test func rootMatchesNativeHashes() throws {
        let (cs, root, expected) = Self.build()
        #expect(cs.value(of: root) == expected)
        let (circuit, w) = cs.compile()
        try circuit.check(w)
    }

    @Test func wrongWitnessFails() {
        let (cs, _, _) = Self.build()
        let (circuit, good) = cs.compile()
        // Rows: 8 boolean rows, then per level 1 level row, 27 round rows, 1 select row.
        let levelRow = 8, selectRow = 8 + 28
        func fails(_ change: (inout Assignment) -> Void) -> Bool {
            var w = good
            change(&w)
            do { try circuit.check(w); return false } catch { return true }
        }
        #expect(!fails { _ in })
        #expect(fails { $0.b[levelRow] += .one })                // another sibling in the level row (copy and swap)
        #expect(fails { $0.a[selectRow] += .one })               // a wrong hash
        #expect(fails { $0.a[selectRow + 1] = Fr(1234) + .one }) // the next level's node is not the selection
        // The select row's successor holds the end below the path (level 0 is not reached).
        #expect(good.a[selectRow + 1] == Fr(1234))
    }
}
