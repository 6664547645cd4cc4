import BN254

/// The Fiat–Shamir challenges of one proof.
struct Challenges {
    /// η: compresses (tag, a, b, c) into one lookup value.
    var eta = Fr.zero
    /// β, γ: the permutation argument's challenges.
    var beta = Fr.zero, gamma = Fr.zero
    /// δ: the log-derivative lookup's shift (denominators δ + f, δ + t).
    var delta = Fr.zero
    /// α: separates the constraints.
    var alpha = Fr.zero
    /// ζ: the evaluation point.
    var zeta = Fr.zero
    /// v: batches the openings.
    var v = Fr.zero
}

/// The linearisation polynomial r(X) as scalars on commitments, shared by
/// prover and verifier so they cannot disagree.
///
/// The full identity, evaluated at ζ, combines with powers of α (index in
/// parentheses): arithmetic gate incl. PI (0); permutation product (1);
/// L₀·(z − 1) (2); lookup (3):
/// (φ(ωX) − φ(X))(δ + f)(δ + T) − qLookup·(δ + T) + m·(δ + f),
/// f = qTag + η·a + η²·b + η³·c, T = tableTag + η·t0 + η²·t1 + η³·t2
/// (Haböck, eprint 2022/1530, without division); then each custom gate's
/// constraints in gate and constraint order (4, 5, …); minus Z_H·t.
/// Terms whose witness factors are opened become scalars; the fixed columns,
/// m, z, φ and the quotient pieces stay as commitments:
/// r(X) = Σ scalarᵢ·polyᵢ(X) + constant, with r(ζ) = 0 for an honest proof.
struct Linearisation {
    /// Scalar per fixed column (VK order).
    var fixed: [Fr]
    /// Scalars on [m], [z], [φ], [t_lo], [t_mid], [t_hi].
    var m = Fr.zero, z = Fr.zero, phi = Fr.zero, tLo = Fr.zero, tMid = Fr.zero, tHi = Fr.zero
    /// The constant term; the non-constant part must open to −constant at ζ.
    var constant = Fr.zero

    /// Computes the scalars.
    /// - Parameters:
    ///   - gates: the custom gates (VK order); `fixedCount` is the number of fixed columns.
    ///   - n: the domain size.
    ///   - ch: challenges (ζ and α set).
    ///   - e: the 18 proof evaluations (`Proof.E` order).
    ///   - piZeta: PI(ζ); l0Zeta: L₀(ζ); zhZeta: Z_H(ζ).
    init(gates: [any CustomGate], fixedCount: Int, n: Int, ch: Challenges, e: [Fr], piZeta: Fr, l0Zeta: Fr, zhZeta: Fr) {
        fixed = [Fr](repeating: .zero, count: fixedCount)
        let a = e[Proof.E.a], b = e[Proof.E.b], c = e[Proof.E.c]
        let alpha = ch.alpha, alpha2 = alpha * alpha, alpha3 = alpha2 * alpha
        let beta = ch.beta, gamma = ch.gamma, zeta = ch.zeta
        // Arithmetic gate.
        fixed[0] = a; fixed[1] = b; fixed[2] = c; fixed[3] = a * b; fixed[4] = .one
        var k = piZeta
        // Permutation.
        let bz = beta * zeta
        let idProduct = (a + bz + gamma) * (b + PlonkConstants.k1 * bz + gamma) * (c + PlonkConstants.k2 * bz + gamma)
        z = alpha * idProduct + alpha2 * l0Zeta
        let sigmaAB = (a + beta * e[Proof.E.sigmaA] + gamma) * (b + beta * e[Proof.E.sigmaB] + gamma)
        let zw = e[Proof.E.zNext]
        fixed[7] = -(alpha * beta * zw * sigmaAB)
        k -= alpha * zw * sigmaAB * (c + gamma)
        k -= alpha2 * l0Zeta
        // Lookup.
        let eta = ch.eta, eta2 = eta * eta, eta3 = eta2 * eta
        let f = e[Proof.E.qTag] + eta * a + eta2 * b + eta3 * c
        let df = ch.delta + f, dt = ch.delta + e[Proof.E.table]
        phi = -(alpha3 * df * dt)
        fixed[8] = -(alpha3 * dt)
        m = alpha3 * df
        k += alpha3 * e[Proof.E.phiNext] * df * dt
        // Custom gates.
        let cur = WireValues(a: a, b: b, c: c, d: e[Proof.E.d], e: e[Proof.E.e], f: e[Proof.E.f])
        let next = WireValues(a: e[Proof.E.aNext], b: e[Proof.E.bNext], c: e[Proof.E.cNext],
                              d: e[Proof.E.dNext], e: e[Proof.E.eNext], f: e[Proof.E.fNext])
        var alphaPower = alpha3 * alpha
        var offset = CompiledCircuit.builtinFixedColumnCount
        for gate in gates {
            let fc = gate.fixedColumnCount, kc = gate.constraintCount
            var g = [Fr](repeating: .zero, count: fc * kc)
            g.withUnsafeMutableBufferPointer { gate.coefficients(current: cur, next: next, into: $0) }
            for ki in 0..<kc {
                for j in 0..<fc { fixed[offset + j] += alphaPower * g[ki * fc + j] }
                alphaPower *= alpha
            }
            offset += fc
        }
        // Quotient.
        let zn = zhZeta + .one // ζⁿ
        tLo = -zhZeta
        tMid = -(zhZeta * zn)
        tHi = -(zhZeta * zn * zn)
        constant = k
    }
}
