import BN254
import KZG
import Parallel
import Polynomials

/// Why preprocessing or proving could not start.
public enum PlonkSetupError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The SRS has fewer G1 powers than the circuit needs (n + 9).
    case srsTooSmall(needed: Int, available: Int)

    /// A readable account.
    public var description: String {
        switch self {
        case let .srsTooSmall(n, a): return "SRS too small: need \(n) G1 powers, have \(a)"
        }
    }
}

/// Everything the prover needs besides the witness: the circuit, its fixed
/// columns in coefficient form and on the 4n coset, σ over H, the domains and
/// the SRS (truncated to what is needed), plus the verification key.
///
/// Memory: with F fixed columns (14 + the custom gates' columns), the key
/// holds F·(n + 4n) field elements of fixed polynomials (160·F bytes per row),
/// 3n σ values and the compiled circuit (≈ 32·F + 24 bytes per row), so about
/// 192·F + 120 bytes per gate: ≈ 3.2 KB per gate for F = 16; for n ≤ 2²⁰ the
/// default fixed-base commitment table adds ≈ 1 KiB per gate. Proving adds
/// 8·n witness values on one n-point coset at a time, 2·4n quotient values and
/// ≈ 20 coefficient vectors of n + 9: ≈ 1.1 KB per gate at its peak.
public final class ProvingKey: Sendable {
    /// The circuit.
    public let circuit: CompiledCircuit
    /// Its verification key.
    public let verificationKey: VerificationKey
    /// H (n points) and the quotient domain (4n points, coset shift g = 5).
    public let domain: Domain, quotientDomain: Domain
    /// The SRS's first `requiredSRSPowers(n)` G1 powers.
    public let g1Powers: [G1Affine]
    /// Fixed columns in coefficient form, flattened: column j at [j·n, (j+1)·n).
    public let fixedCoefficients: [Fr]
    /// Fixed columns on the 4n coset, flattened: column j at [j·4n, (j+1)·4n),
    /// in block order: entry k·n + i is the value at s_k·ωⁱ, s_k = g·ω₄ₙᵏ
    /// (the 4n coset g·H₄ₙ is the union of the four n-point cosets s_k·H, which
    /// the prover processes one at a time).
    public let fixedCoset: [Fr]
    /// σa, σb, σc over H (k·ωⁱ labels), flattened 3n.
    public let sigmaValues: [Fr]
    /// ωⁱ for i < n.
    public let omegaPowers: [Fr]
    /// L₀ (the Lagrange polynomial at 1) on the 4n coset, in block order.
    public let l1Coset: [Fr]
    /// Fixed-base MSM table over `g1Powers` (commitments 0.6–0.8× the plain
    /// MSM's time), or nil to use `G1Projective.msm`.
    public let commitmentTable: G1FixedBaseMSM?
    /// The number of fixed columns.
    public var fixedColumnCount: Int { fixedCoefficients.count / domain.size }

    /// The number of G1 powers a circuit of `size` rows needs: n + 9 (the
    /// highest quotient piece has degree n + 8).
    public static func requiredSRSPowers(size: Int) -> Int { size + 9 }

    /// Preprocesses `circuit`: interpolates and commits the fixed columns.
    /// - Parameters:
    ///   - circuit: a compiled circuit.
    ///   - srs: at least `requiredSRSPowers(size: circuit.size)` G1 powers.
    ///   - precomputeTable: build a `G1FixedBaseMSM` table for the prover's
    ///     commitments (≈ 1 KiB per SRS power); nil (default) builds it for
    ///     n ≤ 2²⁰ (measured at 2²⁰, 16 fixed columns: peak RSS 5.6 GB with it,
    ///     each dense commitment ≈ 15% faster; it also adds about a minute of
    ///     setup there), and not above, where its memory (1 GiB per 2²⁰ powers)
    ///     outgrows the gain.
    /// - Throws: `PlonkSetupError.srsTooSmall`.
    public init(circuit: CompiledCircuit, srs: SRS, precomputeTable: Bool? = nil) throws(PlonkSetupError) {
        let n = circuit.size
        let need = ProvingKey.requiredSRSPowers(size: n)
        guard srs.g1Powers.count >= need else { throw .srsTooSmall(needed: need, available: srs.g1Powers.count) }
        let logN = n.trailingZeroBitCount
        let domain = Domain(logSize: logN)!
        let qd = Domain(logSize: logN + 2)!
        let omegaPowers = domain.elements
        let sigma = circuit.sigmaColumns(omegaPowers: omegaPowers)
        let columns = circuit.fixedColumns(sigma: sigma)
        let f = columns.count
        var coeffs = [Fr](repeating: .zero, count: f * n)
        var coset = [Fr](repeating: .zero, count: f * 4 * n)
        var commitments = [G1Projective]()
        let powers = Array(srs.g1Powers[0..<need])
        for (j, col) in columns.enumerated() {
            var c = col
            domain.inverseNTT(&c)
            var e = c + [Fr](repeating: .zero, count: 3 * n)
            qd.cosetForwardNTT(&e)
            e = ProvingKey.blockOrder(e, n: n)
            coeffs.replaceSubrange((j * n)..<((j + 1) * n), with: c)
            coset.replaceSubrange((j * 4 * n)..<((j + 1) * 4 * n), with: e)
            commitments.append(G1Projective.msm(points: Array(powers[0..<n]), scalars: c))
        }
        var l1 = [Fr](repeating: domain.sizeInverse, count: 4 * n) // L₀ = (1/n)·Σ Xⁱ
        for i in n..<(4 * n) { l1[i] = .zero }
        qd.cosetForwardNTT(&l1)
        l1 = ProvingKey.blockOrder(l1, n: n)
        self.circuit = circuit
        self.domain = domain
        self.quotientDomain = qd
        self.g1Powers = powers
        self.fixedCoefficients = coeffs
        self.fixedCoset = coset
        self.sigmaValues = sigma[0] + sigma[1] + sigma[2]
        self.omegaPowers = omegaPowers
        self.l1Coset = l1
        self.commitmentTable = (precomputeTable ?? (n <= 1 << 20)) ? G1FixedBaseMSM(bases: powers) : nil
        self.verificationKey = VerificationKey(logSize: logN, publicInputCount: circuit.publicInputCount, g2Tau: srs.g2Tau,
                                               gates: circuit.gates, fixedCommitments: G1Projective.batchToAffine(commitments))
    }

    /// From natural coset order (entry m at g·ω₄ₙᵐ) to block order (entry k·n + i
    /// at g·ω₄ₙᵏ·ωⁱ = g·ω₄ₙ^(k + 4i)).
    static func blockOrder(_ e: [Fr], n: Int) -> [Fr] {
        var out = e
        for k in 0..<4 { for i in 0..<n { out[k * n + i] = e[k + 4 * i] } }
        return out
    }

    /// Commits to coefficients (at most `g1Powers.count` of them).
    func commit(_ coefficients: [Fr]) -> G1Projective {
        precondition(coefficients.count <= g1Powers.count)
        if let t = commitmentTable, !ProvingKey.isSparse(coefficients) { return t.msm(coefficients) }
        return G1Projective.msm(points: Array(g1Powers[0..<coefficients.count]), scalars: coefficients)
    }

    /// Whether at most 1/8 of `coefficients` are non-zero (pure-blinding
    /// polynomials such as m and φ without lookups): then the plain `msm`,
    /// which drops zero terms before choosing its plan, beats the table, whose
    /// cost (digit encoding of every scalar, one reduction of 2^(c−1) buckets
    /// per thread) does not shrink with the number of non-zero terms.
    static func isSparse(_ coefficients: [Fr]) -> Bool {
        var nonZero = 0
        for x in coefficients where !x.isZero { nonZero += 1 }
        return nonZero * 8 <= coefficients.count
    }
}
