import BN254
import Polynomials

extension ConstraintSystem {
    /// Lays the system out into a circuit and its witness.
    /// - Parameter minimumSize: a lower bound for n (rounded up to a power of two).
    /// - Returns: the circuit (fixed data) and the assignment (wire values).
    /// The size is the smallest power of two ≥ max(16, minimumSize, ℓ + rows, table rows).
    public func compile(minimumSize: Int = 0) -> (circuit: CompiledCircuit, assignment: Assignment) {
        var cs = self
        let l = publicInputs.count
        let rows = l + rowCount
        let tableRows = tables.reduce(0) { $0 + $1.count }
        let needed = max(PlonkConstants.minimumSize, minimumSize, rows, tableRows)
        var n = 1
        while n < needed { n <<= 1 }
        precondition(n <= 1 << 26, "circuit too large")

        // Wires as variable indices per row (−1: unused).
        var wa = [Int](repeating: -1, count: n), wb = wa, wc = wa, wd = wa, we = wa, wf = wa
        var qL = [Fr](repeating: .zero, count: n), qR = qL, qO = qL, qM = qL, qC = qL, qLookup = qL, qTag = qL
        for (i, v) in publicInputs.enumerated() { wa[i] = v.index; qL[i] = .one }
        for r in 0..<rowCount {
            let i = l + r
            wa[i] = wireA[r]; wb[i] = wireB[r]; wc[i] = wireC[r]; wd[i] = wireD[r]; we[i] = wireE[r]; wf[i] = wireF[r]
            qL[i] = self.qL[r]; qR[i] = self.qR[r]; qO[i] = self.qO[r]; qM[i] = self.qM[r]; qC[i] = self.qC[r]
            if !lookupTag[r].isZero { qLookup[i] = .one; qTag[i] = lookupTag[r] }
        }
        // Custom-gate columns.
        var offsets = [Int](), total = 0
        for g in gates { offsets.append(total); total += g.fixedColumnCount }
        var gateColumns = [[Fr]](repeating: [Fr](repeating: .zero, count: n), count: total)
        for entry in customRows {
            for (j, f) in entry.fixed.enumerated() { gateColumns[offsets[entry.gate] + j][l + entry.row] = f }
        }
        // Permutation: link the cells of each copy class into a cycle.
        var perm = Array(0..<(3 * n))
        var first = [Int](repeating: -1, count: values.count), last = first
        let wires = [wa, wb, wc]
        for col in 0..<3 {
            for row in 0..<n {
                let v = wires[col][row]
                if v < 0 { continue }
                let r = cs.findCompress(v)
                let cell = col * n + row
                if first[r] < 0 { first[r] = cell } else { perm[last[r]] = cell }
                last[r] = cell
            }
        }
        for r in 0..<values.count where first[r] >= 0 { perm[last[r]] = first[r] }
        // Tables, padded by repeating the first row of the first table.
        var tt = [Fr](), t0 = [Fr](), t1 = [Fr](), t2 = [Fr]()
        for t in tables {
            tt += [Fr](repeating: t.tag, count: t.count); t0 += t.column0; t1 += t.column1; t2 += t.column2
        }
        if let pad = tables.first {
            while tt.count < n { tt.append(pad.tag); t0.append(pad.column0[0]); t1.append(pad.column1[0]); t2.append(pad.column2[0]) }
        } else {
            tt = [Fr](repeating: .zero, count: n); t0 = tt; t1 = tt; t2 = tt
        }
        let circuit = CompiledCircuit(size: n, publicInputCount: l, qL: qL, qR: qR, qO: qO, qM: qM, qC: qC, permutation: perm,
                                      qLookup: qLookup, qTag: qTag, tableTag: tt, table0: t0, table1: t1, table2: t2,
                                      gates: gates, gateColumns: gateColumns, gateColumnOffsets: offsets, tables: tables)
        let val: (Int) -> Fr = { $0 < 0 ? .zero : values[$0] }
        let assignment = Assignment(a: wa.map(val), b: wb.map(val), c: wc.map(val), d: wd.map(val), e: we.map(val), f: wf.map(val),
                                    publicInputs: publicInputs.map { values[$0.index] })
        return (circuit, assignment)
    }
}
