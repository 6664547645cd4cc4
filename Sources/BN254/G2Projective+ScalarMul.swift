extension G2Projective {
    /// The window of the signed-digit scalar multiplications: 8 precomputed
    /// odd multiples.
    static let wnafWidth = 5

    /// [k]·self for a scalar of any length on any point of the twist
    /// (width-5 wNAF, one doubling per bit).
    ///
    /// Use this for points that may lie outside G2 (membership tests, cofactor
    /// clearing); for points of G2, `multiplied(by:)` is about a third faster.
    /// - Parameter k: the scalar as little-endian 64-bit limbs.
    public func multiplied(byLimbs k: [UInt64]) -> G2Projective {
        let digits = ScalarDigits.wnaf(k, width: G2Projective.wnafWidth)
        let table = oddMultiples()
        var acc = G2Projective.infinity
        for d in digits.reversed() {
            acc = acc.double()
            if d > 0 { acc = acc + table[Int(d) >> 1] } else if d < 0 { acc = acc - table[Int(-d) >> 1] }
        }
        return acc
    }

    /// [k]·self for a point of G2, using the endomorphism ψ (Galbraith–Lin–
    /// Scott, "Endomorphisms for faster elliptic curve cryptography on a large
    /// class of curves", Eurocrypt 2009).
    ///
    /// ψ acts on G2 as [λ] with λ = 6x² ≈ √r, so k = k1·λ + k0 with
    /// 0 ≤ k0 < λ and k1 < 2^127 (plain division) and [k]Q = [k0]Q + [k1]ψ(Q):
    /// one interleaved wNAF loop of ~127 doublings instead of 254.
    ///
    /// - Precondition (unchecked): self is in G2 (true for the generator, for
    ///   points from `G2Affine(eip197Bytes:)` and for their multiples). For
    ///   other points of the twist the result is wrong; use
    ///   `multiplied(byLimbs:)` there.
    public func multiplied(by k: Fr) -> G2Projective {
        let l = k.canonicalLimbs
        let hi = UInt128(l.3) << 64 | UInt128(l.2)
        let lo = UInt128(l.1) << 64 | UInt128(l.0)
        // hi < 2^126 < λ, so the quotient fits in 128 bits.
        let (k1, k0) = TowerConstants.psiEigenvalue.dividingFullWidth((high: hi, low: lo))
        let d0 = ScalarDigits.wnaf([UInt64(truncatingIfNeeded: k0), UInt64(truncatingIfNeeded: k0 >> 64)],
                                   width: G2Projective.wnafWidth)
        let d1 = ScalarDigits.wnaf([UInt64(truncatingIfNeeded: k1), UInt64(truncatingIfNeeded: k1 >> 64)],
                                   width: G2Projective.wnafWidth)
        let t0 = oddMultiples()
        let t1 = t0.map { $0.psi() }
        var acc = G2Projective.infinity
        for i in stride(from: max(d0.count, d1.count) - 1, through: 0, by: -1) {
            acc = acc.double()
            if i < d0.count {
                let d = d0[i]
                if d > 0 { acc = acc + t0[Int(d) >> 1] } else if d < 0 { acc = acc - t0[Int(-d) >> 1] }
            }
            if i < d1.count {
                let d = d1[i]
                if d > 0 { acc = acc + t1[Int(d) >> 1] } else if d < 0 { acc = acc - t1[Int(-d) >> 1] }
            }
        }
        return acc
    }

    /// [k]·P for P in G2; see `multiplied(by:)`.
    public static func * (lhs: G2Projective, rhs: Fr) -> G2Projective { lhs.multiplied(by: rhs) }

    /// self, 3·self, 5·self, …, (2^(w−1) − 1)·self.
    func oddMultiples() -> [G2Projective] {
        let n = 1 << (G2Projective.wnafWidth - 2)
        var table = [G2Projective](repeating: self, count: n)
        let twice = double()
        for i in 1..<n { table[i] = table[i - 1] + twice }
        return table
    }
}
