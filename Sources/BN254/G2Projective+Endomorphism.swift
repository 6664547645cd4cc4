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
    /// ψ(P) = [6x²]P: a 127-bit multiplication instead of [r]P = O.
    ///
    /// Why it suffices: write P = P_r + P_h with P_r in G2 and P_h of order
    /// dividing the cofactor h = 2p − r (gcd(h, r) = 1). ψ(P_r) = [6x²]P_r,
    /// so the test holds iff ψ(P_h) = [λ]P_h with λ = 6x²; applying
    /// ψ² − tψ + p = 0 then gives [λ² − tλ + p]P_h = [r]P_h = O, which forces
    /// P_h = O. The same argument underlies Scott, "A note on group membership
    /// tests for G1, G2 and GT on BLS pairing-friendly curves" (eprint
    /// 2021/1130) and El Housni, Guillevic, Piellard, "Co-factor clearing and
    /// subgroup membership testing on pairing-friendly curves" (eprint 2022/352).
    ///
    /// - Precondition (unchecked): the point is on the twist.
    public var isInSubgroup: Bool {
        if isInfinity { return true }
        let l = TowerConstants.psiEigenvalue
        return psi() == multiplied(byLimbs: [UInt64(truncatingIfNeeded: l), UInt64(truncatingIfNeeded: l >> 64)])
    }
}

extension G2Affine {
    /// ψ on an affine point; see `G2Projective.psi()`.
    public func psi() -> G2Affine {
        if isInfinity { return self }
        return G2Affine(x: x.conjugate() * TowerConstants.gamma1_2, y: y.conjugate() * TowerConstants.gamma1_3)
    }
}
