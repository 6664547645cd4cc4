import BN254
import Parallel
import Polynomials

/// Why the prover refused to produce a proof.
public enum PlonkProverError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The witness does not satisfy the circuit (the checker's finding).
    case unsatisfied(SatisfiabilityError)
    /// The assignment's shape does not match the circuit.
    case shapeMismatch(String)

    /// A readable account.
    public var description: String {
        switch self {
        case .unsatisfied(let e): return "witness does not satisfy the circuit: \(e)"
        case .shapeMismatch(let s): return "assignment shape mismatch: \(s)"
        }
    }
}

/// The PLONK prover (Gabizon, Williamson, Ciobotaru, eprint 2019/953) with
/// custom gates and a log-derivative lookup (Haböck, eprint 2022/1530).
///
/// Rounds (each commitment is absorbed before the next challenge):
/// 1. blinded wires a, b, c, d, e, f and lookup multiplicities m → η, β, γ, δ;
/// 2. permutation product z and lookup running sum φ
///    (φ(ωX) − φ(X) = qLookup/(δ + f) − m/(δ + T), cyclic) → α;
/// 3. quotient t = (Σ αⁱ·constraintᵢ)/Z_H on the 4n coset, split in three
///    blinded pieces → ζ;
/// 4. the 18 evaluations → v;
/// 5. linearisation r (r(ζ) = 0) and the two batched KZG opening proofs at ζ
///    and ζω.
/// Witness polynomials get three random multiples of Z_H (degree n + 2) for
/// zero knowledge; the quotient pieces get the split blinding of the paper.
public enum Prover {
    /// Rounds reported to `progress`.
    public static let roundCount = 5

    /// Proves that `assignment` satisfies the key's circuit.
    /// - Parameters:
    ///   - pk: the proving key.
    ///   - assignment: the witness (from `ConstraintSystem.compile()`).
    ///   - rng: source of blinding scalars (a seeded generator gives reproducible proofs).
    ///   - checkWitness: run the satisfiability checker first (default); tests turn
    ///     it off to prove a bad witness and watch the verifier reject.
    ///   - progress: called with (round, of, fraction done) as rounds finish.
    /// - Returns: the proof.
    /// - Throws: `PlonkProverError` for a bad witness or shape.
    public static func prove<R: RandomNumberGenerator>(
        _ pk: ProvingKey, assignment w: Assignment, rng: inout R, checkWitness: Bool = true,
        progress: ((_ round: Int, _ of: Int, _ fraction: Double) -> Void)? = nil
    ) throws(PlonkProverError) -> Proof {
        let circuit = pk.circuit, n = pk.domain.size, domain = pk.domain
        guard w.columns.allSatisfy({ $0.count == n }) else { throw .shapeMismatch("wire columns must have \(n) values") }
        guard w.publicInputs.count == circuit.publicInputCount else { throw .shapeMismatch("wrong number of public inputs") }
        if checkWitness {
            do { try circuit.check(w) } catch { throw .unsatisfied(error) }
        }
        let report: (Int) -> Void = { r in progress?(r, roundCount, Double(r) / Double(roundCount)) }
        var tr = Prover.startTranscript(vk: pk.verificationKey, publicInputs: w.publicInputs)
        var ch = Challenges()

        func blinded(_ evals: [Fr], rng: inout R) -> [Fr] {
            var c = evals
            domain.inverseNTT(&c)
            c += [Fr](repeating: .zero, count: PlonkConstants.blindingCount)
            for i in 0..<PlonkConstants.blindingCount {
                let r = Fr.random(using: &rng)
                c[i] -= r; c[n + i] += r
            }
            return c
        }

        // Round 1: wires and multiplicities.
        let mEvals = Prover.multiplicities(circuit, w)
        let polyA = blinded(w.a, rng: &rng), polyB = blinded(w.b, rng: &rng)
        let polyC = blinded(w.c, rng: &rng), polyD = blinded(w.d, rng: &rng)
        let polyE = blinded(w.e, rng: &rng), polyF = blinded(w.f, rng: &rng)
        let polyM = blinded(mEvals, rng: &rng)
        let round1 = G1Projective.batchToAffine([polyA, polyB, polyC, polyD, polyE, polyF, polyM].map { pk.commit($0) })
        for p in round1 { tr.append(p) }
        ch.eta = tr.challenge(); ch.beta = tr.challenge(); ch.gamma = tr.challenge(); ch.delta = tr.challenge()
        report(1)

        // Round 2: permutation product and lookup running sum.
        let (zEvals, phiEvals) = Prover.grandSums(pk, w, mEvals, ch)
        let polyZ = blinded(zEvals, rng: &rng), polyPhi = blinded(phiEvals, rng: &rng)
        let round2 = G1Projective.batchToAffine([pk.commit(polyZ), pk.commit(polyPhi)])
        for p in round2 { tr.append(p) }
        ch.alpha = tr.challenge()
        report(2)

        // Round 3: quotient.
        let t = Prover.quotient(pk, witness: [polyA, polyB, polyC, polyD, polyZ, polyPhi, polyM],
                                auxiliary: [polyE, polyF], publicInputs: w.publicInputs, ch: ch)
        var tLo = Array(t[0..<n]), tMid = Array(t[n..<(2 * n)])
        let hiCount = ProvingKey.requiredSRSPowers(size: n)
        var tHi = Array(t[(2 * n)..<min(t.count, 2 * n + hiCount)])
        let b10 = Fr.random(using: &rng), b11 = Fr.random(using: &rng)
        tLo.append(b10); tMid[0] -= b10; tMid.append(b11); tHi[0] -= b11
        let round3 = G1Projective.batchToAffine([pk.commit(tLo), pk.commit(tMid), pk.commit(tHi)])
        for p in round3 { tr.append(p) }
        ch.zeta = tr.challenge()
        report(3)

        // Round 4: evaluations.
        let zeta = ch.zeta, zetaOmega = ch.zeta * domain.generator
        let fixed = pk.fixedCoefficients
        func fixedEval(_ j: Int) -> Fr {
            fixed.withUnsafeBufferPointer { PolynomialKernels.evaluate(UnsafeBufferPointer(rebasing: $0[(j * n)..<((j + 1) * n)]), at: zeta) }
        }
        let eta = ch.eta, eta2 = eta * eta, eta3 = eta2 * eta
        let tableZeta = fixedEval(10) + eta * fixedEval(11) + eta2 * fixedEval(12) + eta3 * fixedEval(13)
        var evals = [Fr](repeating: .zero, count: Proof.evaluationCount)
        evals[Proof.E.a] = PolynomialKernels.evaluate(polyA, at: zeta)
        evals[Proof.E.b] = PolynomialKernels.evaluate(polyB, at: zeta)
        evals[Proof.E.c] = PolynomialKernels.evaluate(polyC, at: zeta)
        evals[Proof.E.d] = PolynomialKernels.evaluate(polyD, at: zeta)
        evals[Proof.E.e] = PolynomialKernels.evaluate(polyE, at: zeta)
        evals[Proof.E.f] = PolynomialKernels.evaluate(polyF, at: zeta)
        evals[Proof.E.sigmaA] = fixedEval(5)
        evals[Proof.E.sigmaB] = fixedEval(6)
        evals[Proof.E.qTag] = fixedEval(9)
        evals[Proof.E.table] = tableZeta
        evals[Proof.E.aNext] = PolynomialKernels.evaluate(polyA, at: zetaOmega)
        evals[Proof.E.bNext] = PolynomialKernels.evaluate(polyB, at: zetaOmega)
        evals[Proof.E.cNext] = PolynomialKernels.evaluate(polyC, at: zetaOmega)
        evals[Proof.E.dNext] = PolynomialKernels.evaluate(polyD, at: zetaOmega)
        evals[Proof.E.eNext] = PolynomialKernels.evaluate(polyE, at: zetaOmega)
        evals[Proof.E.fNext] = PolynomialKernels.evaluate(polyF, at: zetaOmega)
        evals[Proof.E.zNext] = PolynomialKernels.evaluate(polyZ, at: zetaOmega)
        evals[Proof.E.phiNext] = PolynomialKernels.evaluate(polyPhi, at: zetaOmega)
        for e in evals { tr.append(e) }
        ch.v = tr.challenge()
        report(4)

        // Round 5: linearisation and openings.
        let zh = domain.evaluateVanishing(at: zeta)
        let l0 = domain.evaluateLagrange(0, at: zeta)
        var piZeta = Fr.zero
        for (i, x) in w.publicInputs.enumerated() { piZeta -= x * domain.evaluateLagrange(i, at: zeta) }
        let lin = Linearisation(gates: circuit.gates, fixedCount: pk.fixedColumnCount, n: n, ch: ch, e: evals,
                                piZeta: piZeta, l0Zeta: l0, zhZeta: zh)
        let v = ch.v
        var p = [Fr](repeating: .zero, count: max(tHi.count, n + PlonkConstants.blindingCount))
        fixed.withUnsafeBufferPointer { fb in
            for j in 0..<pk.fixedColumnCount {
                var s = lin.fixed[j]
                switch j {
                case 5: s += v.pow(7)
                case 6: s += v.pow(8)
                case 9: s += v.pow(9)
                case 10: s += v.pow(10)
                case 11: s += v.pow(10) * eta
                case 12: s += v.pow(10) * eta2
                case 13: s += v.pow(10) * eta3
                default: break
                }
                if s.isZero { continue }
                PolynomialKernels.addScaled(&p, s, UnsafeBufferPointer(rebasing: fb[(j * n)..<((j + 1) * n)]))
            }
        }
        PolynomialKernels.addScaled(&p, lin.m, polyM)
        PolynomialKernels.addScaled(&p, lin.z, polyZ)
        PolynomialKernels.addScaled(&p, lin.phi, polyPhi)
        PolynomialKernels.addScaled(&p, lin.tLo, tLo)
        PolynomialKernels.addScaled(&p, lin.tMid, tMid)
        PolynomialKernels.addScaled(&p, lin.tHi, tHi)
        PolynomialKernels.addScaled(&p, v, polyA)
        PolynomialKernels.addScaled(&p, v.pow(2), polyB)
        PolynomialKernels.addScaled(&p, v.pow(3), polyC)
        PolynomialKernels.addScaled(&p, v.pow(4), polyD)
        PolynomialKernels.addScaled(&p, v.pow(5), polyE)
        PolynomialKernels.addScaled(&p, v.pow(6), polyF)
        var q = polyZ
        PolynomialKernels.addScaled(&q, v, polyPhi)
        PolynomialKernels.addScaled(&q, v.pow(2), polyA)
        PolynomialKernels.addScaled(&q, v.pow(3), polyB)
        PolynomialKernels.addScaled(&q, v.pow(4), polyC)
        PolynomialKernels.addScaled(&q, v.pow(5), polyD)
        PolynomialKernels.addScaled(&q, v.pow(6), polyE)
        PolynomialKernels.addScaled(&q, v.pow(7), polyF)
        let wZeta = PolynomialKernels.divideByLinear(p, zeta)
        let wZetaOmega = PolynomialKernels.divideByLinear(q, zetaOmega)
        let round5 = G1Projective.batchToAffine([pk.commit(wZeta), pk.commit(wZetaOmega)])
        report(5)
        return Proof(commitments: round1 + round2 + round3 + round5, evaluations: evals)
    }

    /// A transcript that has absorbed the label, the VK hash, ℓ and the public inputs.
    static func startTranscript(vk: VerificationKey, publicInputs: [Fr]) -> Transcript {
        var tr = Transcript(label: PlonkConstants.transcriptLabel)
        tr.append(vk.hash)
        tr.append(Fr(UInt64(publicInputs.count)))
        for x in publicInputs { tr.append(x) }
        return tr
    }

    /// Lookup multiplicities: m[j] = number of lookup rows whose (tag, a, b, c)
    /// equals table row j, counted at the first occurrence of each entry.
    static func multiplicities(_ circuit: CompiledCircuit, _ w: Assignment) -> [Fr] {
        let n = circuit.size
        var m = [Fr](repeating: .zero, count: n)
        guard !circuit.tables.isEmpty else { return m }
        var index = [LookupKey: Int]()
        var i = n - 1
        while i >= 0 {
            index[LookupKey(tag: circuit.tableTag[i], a: circuit.table0[i], b: circuit.table1[i], c: circuit.table2[i])] = i
            i -= 1
        }
        for i in 0..<n where !circuit.qLookup[i].isZero {
            if let j = index[LookupKey(tag: circuit.qTag[i], a: w.a[i], b: w.b[i], c: w.c[i])] { m[j] += .one }
        }
        return m
    }
}
