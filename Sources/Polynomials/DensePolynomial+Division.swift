import BN254

extension DensePolynomial {
    /// Divides by X − z: p = q·(X − z) + r with r = p(z), by synthetic
    /// division (Ruffini's rule). A KZG opening at z commits to the quotient of
    /// p − p(z), which is this q (Kate, Zaverucha, Goldberg, "Constant-size
    /// commitments to polynomials and their applications", 2010, §3.2).
    /// - Parameter z: the root of the divisor.
    /// - Returns: the quotient q, of degree deg p − 1 (zero for constants),
    ///   and the remainder r = p(z).
    public func divided(byLinear z: Fr) -> (quotient: DensePolynomial, remainder: Fr) {
        let n = coefficients.count
        if n <= 1 { return (.zero, coefficients.first ?? .zero) }
        var q = [Fr](repeating: .zero, count: n - 1)
        var acc = Fr.zero
        coefficients.withUnsafeBufferPointer { c in
            q.withUnsafeMutableBufferPointer { qb in
                var i = n - 1
                while i > 0 {
                    acc = acc * z + c[i]
                    qb[i - 1] = acc
                    i -= 1
                }
                acc = acc * z + c[0]
            }
        }
        return (DensePolynomial(coefficients: q), acc)
    }

    /// Divides by the vanishing polynomial of `domain`, Z_H = Xⁿ − 1:
    /// p = q·(Xⁿ − 1) + r with deg r < n. From the top, q_i = p_(i+n) + q_(i+n);
    /// then r_i = p_i + q_i. Plonk's quotient is this q with r = 0 exactly when
    /// p vanishes on H.
    /// - Parameter domain: the domain H of size n.
    /// - Returns: the quotient q and the remainder r.
    public func divided(byVanishingOf domain: Domain) -> (quotient: DensePolynomial, remainder: DensePolynomial) {
        let n = domain.size, count = coefficients.count
        if count <= n { return (.zero, self) }
        var q = [Fr](repeating: .zero, count: count - n)
        var r = [Fr](coefficients[0..<n])
        coefficients.withUnsafeBufferPointer { p in
            q.withUnsafeMutableBufferPointer { qb in
                var i = count - n - 1
                while i >= 0 {
                    qb[i] = i + n < qb.count ? p[i + n] + qb[i + n] : p[i + n]
                    i -= 1
                }
                for i in 0..<min(n, qb.count) { r[i] += qb[i] }
            }
        }
        return (DensePolynomial(coefficients: q), DensePolynomial(coefficients: r))
    }
}
