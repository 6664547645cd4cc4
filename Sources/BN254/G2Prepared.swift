/// A point of G2 with the line coefficients of its Miller loop precomputed,
/// for pairings against a fixed G2 point (the KZG and Plonk verifiers pair
/// with the verification key's [1]₂ and [τ]₂ every time).
///
/// The running point T = [k]Q and every line through it depend on Q alone;
/// only the evaluation at P does not. Each stored line (a, b, c) has the value
/// a·y_P + b·x_P·w + c·vw at P, so a prepared Miller loop spends 4 Fq
/// multiplications per line instead of the 28 (doubling) or 43 (addition) of
/// the point arithmetic. The 88 lines take about 17 KiB.
public struct G2Prepared: Sendable {
    /// (a, b, c) per line, in Miller-loop order: for each NAF digit of 6x + 2
    /// below the top one, the doubling line, then the addition line when the
    /// digit is ±1; then the lines through π(Q) and −π²(Q).
    let lines: [(Fq2, Fq2, Fq2)]
    /// Whether Q is the point at infinity (then there are no lines and every
    /// pair with it contributes 1).
    public let isInfinity: Bool

    /// The number of stored lines: 88 (65 doublings, 21 additions and the two
    /// Frobenius lines), 0 at infinity.
    public var lineCount: Int { lines.count }

    /// Precomputes the lines of Q.
    ///
    /// - Parameter q: a point of G2 (assumed on the twist and in G2).
    public init(_ q: G2Affine) {
        isInfinity = q.isInfinity
        if q.isInfinity { lines = []; return }
        // With x_P = y_P = 1 the steps return the P-independent coefficients:
        // doubling gives (−2YZ, 3X², 3b′Z² − Y²), addition (λ, −θ, θx_R − λy_R).
        var pair = MillerPair(G1Affine(x: .one, y: .one), q)
        var out: [(Fq2, Fq2, Fq2)] = []
        out.reserveCapacity(2 * TowerConstants.ateLoopLength)
        let positive = TowerConstants.ateLoopPositive
        let negative = TowerConstants.ateLoopNegative
        for i in stride(from: TowerConstants.ateLoopLength - 2, through: 0, by: -1) {
            out.append(pair.doubleStep())
            if (positive >> UInt128(i)) & 1 == 1 {
                out.append(pair.addStep(pair.q))
            } else if (negative >> UInt128(i)) & 1 == 1 {
                out.append(pair.addStep(pair.qNeg))
            }
        }
        out.append(pair.addStep(q.psi()))
        out.append(pair.addStep(G2Affine(x: q.x * TowerConstants.gamma2_2, y: q.y)))
        lines = out
    }
}
