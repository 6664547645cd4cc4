import BN254
import Plonk
import Poseidon

/// The custom gate of the t = 3 Poseidon gadget: one row per partial round,
/// three per full round, each row computing the next row's state.
///
/// A row holds a state (a, b, c) whose round constants are already added, and
/// d = a². With s = d²·a = a⁵ (the S-box of a, degree 3), the row types are
/// switched on by fixed selectors:
///
/// | selector | next row (a′, b′, c′) |
/// |---|---|
/// | qPartial | M·(s, b, c) + K |
/// | qRotate | (b, c, s) |
/// | qFullLast | M·(b, c, s) + K |
/// | qAdd | (a, b, c) + K |
///
/// so a full round is rotate, rotate, full-last (the S-box has then been
/// applied to all three elements and they are back in order), a partial round
/// is one partial row, and K (fixed columns K0, K1, K2) holds the constants of
/// the following round. The constraints are linear in the 7 fixed columns
/// [qPartial, qRotate, qFullLast, qAdd, K0, K1, K2] with coefficients of degree
/// ≤ 3 in the wires:
///
/// - k = 0, 1, 2: Σ_sel sel·(formula_k − next_k) + K_k = 0;
/// - k = 3: (qPartial + qRotate + qFullLast)·(a² − d) = 0 (the add row does not use d).
///
/// The MDS matrix M is a constant of the gate (not a column), read from
/// `Poseidon.Parameters`, so native and in-circuit Poseidon share one table.
public struct PoseidonGate: CustomGate {
    /// Fixed-column indices: the four row-type selectors, then K0 (K1, K2 follow it).
    public enum Column {
        /// qPartial, qRotate, qFullLast, qAdd, and the first of the three constant columns.
        public static let partial = 0, rotate = 1, fullLast = 2, add = 3, k0 = 4
    }

    /// Stable name (goes into verification keys).
    public var name: String { "poseidon.t3.circom" }
    /// qPartial, qRotate, qFullLast, qAdd, K0, K1, K2.
    public var fixedColumnCount: Int { 7 }
    /// next.a, next.b, next.c, and d = a².
    public var constraintCount: Int { 4 }
    /// Every constraint but the last reads the next row.
    public var readsNextRow: Bool { true }

    @usableFromInline let m00: Fr, m01: Fr, m02: Fr, m10: Fr, m11: Fr, m12: Fr, m20: Fr, m21: Fr, m22: Fr

    /// The gate for a t = 3 instance (circomlib's by default).
    public init(parameters p: Poseidon.Parameters = .t3) {
        precondition(p.t == 3, "the gate is for t = 3")
        let m = p.mds
        (m00, m01, m02) = (m[0][0], m[0][1], m[0][2])
        (m10, m11, m12) = (m[1][0], m[1][1], m[1][2])
        (m20, m21, m22) = (m[2][0], m[2][1], m[2][2])
    }

    /// The 4 × 7 coefficients g_{k,j} of the table above (degree ≤ 3 in the wires).
    public func coefficients(current w: WireValues, next n: WireValues, into out: UnsafeMutableBufferPointer<Fr>) {
        let s = w.d * w.d * w.a
        let sq = w.a * w.a - w.d
        // Constraint 0: next.a
        out[0] = m00 * s + m01 * w.b + m02 * w.c - n.a
        out[1] = w.b - n.a
        out[2] = m00 * w.b + m01 * w.c + m02 * s - n.a
        out[3] = w.a - n.a
        out[4] = .one; out[5] = .zero; out[6] = .zero
        // Constraint 1: next.b
        out[7] = m10 * s + m11 * w.b + m12 * w.c - n.b
        out[8] = w.c - n.b
        out[9] = m10 * w.b + m11 * w.c + m12 * s - n.b
        out[10] = w.b - n.b
        out[11] = .zero; out[12] = .one; out[13] = .zero
        // Constraint 2: next.c
        out[14] = m20 * s + m21 * w.b + m22 * w.c - n.c
        out[15] = s - n.c
        out[16] = m20 * w.b + m21 * w.c + m22 * s - n.c
        out[17] = w.c - n.c
        out[18] = .zero; out[19] = .zero; out[20] = .one
        // Constraint 3: d = a² on S-box rows.
        out[21] = sq; out[22] = sq; out[23] = sq
        out[24] = .zero; out[25] = .zero; out[26] = .zero; out[27] = .zero
    }
}
