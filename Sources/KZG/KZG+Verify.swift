import BN254

/// KZG verification: single openings and several openings at one point.
extension KZG {
    /// Whether `proof` shows that the polynomial committed in `commitment`
    /// takes `value` at `point`.
    ///
    /// p(τ) − v = q(τ)(τ − z) becomes, in the exponent,
    /// e(C − [v]₁ + z·π, [1]₂) = e(π, [τ]₂), checked as one 2-pair product
    /// e(C − [v]₁ + z·π, [1]₂)·e(−π, [τ]₂) = 1 (one final exponentiation).
    /// - Parameters: points are assumed on the curve (G1 has cofactor 1, so any
    ///   decoded point is in G1).
    public static func verify(commitment: G1Projective, point z: Fr, value v: Fr,
                              proof: G1Projective, srs: SRS) -> Bool {
        let lhs = commitment + G1Projective.generator.multiplied(by: -v) + proof.multiplied(by: z)
        return Pairing.pairingCheck([(lhs.toAffine(), srs.g2Generator), ((-proof).toAffine(), srs.g2Tau)])
    }

    /// Verifies several openings at one point with fresh OS randomness; see
    /// `batchVerify(commitments:point:values:proofs:srs:using:)`.
    public static func batchVerify(commitments: [G1Projective], point z: Fr, values: [Fr],
                                   proofs: [G1Projective], srs: SRS) -> Bool {
        var rng = SystemRandomNumberGenerator()
        return batchVerify(commitments: commitments, point: z, values: values, proofs: proofs, srs: srs, using: &rng)
    }

    /// Whether every (Cⱼ, vⱼ, πⱼ) is a valid opening at z, with one pairing check.
    ///
    /// With a random γ the verifier checks the γ-combination of the single
    /// checks: e(Σγ^j(Cⱼ − [vⱼ]₁) + z·Σγ^jπⱼ, [1]₂) = e(Σγ^jπⱼ, [τ]₂). If some
    /// opening is wrong, the combined equation holds for at most m − 1 values
    /// of γ out of r (a non-zero polynomial of degree < m in γ), so a false
    /// batch passes with probability < m/r.
    /// - Parameters:
    ///   - commitments, values, proofs: equal counts (false otherwise; true when empty).
    ///   - rng: source of γ, unpredictable to the prover.
    public static func batchVerify<G: RandomNumberGenerator>(
        commitments: [G1Projective], point z: Fr, values: [Fr], proofs: [G1Projective],
        srs: SRS, using rng: inout G
    ) -> Bool {
        let m = commitments.count
        guard values.count == m, proofs.count == m else { return false }
        if m == 0 { return true }
        let gamma = Fr.random(using: &rng)
        var weights = [Fr](repeating: .one, count: m)
        for j in 1..<max(m, 1) { weights[j] = weights[j - 1] * gamma }
        var vSum = Fr.zero
        for j in 0..<m { vSum += weights[j] * values[j] }
        let cSum = G1Projective.msm(points: G1Projective.batchToAffine(commitments), scalars: weights)
        let pSum = G1Projective.msm(points: G1Projective.batchToAffine(proofs), scalars: weights)
        let lhs = cSum + G1Projective.generator.multiplied(by: -vSum) + pSum.multiplied(by: z)
        return Pairing.pairingCheck([(lhs.toAffine(), srs.g2Generator), ((-pSum).toAffine(), srs.g2Tau)])
    }
}
