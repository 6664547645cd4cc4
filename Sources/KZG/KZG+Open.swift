import BN254

/// KZG openings (Kate, Zaverucha, Goldberg, ASIACRYPT 2010, §3.2).
extension KZG {
    /// Opens the polynomial p with the given coefficients at z.
    ///
    /// The witness polynomial is q(X) = (p(X) − p(z)) / (X − z), computed by
    /// synthetic division (Horner's scheme run from the top coefficient: the
    /// running values are q's coefficients and the last one is p(z)), and the
    /// proof is its commitment [q(τ)]₁.
    /// - Parameters:
    ///   - coefficients: p, lowest degree first; at most `srs.maxCoefficients`.
    ///   - z: the evaluation point.
    ///   - srs: the SRS the commitment was made with.
    /// - Returns: p(z) and the proof [q(τ)]₁ (the identity for constant p).
    public static func open(coefficients: [Fr], at z: Fr, srs: SRS) -> (value: Fr, proof: G1Projective) {
        let (value, quotient) = divideByLinear(coefficients, z)
        return (value, commit(quotient, srs: srs))
    }

    /// (p(z), (p(X) − p(z)) / (X − z)) by synthetic division; the quotient has
    /// one coefficient fewer than p (none for a constant or empty p).
    public static func divideByLinear(_ p: [Fr], _ z: Fr) -> (value: Fr, quotient: [Fr]) {
        guard p.count > 1 else { return (p.first ?? .zero, []) }
        var q = [Fr](repeating: .zero, count: p.count - 1)
        var acc = p[p.count - 1]
        for i in stride(from: p.count - 2, through: 0, by: -1) {
            q[i] = acc
            acc = acc * z + p[i]
        }
        return (acc, q)
    }
}
