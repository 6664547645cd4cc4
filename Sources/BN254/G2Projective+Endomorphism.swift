extension G2Projective {
    /// ψ = twist⁻¹ ∘ Frobenius ∘ twist, the p-power Frobenius of E carried to
    /// the twist: (x, y) ↦ (conj(x)·ξ^((p−1)/3), conj(y)·ξ^((p−1)/2)).
    ///
    /// In Jacobian coordinates Z is conjugated too. ψ satisfies
    /// ψ² − tψ + p = 0 on the whole twist (t = 6x² + 1, the trace) and acts on
    /// G2 as multiplication by p ≡ 6x² (mod r).
    public func psi() -> G2Projective {
        G2Projective(x: x.conjugate() * TowerConstants.gamma1_2,
                     y: y.conjugate() * TowerConstants.gamma1_3,
                     z: z.conjugate())
    }

    /// Whether the point lies in G2, the subgroup of order r, tested as
    /// [x + 1]P + ψ([x]P) + ψ²([x]P) = ψ³([2x]P): one 63-bit multiplication by
    /// the BN parameter x instead of [r]P = O (Dai, Lin, Zhao, Zhou, "Fast
    /// subgroup membership testing for G1, G2 and GT on pairing-friendly
    /// curves", eprint 2022/348, §3 and §5.1).
    ///
    /// Why it is exact: ψ satisfies ψ² − tψ + p = 0 on the twist (t = 6x² + 1),
    /// so α = (x + 1) + xψ + xψ² − 2xψ³ reduces to b0 + b1ψ with integers
    /// b0, b1. On G2, ψ acts as [p] and (x + 1) + xp + xp² − 2xp³ ≡ 0 (mod r),
    /// so α kills G2. The kernel of α in E′(Fq2) has order dividing
    /// gcd(N(α), #E′(Fq2)) with N(α) = b0² + t·b0·b1 + p·b1², and
    /// N(α)/r is coprime to the cofactor 2p − r, so that kernel is G2 itself.
    /// `scripts/gen-tower-constants.py` asserts both facts; the tests compare
    /// the result with [r]P = O on points in and out of G2.
    ///
    /// - Precondition (unchecked): the point is on the twist.
    public var isInSubgroup: Bool {
        if isInfinity { return true }
        let xp = multiplied(byLimbs: [TowerConstants.x])
        let psiXP = xp.psi()
        let lhs = xp + self + psiXP + psiXP.psi()
        let rhs = xp.double().psi().psi().psi()
        return lhs == rhs
    }
}

extension G2Affine {
    /// ψ on an affine point; see `G2Projective.psi()`.
    public func psi() -> G2Affine {
        if isInfinity { return self }
        return G2Affine(x: x.conjugate() * TowerConstants.gamma1_2, y: y.conjugate() * TowerConstants.gamma1_3)
    }
}
