import BN254
import Plonk
import Poseidon

/// Poseidon (t = 3, circomlib parameters) inside a `ConstraintSystem`, with
/// `PoseidonGate`: 29 rows per permutation (1 add-constants row, 8 full rounds × 1 row,
/// 57 partial rounds in 19 rows of three, 1 output row) instead of several hundred
/// plain arithmetic rows.
public enum PoseidonGadget {
    /// Rows one `permute` adds.
    public static let rowsPerPermutation = 29

    /// The circomlib gate and its derived constants, computed once.
    static let forms = PoseidonRoundForms(parameters: .t3)
    static let gate = PoseidonGate(forms: forms, mds: Poseidon.Parameters.t3.mds)

    /// Adds the permutation of `state` (3 variables) and returns the output
    /// state as 3 new variables on the gadget's last row. The witness values are
    /// computed natively alongside, from the same `Poseidon.Parameters` tables.
    ///
    /// Layout (see `PoseidonGate`): row 0 holds the input (copy-constrained to `state`)
    /// with qAdd and K = round-0 constants; then one row per full round holding the
    /// state with its constants added and the squares; the last full round before the
    /// partial rounds is the entry row; 19 rows of three partial-round S-box inputs
    /// with their squares, the last one the exit row; the remaining full rounds; and
    /// the output row, which has no gate.
    public static func permute(_ cs: inout ConstraintSystem, _ state: [Variable]) -> [Variable] {
        precondition(state.count == 3, "the gadget permutes 3 variables")
        let p = Poseidon.Parameters.t3, f = forms
        let rc = p.roundConstants
        func fixed(_ column: Int, _ k: [Fr]) -> [Fr] {
            var v = [Fr](repeating: .zero, count: 8)
            v[column] = .one
            for i in 0..<3 { v[PoseidonGate.Column.k0 + i] = k[i] }
            return v
        }
        func constants(_ r: Int) -> [Fr] { r < p.rounds ? rc[r] : [.zero, .zero, .zero] }
        /// One S-box row holding `x` and the squares.
        func sboxRow(_ column: Int, _ x: [Fr], _ k: [Fr]) {
            let v = x.map { cs.alloc($0) }, sq = x.map { cs.alloc($0.square()) }
            cs.addCustomRow(gate: gate, fixed: fixed(column, k), a: v[0], b: v[1], c: v[2], d: sq[0], e: sq[1], f: sq[2])
        }
        let m = p.mds
        func mix(_ x: [Fr]) -> [Fr] { (0..<3).map { i in m[i][0] * x[0] + m[i][1] * x[1] + m[i][2] * x[2] } }
        func sbox(_ x: Fr) -> Fr { x.square().square() * x }
        func addConstants(_ x: inout [Fr], round r: Int) { let k = constants(r); for i in 0..<3 { x[i] += k[i] } }

        var s = state.map { cs.value(of: $0) }
        cs.addCustomRow(gate: gate, fixed: fixed(PoseidonGate.Column.add, rc[0]), a: state[0], b: state[1], c: state[2])
        addConstants(&s, round: 0)
        let first = f.firstPartial
        for r in 0..<first {
            let column = r == first - 1 ? PoseidonGate.Column.entry : PoseidonGate.Column.full
            sboxRow(column, s, r == first - 1 ? f.entryConstants : constants(r + 1))
            s = mix(s.map(sbox))
            addConstants(&s, round: r + 1)
        }
        for row in 0..<f.partialRows {
            // The row's three S-box inputs: run its three partial rounds natively.
            var xs = [Fr]()
            for j in 0..<3 {
                xs.append(s[0])
                s = mix([sbox(s[0]), s[1], s[2]])
                addConstants(&s, round: first + 3 * row + j + 1)
            }
            let last = row == f.partialRows - 1
            sboxRow(last ? PoseidonGate.Column.exit : PoseidonGate.Column.partial, xs,
                    last ? f.exitConstants : f.partialConstants[row])
        }
        for r in (first + p.partialRounds)..<p.rounds {
            sboxRow(PoseidonGate.Column.full, s, constants(r + 1))
            s = mix(s.map(sbox))
            addConstants(&s, round: r + 1)
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
