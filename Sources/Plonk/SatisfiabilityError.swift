import BN254
import Parallel

/// The first constraint a witness violates, as found by
/// `CompiledCircuit.check(_:)` (in the spirit of halo2's MockProver).
public enum SatisfiabilityError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The assignment's columns or public-input count do not match the circuit.
    case shapeMismatch(String)
    /// Public input `index` differs from wire a on its row.
    case publicInput(index: Int, expected: Fr, found: Fr)
    /// The arithmetic gate qL·a + qR·b + qO·c + qM·a·b + qC is non-zero on `row`.
    case arithmeticGate(row: Int, value: Fr)
    /// Constraint `constraint` of custom gate `gate` is non-zero on `row`.
    case customGate(gate: String, row: Int, constraint: Int, value: Fr)
    /// Copy constraint between two cells (column "a"/"b"/"c", row) whose values differ.
    case copyConstraint(fromColumn: String, fromRow: Int, toColumn: String, toRow: Int)
    /// A lookup row whose (tag, a, b, c) is in no table.
    case lookup(row: Int, table: String, values: [Fr])

    /// A readable account of the failure.
    public var description: String {
        switch self {
        case .shapeMismatch(let s): return "assignment shape mismatch: \(s)"
        case let .publicInput(i, e, f): return "public input \(i): expected \(e), wire a holds \(f)"
        case let .arithmeticGate(row, v): return "arithmetic gate fails on row \(row) (value \(v))"
        case let .customGate(g, row, k, v): return "custom gate \"\(g)\" constraint \(k) fails on row \(row) (value \(v))"
        case let .copyConstraint(fc, fr, tc, tr): return "copy constraint \(fc)[\(fr)] = \(tc)[\(tr)] fails"
        case let .lookup(row, t, vals): return "lookup on row \(row) into table \"\(t)\": (\(vals.map(\.description).joined(separator: ", "))) not in table"
        }
    }
}

extension CompiledCircuit {
    /// Checks every constraint of the circuit on `assignment` without proving,
    /// and names the first failure: public inputs, then row by row the
    /// arithmetic gate, custom gates (in order) and lookups, then copy constraints.
    /// - Throws: `SatisfiabilityError` for the first violated constraint.
    public func check(_ w: Assignment) throws(SatisfiabilityError) {
        let n = size
        guard w.columns.allSatisfy({ $0.count == n }) else {
            throw .shapeMismatch("wire columns must have \(n) values")
        }
        guard w.publicInputs.count == publicInputCount else {
            throw .shapeMismatch("\(w.publicInputs.count) public inputs, circuit has \(publicInputCount)")
        }
        for i in 0..<publicInputCount where w.a[i] != w.publicInputs[i] {
            throw .publicInput(index: i, expected: w.publicInputs[i], found: w.a[i])
        }
        var entries = [LookupKey: String]()
        for t in tables {
            for r in 0..<t.count { entries[LookupKey(tag: t.tag, a: t.column0[r], b: t.column1[r], c: t.column2[r])] = t.name }
        }
        let tableSet = entries
        let scratchSize = max(1, gates.map { $0.fixedColumnCount * $0.constraintCount }.max() ?? 1)
        let chunks = Parallel.chunkCount(count: n, minChunk: 1 << 12)
        var found = [SatisfiabilityError?](repeating: nil, count: chunks)
        let circuit = self
        found.withUnsafeMutableBufferPointer { fb in
            let out = SendableBuffer(fb)
            Parallel.forEachChunk(count: n, minChunk: 1 << 12) { chunk, range in
                var scratch = [Fr](repeating: .zero, count: scratchSize)
                do throws(SatisfiabilityError) { try circuit.checkRows(range, w, tableSet, &scratch) } catch { out[chunk] = error }
            }
        }
        if let first = found.first(where: { $0 != nil }), let e = first { throw e }
        let names = ["a", "b", "c"]
        let cols = [w.a, w.b, w.c]
        for cell in 0..<(3 * n) {
            let t = permutation[cell]
            if cols[cell / n][cell % n] != cols[t / n][t % n] {
                throw .copyConstraint(fromColumn: names[cell / n], fromRow: cell % n, toColumn: names[t / n], toRow: t % n)
            }
        }
    }

    /// Checks the gates and lookups of `rows` in order; throws the first failure.
    func checkRows(_ rows: Range<Int>, _ w: Assignment, _ tableSet: [LookupKey: String], _ scratch: inout [Fr]) throws(SatisfiabilityError) {
        let n = size
        for i in rows {
            let a = w.a[i], b = w.b[i], c = w.c[i]
            var v = qL[i] * a + qR[i] * b + qO[i] * c + qM[i] * a * b + qC[i]
            if i < publicInputCount { v -= w.publicInputs[i] }
            if !v.isZero { throw .arithmeticGate(row: i, value: v) }
            let cur = w.row(i), next = w.row((i + 1) % n)
            for (g, gate) in gates.enumerated() {
                let f = gate.fixedColumnCount, off = gateColumnOffsets[g]
                var active = false
                for j in 0..<f where !gateColumns[off + j][i].isZero { active = true }
                if !active { continue }
                scratch.withUnsafeMutableBufferPointer {
                    gate.coefficients(current: cur, next: next, into: UnsafeMutableBufferPointer(rebasing: $0[0..<(f * gate.constraintCount)]))
                }
                for k in 0..<gate.constraintCount {
                    var s = Fr.zero
                    for j in 0..<f { s += gateColumns[off + j][i] * scratch[k * f + j] }
                    if !s.isZero { throw .customGate(gate: gate.name, row: i, constraint: k, value: s) }
                }
            }
            if !qLookup[i].isZero {
                let key = LookupKey(tag: qTag[i], a: a, b: b, c: c)
                if tableSet[key] == nil || !qLookup[i].isOne {
                    let name = tables.first { $0.tag == qTag[i] }?.name ?? "tag \(qTag[i])"
                    throw .lookup(row: i, table: name, values: [a, b, c])
                }
            }
        }
    }
}
