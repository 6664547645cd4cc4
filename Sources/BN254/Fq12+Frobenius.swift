extension Fq12 {
    /// self^p. Over Fq2 coordinates Σ xⱼwʲ, the map sends xⱼ to conj(xⱼ)·γ₁,ⱼ
    /// with γ₁,ⱼ = ξ^(j(p−1)/6) (precomputed in `TowerConstants`).
    public func frobenius() -> Fq12 {
        Fq12(c0: c0.frobenius(),
             c1: Fq6(c0: c1.c0.conjugate() * TowerConstants.gamma1_1,
                     c1: c1.c1.conjugate() * TowerConstants.gamma1_3,
                     c2: c1.c2.conjugate() * TowerConstants.gamma1_5))
    }

    /// self^(p²): xⱼ ↦ xⱼ·γ₂,ⱼ with γ₂,ⱼ = ξ^(j(p²−1)/6) in Fq (no conjugation).
    public func frobeniusSquare() -> Fq12 {
        Fq12(c0: c0.frobeniusSquare(),
             c1: Fq6(c0: c1.c0 * TowerConstants.gamma2_1,
                     c1: c1.c1 * TowerConstants.gamma2_3,
                     c2: c1.c2 * TowerConstants.gamma2_5))
    }

    /// self^(p³): xⱼ ↦ conj(xⱼ)·γ₃,ⱼ with γ₃,ⱼ = ξ^(j(p³−1)/6).
    public func frobeniusCube() -> Fq12 {
        Fq12(c0: c0.frobeniusCube(),
             c1: Fq6(c0: c1.c0.conjugate() * TowerConstants.gamma3_1,
                     c1: c1.c1.conjugate() * TowerConstants.gamma3_3,
                     c2: c1.c2.conjugate() * TowerConstants.gamma3_5))
    }
}
