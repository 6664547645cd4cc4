import BN254
import Plonk
import Poseidon

/// Poseidon (t = 3, circomlib parameters) inside a `ConstraintSystem`, with
/// `PoseidonGate`: 83 rows per permutation (1 add-constants row, 8 full rounds
/// × 3 rows, 57 partial rounds × 1 row, 1 output row) instead of several
/// hundred plain arithmetic rows.
public enum PoseidonGadget {
    /// Rows one `permute` adds.
    public static let rowsPerPermutation = 83

    /// Adds the permutation of `state` (3 variables) and returns the output
    /// state as 3 new variables on the gadget's last row. The witness values are
    /// computed natively alongside, from the same `Poseidon.Parameters` tables.
    ///
    /// Layout: row 0 holds the input (copy-constrained to `state`) with qAdd and
    /// K = round-0 constants; every following row holds the state of one round
    /// with its constants added, d = a², and the selector of its row type
    /// (see `PoseidonGate`); its K are the next round's constants (zero after
    /// the last round). The output row has no gate.
    public static func permute(_ cs: inout ConstraintSystem, _ state: [Variable],
                               parameters p: Poseidon.Parameters = .t3) -> [Variable] {
        precondition(state.count == 3 && p.t == 3, "the gadget permutes 3 variables")
        let gate = PoseidonGate(parameters: p)
        let rc = p.roundConstants
        /// The row's fixed values: its selector, and K = round r's constants
        /// (none past the last round, none on rotate rows).
        func fixed(_ column: Int, nextRound r: Int) -> [Fr] {
            var f = [Fr](repeating: .zero, count: 7)
            f[column] = .one
            if r < p.rounds && column != PoseidonGate.Column.rotate {
                for i in 0..<3 { f[PoseidonGate.Column.k0 + i] = rc[r][i] }
            }
            return f
        }
        var s = state.map { cs.value(of: $0) }
        cs.addCustomRow(gate: gate, fixed: fixed(PoseidonGate.Column.add, nextRound: 0),
                        a: state[0], b: state[1], c: state[2])
        for i in 0..<3 { s[i] += rc[0][i] }
        let m = p.mds
        func mix(_ x: [Fr]) -> [Fr] { (0..<3).map { i in m[i][0] * x[0] + m[i][1] * x[1] + m[i][2] * x[2] } }
        func sbox(_ x: Fr) -> Fr { x.square().square() * x }

        for r in 0..<p.rounds {
            if p.isFullRound(r) {
                // rotate, rotate, full-last: (x0,x1,x2) → (x1,x2,x0⁵) → (x2,x0⁵,x1⁵) → M·(x0⁵,x1⁵,x2⁵) + K.
                var row = s
                for step in 0..<3 {
                    let vars = row.map { cs.alloc($0) }
                    let d = cs.alloc(row[0].square())
                    let column = step < 2 ? PoseidonGate.Column.rotate : PoseidonGate.Column.fullLast
                    cs.addCustomRow(gate: gate, fixed: fixed(column, nextRound: r + 1), a: vars[0], b: vars[1], c: vars[2], d: d)
                    row = [row[1], row[2], sbox(row[0])]
                }
                s = mix(row)
            } else {
                let vars = s.map { cs.alloc($0) }
                let d = cs.alloc(s[0].square())
                cs.addCustomRow(gate: gate, fixed: fixed(PoseidonGate.Column.partial, nextRound: r + 1),
                                a: vars[0], b: vars[1], c: vars[2], d: d)
                s = mix([sbox(s[0]), s[1], s[2]])
            }
            if r + 1 < p.rounds { for i in 0..<3 { s[i] += rc[r + 1][i] } }
        }
        let out = s.map { cs.alloc($0) }
        cs.addRow(a: out[0], b: out[1], c: out[2])
        return out
    }

    /// circomlib's `poseidon([x, y])` in the circuit: element 0 of the
    /// permutation of (0, x, y).
    public static func hash(_ cs: inout ConstraintSystem, _ x: Variable, _ y: Variable) -> Variable {
        let zero = cs.zero()
        return permute(&cs, [zero, x, y])[0]
    }
}
