import BN254
import Plonk
import Testing

@Suite struct CheckerTests {
    @Test func validRandomCircuitsPass() throws {
        for seed in UInt64(1)...4 {
            let (circuit, w) = TestCircuits.random(seed: seed, rows: 200).compile()
            try circuit.check(w)
        }
    }

    @Test func wrongArithmeticWitnessIsNamed() {
        var cs = ConstraintSystem()
        let x = cs.alloc(Fr(3)), y = cs.alloc(Fr(4))
        let z = cs.alloc(Fr(13))
        cs.assertMul(x, y, z)
        let (circuit, w) = cs.compile()
        #expect(throws: SatisfiabilityError.arithmeticGate(row: 0, value: -Fr(1))) { try circuit.check(w) }
    }

    @Test func wrongCustomGateWitnessNamesGateRowAndConstraint() {
        var cs = ConstraintSystem()
        _ = cs.publicInput(Fr(9))
        let x = cs.alloc(Fr(3)), b = cs.alloc(Fr(9)), c = cs.alloc(Fr(28))
        cs.addCustomRow(gate: SquareGate(), fixed: [.one], a: x, b: b, c: c)
        let (circuit, w) = cs.compile()
        #expect(throws: SatisfiabilityError.customGate(gate: "test.square", row: 1, constraint: 1, value: Fr(1))) { try circuit.check(w) }
    }

    @Test func nextRowGateFailureIsNamed() {
        var cs = ConstraintSystem()
        let x = cs.alloc(Fr(2)), y = cs.alloc(Fr(5)), c = cs.alloc(Fr(1)), d = cs.alloc(Fr(8))
        cs.addCustomRow(gate: ChainGate(), fixed: [.one, .one], a: x, b: y, c: c, d: d)
        let e = cs.alloc(Fr(12)) // should be 2·5 + 1 = 11
        cs.addCustomRow(gate: ChainGate(), fixed: [.zero, .zero], d: e)
        let (circuit, w) = cs.compile()
        #expect(throws: SatisfiabilityError.customGate(gate: "test.chain", row: 0, constraint: 0, value: -Fr(1))) { try circuit.check(w) }
    }

    @Test func brokenCopyIsNamed() {
        var cs = ConstraintSystem()
        let x = cs.alloc(Fr(3)), y = cs.alloc(Fr(4))
        let s = cs.add(x, y)
        let t = cs.alloc(Fr(8))
        cs.assertZero(cs.sub(s, s))
        _ = cs.add(t, x)
        cs.copy(s, t)
        let (circuit, w) = cs.compile()
        do { try circuit.check(w); Issue.record("accepted") } catch {
            guard case .copyConstraint = error else { Issue.record("wrong error \(error)"); return }
            #expect(error.description.contains("copy constraint"))
        }
    }

    @Test func lookupOutsideTableIsNamed() {
        var cs = ConstraintSystem()
        let v = cs.alloc(Fr(256))
        cs.rangeCheck8(v)
        let (circuit, w) = cs.compile()
        #expect(throws: SatisfiabilityError.lookup(row: 0, table: "range8", values: [Fr(256), .zero, .zero])) { try circuit.check(w) }
    }

    @Test func wrongPublicInputIsNamed() {
        var cs = ConstraintSystem()
        let p = cs.publicInput(Fr(5))
        _ = cs.add(p, p)
        var (circuit, w) = cs.compile()
        w.publicInputs[0] = Fr(6)
        #expect(throws: SatisfiabilityError.publicInput(index: 0, expected: Fr(6), found: Fr(5))) { try circuit.check(w) }
        w.publicInputs = []
        #expect(throws: SatisfiabilityError.self) { try circuit.check(w) }
        _ = circuit
    }

    /// Large enough for several checker chunks: the lowest failing row is named.
    @Test func firstFailureAcrossChunksIsNamed() {
        var cs = ConstraintSystem()
        let x = cs.alloc(Fr(3))
        for _ in 0..<16_000 { _ = cs.mul(x, x) }
        var (circuit, w) = cs.compile()
        #expect(circuit.size == 16_384)
        #expect(throws: Never.self) { try circuit.check(w) }
        w.c[15_000] = .one
        #expect(throws: SatisfiabilityError.arithmeticGate(row: 15_000, value: Fr(8))) { try circuit.check(w) }
        w.c[9_000] = .one
        #expect(throws: SatisfiabilityError.arithmeticGate(row: 9_000, value: Fr(8))) { try circuit.check(w) }
        w.c[10] = .one
        #expect(throws: SatisfiabilityError.arithmeticGate(row: 10, value: Fr(8))) { try circuit.check(w) }
    }
}
