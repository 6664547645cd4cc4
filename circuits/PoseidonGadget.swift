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
        let rc = Poseidon.Parameters.t3.roundConstants
        cs.addCustomRow(gate: gate, fixed: fixed(PoseidonGate.Column.add, rc[0]), a: state[0], b: state[1], c: state[2])
        let out = rounds(&cs, (0..<3).map { cs.value(of: state[$0]) + rc[0][$0] }).map { cs.alloc($0) }
        cs.addRow(a: out[0], b: out[1], c: out[2])
        return out
    }

    /// One level of a Merkle path as `merklePath` lays it out.
    public struct Level {
        /// The path bit (boolean, constrained by the caller): 1 puts the node on the right.
        public var bit: Variable
        /// The sibling.
        public var sibling: Variable
        /// 1 where the path reaches the level (the node becomes the hash), 0 below the path's
        /// end (the node stays `end`); boolean, constrained by the caller.
        public var enabled: Variable
        /// A level.
        public init(bit: Variable, sibling: Variable, enabled: Variable) {
            self.bit = bit; self.sibling = sibling; self.enabled = enabled
        }
    }

    /// A Merkle path folded from `end` over `levels` (bottom first) as one run of rows: per level a
    /// qLevel row (node, sibling, bit) that swaps into the permutation's input (0, l, r), the
    /// permutation's rounds, and a qSelect row (hash, end, enabled) whose next row's a is the next
    /// node, end + enabled·(hash − end); a plain row holds the root at the end. 29 rows per level
    /// plus one, against 36 for `hash` with arithmetic swap and select rows.
    /// - Returns: the root (the node above the top level).
    public static func merklePath(_ cs: inout ConstraintSystem, end: Variable, levels: [Level]) -> Variable {
        let rc = Poseidon.Parameters.t3.roundConstants
        let endValue = cs.value(of: end)
        var node = end
        for level in levels {
            let cur = cs.value(of: node), sib = cs.value(of: level.sibling)
            let right = cs.value(of: level.bit) == .one
            let (l, r) = right ? (sib, cur) : (cur, sib)
            cs.addCustomRow(gate: gate, fixed: fixed(PoseidonGate.Column.level, rc[0]), a: node, b: level.sibling, c: level.bit)
            let h = rounds(&cs, [rc[0][0], l + rc[0][1], r + rc[0][2]], hashOnly: true)[0]
            let hash = cs.alloc(h)
            cs.addCustomRow(gate: gate, fixed: fixed(PoseidonGate.Column.select, [.zero, .zero, .zero]),
                            a: hash, b: end, c: level.enabled)
            node = cs.alloc(cs.value(of: level.enabled) == .one ? h : endValue)
        }
        cs.addRow(a: node)
        return node
    }

    /// A row's fixed values: the selector `column` and the constants K.
    static func fixed(_ column: Int, _ k: [Fr]) -> [Fr] {
        var v = [Fr](repeating: .zero, count: PoseidonGate.Column.count)
        v[column] = .one
        for i in 0..<3 { v[PoseidonGate.Column.k0 + i] = k[i] }
        return v
    }

    /// The rows after the input row: `s` is the input with the round-0 constants added; returns
    /// the output state's values (the caller's next row must hold it in a, b, c, or with
    /// `hashOnly` element 0 in a: the last row is then qLast).
    static func rounds(_ cs: inout ConstraintSystem, _ start: [Fr], hashOnly: Bool = false) -> [Fr] {
        let p = Poseidon.Parameters.t3, f = forms
        let rc = p.roundConstants
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

        var s = start
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
            let last = hashOnly && r == p.rounds - 1
            sboxRow(last ? PoseidonGate.Column.last : PoseidonGate.Column.full, s, constants(r + 1))
            s = mix(s.map(sbox))
            addConstants(&s, round: r + 1)
        }
        return s
    }

    /// circomlib's `poseidon([x, y])` in the circuit: element 0 of the
    /// permutation of (0, x, y).
    public static func hash(_ cs: inout ConstraintSystem, _ x: Variable, _ y: Variable) -> Variable {
        let zero = cs.zero()
        return permute(&cs, [zero, x, y])[0]
    }
}
