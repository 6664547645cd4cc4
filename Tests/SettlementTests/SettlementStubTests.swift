import BN254
import Circuits
import Plonk
import Testing

/// The settlement stub has the shape the contract verifies, and each of its three public
/// inputs enters its constraints (a public input only on its own row would let a proof
/// for one value verify for any).
@Suite struct SettlementStubTests {
    let inputs = [Fr(11), Fr(22), Fr(33)]

    @Test func shapeIsTheContracts() {
        let (circuit, w) = SettlementStub(count: 2).build(publicInputs: inputs).compile()
        #expect(circuit.publicInputCount == 3 && w.publicInputs == inputs)
        #expect(circuit.gates.map(\.name) == ["poseidon.t3.circom.w6"])
        // Every arithmetic selector is used somewhere, and exactly one row looks up range8.
        for (name, column) in [("qL", circuit.qL), ("qR", circuit.qR), ("qO", circuit.qO), ("qM", circuit.qM), ("qC", circuit.qC)] {
            #expect(column.contains { !$0.isZero }, "\(name) unused")
        }
        #expect(circuit.qLookup.filter { $0 == .one }.count == 1)
        #expect(circuit.tables.map(\.name) == [LookupTable.range8.name])
        #expect(throws: Never.self) { try circuit.check(w) }
    }

    @Test(arguments: 0..<3) func eachInputIsCopyConstrained(index: Int) {
        let (circuit, w) = SettlementStub(count: 1).build(publicInputs: inputs).compile()
        // Another value on the input's own row, consistently with the public input: only a
        // constraint beyond that row can notice.
        var bad = w
        bad.publicInputs[index] = Fr(99)
        bad.a[index] = Fr(99)
        #expect(throws: SatisfiabilityError.self) { try circuit.check(bad) }
        do { try circuit.check(bad) } catch {
            guard case .copyConstraint = error else { Issue.record("expected a copy-constraint failure, got \(error)"); return }
        }
    }

    @Test func keyDoesNotDependOnTheInputs() {
        let (a, _) = SettlementStub(count: 1).build(publicInputs: inputs).compile()
        let (b, _) = SettlementStub(count: 1).build(publicInputs: [Fr(1), Fr(2), Fr(3)]).compile()
        #expect(a.size == b.size && a.permutation == b.permutation && a.gateColumns == b.gateColumns)
        #expect(a.qL == b.qL && a.qR == b.qR && a.qO == b.qO && a.qM == b.qM && a.qC == b.qC && a.qLookup == b.qLookup)
    }
}

/// The contract's gate constants (derived in Python by scripts/gen-poseidon-gate-constants.py
/// from its own circomlib parameters) are the ones the Swift gate derives: two independent
/// derivations of the same coefficients.
@Suite struct ContractGateConstantsTests {
    @Test func vyperConstantsEqualTheSwiftDerivation() throws {
        let source = try String(contentsOfFile: "fixtures/settlement/Rollup.vy", encoding: .utf8)
        var constants = [String: Fr]()
        for line in source.split(separator: "\n") {
            let parts = line.split(separator: " ")
            guard parts.count == 4, parts[1] == "constant(uint256)", parts[2] == "=" else { continue }
            if let x = Fr(String(parts[3])) { constants[String(parts[0]).replacingOccurrences(of: ":", with: "")] = x }
        }
        let f = PoseidonRoundForms()
        for j in 0..<5 { #expect(constants["PR\(j)"] == f.partial[j], "PR\(j)") }
        for k in 0..<3 {
            for j in 0..<5 {
                #expect((constants["EN\(k)\(j)"] ?? .zero) == f.entry[k][j], "EN\(k)\(j)")
                #expect(constants["EX\(k)\(j)"] == f.exit[k][j], "EX\(k)\(j)")
            }
        }
        #expect(constants.count >= 5 + 12 + 15)
    }
}
