import BN254
import Polynomials

/// The PLONK verifier: replays the transcript, evaluates the public-input
/// polynomial and the linearisation scalars, folds every commitment into one
/// MSM and ends with one two-pair pairing check (batched KZG at ζ and ζω with a
/// random u, PLONK eprint 2019/953 §8.4).
///
/// Checks, in order: public-input count; every proof point on the curve
/// (decoding already rejects coordinates ≥ p, scalars ≥ r and public inputs ≥ r);
/// ζ ∉ H; then e(W_ζ + u·W_ζω, [τ]₂) · e(−(F − E·G + ζ·W_ζ + u·ζω·W_ζω), [1]₂) = 1,
/// where F batches the commitments (fixed, wires, m, z, φ, quotient pieces)
/// with their linearisation and opening scalars and E the claimed evaluations.
/// The transcript binds the VK hash, so a proof for another key fails the pairing.
public enum Verifier {
    /// Verifies `proof` for `publicInputs` under `vk`.
    /// - Throws: `PlonkVerificationError` with the reason for rejecting.
    public static func verify(_ proof: Proof, publicInputs: [Fr], vk: VerificationKey) throws(PlonkVerificationError) {
        guard publicInputs.count == vk.publicInputCount else {
            throw .wrongPublicInputCount(expected: vk.publicInputCount, got: publicInputs.count)
        }
        for (i, p) in proof.commitments.enumerated() where !p.isInfinity && !p.isOnCurve { throw .pointNotOnCurve(index: i) }
        let n = vk.size, domain = vk.domain
        let cm = proof.commitments, e = proof.evaluations
        var tr = Prover.startTranscript(vk: vk, publicInputs: publicInputs)
        var ch = Challenges()
        for i in 0..<Proof.C.roundOneCount { tr.append(cm[i]) }
        ch.eta = tr.challenge(); ch.beta = tr.challenge(); ch.gamma = tr.challenge(); ch.delta = tr.challenge()
        tr.append(cm[Proof.C.z]); tr.append(cm[Proof.C.phi])
        ch.alpha = tr.challenge()
        tr.append(cm[Proof.C.tLo]); tr.append(cm[Proof.C.tMid]); tr.append(cm[Proof.C.tHi])
        ch.zeta = tr.challenge()
        for x in e { tr.append(x) }
        ch.v = tr.challenge()
        tr.append(cm[Proof.C.wZeta]); tr.append(cm[Proof.C.wZetaOmega])
        let u = tr.challenge()

        let zeta = ch.zeta
        let zh = domain.evaluateVanishing(at: zeta)
        if zh.isZero { throw .degenerateChallenge }
        // Lᵢ(ζ) = ωⁱ·Z_H(ζ) / (n·(ζ − ωⁱ)) for i < max(ℓ, 1), one batch inversion.
        let count = max(1, publicInputs.count)
        var dens = [Fr](), wi = Fr.one
        let nFr = Fr(UInt64(n))
        var omegas = [Fr]()
        for _ in 0..<count { omegas.append(wi); dens.append(nFr * (zeta - wi)); wi *= domain.generator }
        Fr.batchInverse(&dens)
        var piZeta = Fr.zero
        for (i, x) in publicInputs.enumerated() { piZeta -= x * omegas[i] * zh * dens[i] }
        let l0 = zh * dens[0]

        let lin = Linearisation(gates: vk.gates, fixedCount: vk.fixedCommitments.count, n: n, ch: ch, e: e,
                                piZeta: piZeta, l0Zeta: l0, zhZeta: zh)
        let v = ch.v
        var vp = [Fr.one]
        for _ in 0..<10 { vp.append(vp.last! * v) }
        let eta = ch.eta
        var scalars = lin.fixed
        scalars[5] += vp[7]; scalars[6] += vp[8]; scalars[9] += vp[9]
        scalars[10] += vp[10]; scalars[11] += vp[10] * eta; scalars[12] += vp[10] * eta * eta; scalars[13] += vp[10] * eta * eta * eta
        // Proof commitments a, b, c, d, e, f (opened at ζ with vᵏ⁺¹ and at ζω with vᵏ⁺²), m, z, φ, t_lo, t_mid, t_hi.
        for k in 0..<6 { scalars.append(vp[k + 1] + u * vp[k + 2]) }
        scalars += [lin.m, lin.z + u, lin.phi + u * v, lin.tLo, lin.tMid, lin.tHi]
        let zetaOmega = zeta * domain.generator
        scalars += [zeta, u * zetaOmega]
        // Claimed evaluations: −r₀ at ζ for the linearisation, then the openings.
        var evalZeta = -lin.constant
        let atZeta = [Proof.E.a, Proof.E.b, Proof.E.c, Proof.E.d, Proof.E.e, Proof.E.f,
                      Proof.E.sigmaA, Proof.E.sigmaB, Proof.E.qTag, Proof.E.table]
        for (k, idx) in atZeta.enumerated() { evalZeta += vp[k + 1] * e[idx] }
        var evalNext = Fr.zero
        let atNext = [Proof.E.zNext, Proof.E.phiNext, Proof.E.aNext, Proof.E.bNext, Proof.E.cNext,
                      Proof.E.dNext, Proof.E.eNext, Proof.E.fNext]
        for (k, idx) in atNext.enumerated() { evalNext += vp[k] * e[idx] }
        scalars.append(-(evalZeta + u * evalNext))
        let points = vk.fixedCommitments + Array(cm[0..<Proof.C.wZeta]) + [cm[Proof.C.wZeta], cm[Proof.C.wZetaOmega], G1Affine.generator]
        let rhs = G1Projective.msm(points: points, scalars: scalars)
        let lhs = G1Projective(cm[Proof.C.wZeta]) + cm[Proof.C.wZetaOmega] * u
        let pair = G1Projective.batchToAffine([lhs, rhs.negated()])
        guard Pairing.pairingCheck([(pair[0], vk.g2Tau), (pair[1], G2Affine.generator)]) else { throw .pairingCheckFailed }
    }
}
