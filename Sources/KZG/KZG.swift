import BN254

/// KZG polynomial commitments (Kate, Zaverucha, Goldberg 2010) over an `SRS`.
public enum KZG {
    /// `[p(τ)]₁ = Σ cᵢ·[τ^i]₁` for coefficients `c` (lowest degree first).
    /// Requires `coefficients.count ≤ srs.maxCoefficients`.
    public static func commit(_ coefficients: [Fr], srs: SRS) -> G1Projective {
        precondition(coefficients.count <= srs.g1Powers.count,
                     "polynomial of \(coefficients.count) coefficients exceeds the SRS (\(srs.g1Powers.count) powers)")
        if coefficients.isEmpty { return .identity }
        let bases = coefficients.count == srs.g1Powers.count ? srs.g1Powers : Array(srs.g1Powers[0..<coefficients.count])
        return G1Projective.msm(points: bases, scalars: coefficients)
    }
}
