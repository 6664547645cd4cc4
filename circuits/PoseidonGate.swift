import BN254
import Plonk
import Poseidon

/// The custom gate of the t = 3 Poseidon gadget: one row per full round, three partial
/// rounds per row, 29 rows per permutation.
///
/// Every S-box row holds three values in a, b, c and their squares in d, e, f, so that
/// x⁵ = (x²)²·x has degree 3 (sa = d²a, sb = e²b, sc = f²c; sna, snb the same on the
/// next row). The row types, switched on by fixed selectors, say what the next row holds:
///
/// | selector | row holds | next row (a′, b′, c′) |
/// |---|---|---|
/// | qAdd | the input | (a, b, c) + K |
/// | qFull | a full state | M·(sa, sb, sc) + K |
/// | qEntry | the last full state before the partial rounds | x_i, x_{i+1}, x_{i+2}: `PoseidonRoundForms.entry` · (sa, sb, sc, sna, snb) + K |
/// | qPartial | three S-box inputs x_i, x_{i+1}, x_{i+2} | the next three: c·(sa, sb, sc, b, c), c·(sb, sc, sna, c, a′), c·(sc, sna, snb, a′, b′) + K |
/// | qExit | the last three S-box inputs | the full state: `PoseidonRoundForms.exit` · (sa, sb, sc, b, c) + K |
/// | qLevel | a Merkle level (cur, sibling, bit) | the input (0, l, r) + K, (l, r) = bit ? (sibling, cur) : (cur, sibling) |
/// | qSelect | (h, end, enabled) after a level's hash | a′ = end + enabled·(h − end) (only a′) |
/// | qLast | a level's last full state | a′ = (M·(sa, sb, sc))₀ + K0 (only a′: the hash) |
///
/// qLevel and qSelect let a Merkle path be one run of rows: the level row replaces the add row
/// and swaps by the path bit (degree 2), the select row holds the hash and chooses between it and
/// the path's end for the next level's node (the compressed tree's variable depth), so a level
/// costs the permutation's rows alone (`PoseidonGadget.merklePath`); qLast is the level's last full
/// round, which fixes only the hash so that the select row can hold the path's end and flag.
///
/// The partial rows carry no hidden state: three consecutive S-box inputs determine it,
/// so each next input is an affine function of the last three with coefficients c that
/// depend on M only (`PoseidonRoundForms`). K (fixed columns K0, K1, K2) holds the row's
/// constants: the next round's constants on add and full rows, the derived constants on
/// the others (zero on select rows, K0 only on qLast rows). The constraints are linear in the 11
/// fixed columns [qAdd, qFull, qEntry, qPartial, qExit, qLevel, qSelect, qLast, K0, K1, K2] with
/// coefficients of degree ≤ 3:
///
/// - k = 0, 1, 2: Σ_sel sel·(formula_k − next_k) + K_k = 0;
/// - k = 3, 4, 5: (qFull + qEntry + qPartial + qExit + qLast)·(a² − d), ·(b² − e), ·(c² − f).
///
/// M and the derived coefficients are constants of the gate (not columns), computed from
/// `Poseidon.Parameters`, so native and in-circuit Poseidon share one table. The settlement
/// contract evaluates the same coefficients (fixtures/settlement/Rollup.vy).
public struct PoseidonGate: CustomGate {
    /// Fixed-column indices: the seven row-type selectors, then K0 (K1, K2 follow it).
    public enum Column {
        /// qAdd, qFull, qEntry, qPartial, qExit, qLevel, qSelect, qLast, and the first of the three constant columns.
        public static let add = 0, full = 1, entry = 2, partial = 3, exit = 4, level = 5, select = 6, last = 7, k0 = 8
        /// The number of fixed columns.
        public static let count = 11
    }

    /// Stable name (goes into verification keys).
    public var name: String { "poseidon.t3.circom.w6" }
    /// qAdd, qFull, qEntry, qPartial, qExit, qLevel, qSelect, qLast, K0, K1, K2.
    public var fixedColumnCount: Int { Column.count }
    /// next.a, next.b, next.c, and the three squares.
    public var constraintCount: Int { 6 }
    /// The transitions read the next row.
    public var readsNextRow: Bool { true }

    /// The MDS matrix, row-major.
    @usableFromInline let m: [Fr]
    /// The entry and exit matrices (3 × 5, row-major) and the partial recurrence (5).
    @usableFromInline let entry: [Fr], exit: [Fr], partial: [Fr]

    /// The gate for a t = 3 instance (circomlib's by default).
    public init(parameters p: Poseidon.Parameters = .t3) {
        self.init(forms: PoseidonRoundForms(parameters: p), mds: p.mds)
    }

    /// The gate from already derived forms (the gadget derives them once).
    init(forms: PoseidonRoundForms, mds: [[Fr]]) {
        m = mds.flatMap { $0 }
        precondition(forms.entry[0][3].isZero && forms.entry[0][4].isZero && forms.entry[1][4].isZero,
                     "the entry row's first inputs cannot read later S-boxes")
        entry = forms.entry.flatMap { $0 }
        exit = forms.exit.flatMap { $0 }
        partial = forms.partial
    }

    /// The 6 × 11 coefficients g_{k,j} of the table above (degree ≤ 3 in the wires).
    /// Written out per constraint (row-major, 11 per constraint; zero where not set).
    public func coefficients(current w: WireValues, next n: WireValues, into out: UnsafeMutableBufferPointer<Fr>) {
        let sa = w.d * w.d * w.a, sb = w.e * w.e * w.b, sc = w.f * w.f * w.c
        let sna = n.d * n.d * n.a, snb = n.e * n.e * n.b
        let p0 = partial[0], p1 = partial[1], p2 = partial[2], p3 = partial[3], p4 = partial[4]
        let swap = w.c * (w.b - w.a)                      // level rows: bit·(sibling − cur)
        for i in 0..<out.count { out[i] = .zero }
        // Constraint 0: next.a. (The entry's x_i reads no next-row S-box.)
        out[0] = w.a - n.a
        out[1] = m[0] * sa + m[1] * sb + m[2] * sc - n.a
        out[2] = entry[0] * sa + entry[1] * sb + entry[2] * sc - n.a
        out[3] = p0 * sa + p1 * sb + p2 * sc + p3 * w.b + p4 * w.c - n.a
        out[4] = exit[0] * sa + exit[1] * sb + exit[2] * sc + exit[3] * w.b + exit[4] * w.c - n.a
        out[5] = -n.a
        out[6] = w.b + w.c * (w.a - w.b) - n.a
        out[7] = out[1]
        out[8] = .one
        // Constraint 1: next.b. (The entry's x_{i+1} reads x_i⁵ = sna.)
        out[11] = w.b - n.b
        out[12] = m[3] * sa + m[4] * sb + m[5] * sc - n.b
        out[13] = entry[5] * sa + entry[6] * sb + entry[7] * sc + entry[8] * sna - n.b
        out[14] = p0 * sb + p1 * sc + p2 * sna + p3 * w.c + p4 * n.a - n.b
        out[15] = exit[5] * sa + exit[6] * sb + exit[7] * sc + exit[8] * w.b + exit[9] * w.c - n.b
        out[16] = w.a + swap - n.b
        out[20] = .one
        // Constraint 2: next.c.
        out[22] = w.c - n.c
        out[23] = m[6] * sa + m[7] * sb + m[8] * sc - n.c
        out[24] = entry[10] * sa + entry[11] * sb + entry[12] * sc + entry[13] * sna + entry[14] * snb - n.c
        out[25] = p0 * sc + p1 * sna + p2 * snb + p3 * n.a + p4 * n.b - n.c
        out[26] = exit[10] * sa + exit[11] * sb + exit[12] * sc + exit[13] * w.b + exit[14] * w.c - n.c
        out[27] = w.b - swap - n.c
        out[32] = .one
        // Constraints 3–5: the squares on every S-box row.
        let squares = (w.a * w.a - w.d, w.b * w.b - w.e, w.c * w.c - w.f)
        for k in 0..<3 {
            let o = 33 + 11 * k
            let q = k == 0 ? squares.0 : (k == 1 ? squares.1 : squares.2)
            out[o + 1] = q; out[o + 2] = q; out[o + 3] = q; out[o + 4] = q; out[o + 7] = q
        }
    }

    /// The quotient's term written out (the same polynomial as `coefficients` summed with the
    /// fixed columns and weights, without the products by zeros and ones):
    /// Σ_k α_k·(Σ_sel sel·formula_{sel,k} − (Σ sel)·next_k + K_k) + (Σ S-box sel)·Σ_k α_{3+k}·square_k,
    /// where qSelect and qLast have no formula on k = 1, 2.
    public func accumulate(current w: WireValues, next n: WireValues, fixed: UnsafePointer<Fr>, stride: Int,
                           alphas: UnsafePointer<Fr>) -> Fr {
        let qAdd = fixed[0], qFull = fixed[stride], qEntry = fixed[2 * stride]
        let qPartial = fixed[3 * stride], qExit = fixed[4 * stride]
        let qLevel = fixed[5 * stride], qSelect = fixed[6 * stride], qLast = fixed[7 * stride]
        let sa = w.d * w.d * w.a, sb = w.e * w.e * w.b, sc = w.f * w.f * w.c
        let sna = n.d * n.d * n.a, snb = n.e * n.e * n.b
        let qFullState = qFull + qEntry + qPartial + qExit   // S-box rows that set all of next.a, next.b, next.c
        let qSbox = qFullState + qLast
        let qNext = qFullState + qAdd + qLevel                // every type that sets all three
        let p0 = partial[0], p1 = partial[1], p2 = partial[2], p3 = partial[3], p4 = partial[4]
        let levelSwap = qLevel * (w.c * (w.b - w.a))
        let t0 = qAdd * w.a
            + (qFull + qLast) * (m[0] * sa + m[1] * sb + m[2] * sc)
            + qEntry * (entry[0] * sa + entry[1] * sb + entry[2] * sc)
            + qPartial * (p0 * sa + p1 * sb + p2 * sc + p3 * w.b + p4 * w.c)
            + qExit * (exit[0] * sa + exit[1] * sb + exit[2] * sc + exit[3] * w.b + exit[4] * w.c)
            + qSelect * (w.b + w.c * (w.a - w.b) - n.a)
            - (qNext + qLast) * n.a + fixed[8 * stride]
        let t1 = qAdd * w.b
            + qFull * (m[3] * sa + m[4] * sb + m[5] * sc)
            + qEntry * (entry[5] * sa + entry[6] * sb + entry[7] * sc + entry[8] * sna)
            + qPartial * (p0 * sb + p1 * sc + p2 * sna + p3 * w.c + p4 * n.a)
            + qExit * (exit[5] * sa + exit[6] * sb + exit[7] * sc + exit[8] * w.b + exit[9] * w.c)
            + qLevel * w.a + levelSwap
            - qNext * n.b + fixed[9 * stride]
        let t2 = qAdd * w.c
            + qFull * (m[6] * sa + m[7] * sb + m[8] * sc)
            + qEntry * (entry[10] * sa + entry[11] * sb + entry[12] * sc + entry[13] * sna + entry[14] * snb)
            + qPartial * (p0 * sc + p1 * sna + p2 * snb + p3 * n.a + p4 * n.b)
            + qExit * (exit[10] * sa + exit[11] * sb + exit[12] * sc + exit[13] * w.b + exit[14] * w.c)
            + qLevel * w.b - levelSwap
            - qNext * n.c + fixed[10 * stride]
        let squares = alphas[3] * (w.a * w.a - w.d) + alphas[4] * (w.b * w.b - w.e) + alphas[5] * (w.c * w.c - w.f)
        return alphas[0] * t0 + alphas[1] * t1 + alphas[2] * t2 + qSbox * squares
    }
}
