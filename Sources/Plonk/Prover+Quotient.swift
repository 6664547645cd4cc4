import BN254
import Parallel
import Polynomials

extension Prover {
    /// The permutation product z over H (z₀ = 1,
    /// z_{i+1} = zᵢ·Π(w + β·kⱼωⁱ + γ)/Π(w + β·σⱼ(i) + γ)) and the lookup running
    /// sum φ (φ₀ = 0, φ_{i+1} = φᵢ + qLookupᵢ/(δ + fᵢ) − mᵢ/(δ + Tᵢ)).
    /// Numerators and denominators are computed and batch-inverted in parallel
    /// chunks; the prefix products/sums run serially.
    static func grandSums(_ pk: ProvingKey, _ w: Assignment, _ m: [Fr], _ ch: Challenges) -> (z: [Fr], phi: [Fr]) {
        let c = pk.circuit, n = c.size
        let beta = ch.beta, gamma = ch.gamma, delta = ch.delta
        let eta = ch.eta, eta2 = eta * eta, eta3 = eta2 * eta
        let k1 = PlonkConstants.k1, k2 = PlonkConstants.k2
        var num = [Fr](repeating: .zero, count: n), den = num, invF = num, invT = num
        num.withUnsafeMutableBufferPointer { nb in
        den.withUnsafeMutableBufferPointer { db in
        invF.withUnsafeMutableBufferPointer { fb in
        invT.withUnsafeMutableBufferPointer { tb in
            let numS = SendableBuffer(nb), denS = SendableBuffer(db), fS = SendableBuffer(fb), tS = SendableBuffer(tb)
            Parallel.forEachChunk(count: n, minChunk: 1 << 12) { _, range in
                for i in range {
                    let a = w.a[i], b = w.b[i], cc = w.c[i]
                    let bx = beta * pk.omegaPowers[i]
                    numS[i] = (a + bx + gamma) * (b + k1 * bx + gamma) * (cc + k2 * bx + gamma)
                    denS[i] = (a + beta * pk.sigmaValues[i] + gamma) * (b + beta * pk.sigmaValues[n + i] + gamma)
                        * (cc + beta * pk.sigmaValues[2 * n + i] + gamma)
                    fS[i] = delta + c.qTag[i] + eta * a + eta2 * b + eta3 * cc
                    tS[i] = delta + c.tableTag[i] + eta * c.table0[i] + eta2 * c.table1[i] + eta3 * c.table2[i]
                }
                Fr.batchInverse(UnsafeMutableBufferPointer(rebasing: denS.buffer[range]))
                Fr.batchInverse(UnsafeMutableBufferPointer(rebasing: fS.buffer[range]))
                Fr.batchInverse(UnsafeMutableBufferPointer(rebasing: tS.buffer[range]))
            }
        }}}}
        var z = [Fr](repeating: .one, count: n), phi = [Fr](repeating: .zero, count: n)
        for i in 0..<(n - 1) {
            z[i + 1] = z[i] * num[i] * den[i]
            phi[i + 1] = phi[i] + c.qLookup[i] * invF[i] - m[i] * invT[i]
        }
        return (z, phi)
    }

    /// The quotient t = (Σ αⁱ·constraintᵢ)/Z_H in coefficient form (4n coefficients;
    /// degree ≤ 3n + 8 for a satisfying witness).
    ///
    /// `witness` holds coefficient vectors of a, b, c, d, z, φ, m; slot 7 is PI,
    /// made here from `publicInputs`; `auxiliary` (e, f) follows in slots 8, 9.
    /// Two shortcuts skip transforms: a witness
    /// polynomial that is pure blinding (zero on H, as m and φ are in circuits
    /// without lookups) is evaluated directly from its three folded coefficients,
    /// and for up to 16 public inputs PI(x) = −Σ xᵢ·ωⁱ·(xⁿ − 1)/(n·(x − ωⁱ)) is
    /// evaluated directly with one batch inversion per chunk. The 4n
    /// coset g·H₄ₙ is the union of the n-point cosets s_k·H, s_k = g·ω₄ₙᵏ
    /// (k < 4); the prover evaluates the constraints on one of them at a time,
    /// so only 10·n witness values are live. On s_k·H a witness polynomial p of
    /// degree < n + 3 takes the values of the length-n NTT of
    /// qᵢ = s_kⁱ·(pᵢ + s_kⁿ·p_{n+i}) (p reduced mod Xⁿ − s_kⁿ), ωX is the next
    /// index and Z_H = s_kⁿ − 1 is constant. The loop over points is chunked
    /// over threads and allocation-free (custom gates sum their terms in
    /// `CustomGate.accumulate`). The 4n values are then interleaved into
    /// natural coset order and interpolated with one inverse coset NTT.
    static func quotient(_ pk: ProvingKey, witness polys: [[Fr]], auxiliary: [[Fr]], publicInputs: [Fr], ch: Challenges) -> [Fr] {
        let n = pk.domain.size, bigN = 4 * n, qd = pk.quotientDomain, domain = pk.domain
        let directPI = publicInputs.count <= 16
        var witness = polys
        if directPI {
            witness.append([])
        } else {
            var pi = [Fr](repeating: .zero, count: n)
            for (i, x) in publicInputs.enumerated() { pi[i] = -x }
            domain.inverseNTT(&pi)
            witness.append(pi)
        }
        witness += auxiliary
        let slots = witness.count
        // Pure blinding: coefficients 3..<n zero and pᵢ = −p_{n+i} (zero on H).
        let pureBlinding: [Bool] = witness.map { p in
            guard p.count == n + PlonkConstants.blindingCount else { return false }
            for i in 0..<PlonkConstants.blindingCount where p[i] != -p[n + i] { return false }
            for i in PlonkConstants.blindingCount..<n where !p[i].isZero { return false }
            return true
        }
        let omegaPowers = pk.omegaPowers
        let nInv = domain.sizeInverse
        let gates = pk.circuit.gates
        let customCount = gates.reduce(0) { $0 + $1.constraintCount }
        var alphas = [Fr](), ap = Fr.one
        for _ in 0..<(4 + customCount) { alphas.append(ap); ap *= ch.alpha }
        let beta = ch.beta, gamma = ch.gamma, delta = ch.delta
        let eta = ch.eta, eta2 = eta * eta, eta3 = eta2 * eta
        let k1 = PlonkConstants.k1, k2 = PlonkConstants.k2
        let omega = domain.generator
        var cosetW = [Fr](repeating: .zero, count: slots * n)
        var blocks = [Fr](repeating: .zero, count: bigN)
        for k in 0..<4 {
            let shift = qd.cosetShift * qd.generator.pow(UInt64(k))
            let shiftN = shift.pow(UInt64(n))
            let zhInv = (shiftN - .one).inverse()!
            // Witness values on shift·H.
            cosetW.withUnsafeMutableBufferPointer { buf in
                for (slot, poly) in witness.enumerated() {
                    let dst = SendableBuffer(UnsafeMutableBufferPointer(rebasing: buf[(slot * n)..<((slot + 1) * n)]))
                    if slot == 7 && directPI {
                        Prover.publicInputsOnCoset(publicInputs, shift: shift, shiftN: shiftN, omega: omega,
                                                   omegaPowers: omegaPowers, nInverse: nInv, into: dst)
                        continue
                    }
                    if pureBlinding[slot] {
                        // q(X) = q₀ + q₁X + q₂X², qᵢ = sⁱ·(pᵢ + sⁿ·p_{n+i}), at ωʲ.
                        let q0 = poly[0] + shiftN * poly[n]
                        let q1 = shift * (poly[1] + shiftN * poly[n + 1])
                        let q2 = shift * shift * (poly[2] + shiftN * poly[n + 2])
                        Parallel.forEachChunk(count: n, minChunk: 1 << 12) { _, range in
                            var wj = omega.pow(UInt64(range.lowerBound))
                            for j in range {
                                dst[j] = q0 + wj * (q1 + wj * q2)
                                wj *= omega
                            }
                        }
                        continue
                    }
                    poly.withUnsafeBufferPointer { src in
                        let p = SendableBuffer(UnsafeMutableBufferPointer(mutating: src))
                        Parallel.forEachChunk(count: n, minChunk: 1 << 12) { _, range in
                            var sp = shift.pow(UInt64(range.lowerBound))
                            for i in range {
                                var v = i < p.count ? p[i] : .zero
                                if n + i < p.count { v += shiftN * p[n + i] }
                                dst[i] = sp * v
                                sp *= shift
                            }
                        }
                    }
                    domain.forwardNTT(dst.buffer)
                }
            }
            blocks.withUnsafeMutableBufferPointer { tb in
            cosetW.withUnsafeMutableBufferPointer { wb in
            pk.fixedCoset.withUnsafeBufferPointer { fbb in
            pk.l1Coset.withUnsafeBufferPointer { lbb in
            alphas.withUnsafeBufferPointer { abb in
                let out = SendableBuffer(UnsafeMutableBufferPointer(rebasing: tb[(k * n)..<((k + 1) * n)]))
                let W = SendableBuffer(wb)
                let F = SendableBuffer(UnsafeMutableBufferPointer(mutating: UnsafeBufferPointer(rebasing: fbb[(k * n)...])))
                let L = SendableBuffer(UnsafeMutableBufferPointer(mutating: UnsafeBufferPointer(rebasing: lbb[(k * n)..<((k + 1) * n)])))
                let A = SendableBuffer(UnsafeMutableBufferPointer(mutating: abb))
                Parallel.forEachChunk(count: n, minChunk: 1 << 10) { _, range in
                    // f[col·4n + i]: column col at point i of this coset.
                    let w = W.buffer.baseAddress!, f = F.buffer.baseAddress!, al = A.buffer.baseAddress!
                    let alpha = al[1], alpha2 = al[2], alpha3 = al[3]
                    var x = shift * omega.pow(UInt64(range.lowerBound))
                    for i in range {
                        let ni = (i + 1) & (n - 1)
                        let a = w[i], b = w[n + i], c = w[2 * n + i], d = w[3 * n + i]
                        let z = w[4 * n + i], zw = w[4 * n + ni]
                        let phi = w[5 * n + i], phiw = w[5 * n + ni]
                        let m = w[6 * n + i], pi = w[7 * n + i]
                        // Arithmetic gate.
                        var acc = f[i] * a + f[bigN + i] * b + f[2 * bigN + i] * c + f[3 * bigN + i] * (a * b) + f[4 * bigN + i] + pi
                        // Permutation.
                        let bx = beta * x
                        let idp = (a + bx + gamma) * (b + k1 * bx + gamma) * (c + k2 * bx + gamma)
                        let sp = (a + beta * f[5 * bigN + i] + gamma) * (b + beta * f[6 * bigN + i] + gamma) * (c + beta * f[7 * bigN + i] + gamma)
                        acc += alpha * (z * idp - zw * sp)
                        acc += alpha2 * (L[i] * (z - .one))
                        // Lookup.
                        let df = delta + f[9 * bigN + i] + eta * a + eta2 * b + eta3 * c
                        let dt = delta + f[10 * bigN + i] + eta * f[11 * bigN + i] + eta2 * f[12 * bigN + i] + eta3 * f[13 * bigN + i]
                        acc += alpha3 * ((phiw - phi) * df * dt - f[8 * bigN + i] * dt + m * df)
                        // Custom gates.
                        if !gates.isEmpty {
                            let cur = WireValues(a: a, b: b, c: c, d: d, e: w[8 * n + i], f: w[9 * n + i])
                            let next = WireValues(a: w[ni], b: w[n + ni], c: w[2 * n + ni], d: w[3 * n + ni],
                                                  e: w[8 * n + ni], f: w[9 * n + ni])
                            var col = CompiledCircuit.builtinFixedColumnCount, ai = 4
                            for g in gates {
                                acc += g.accumulate(current: cur, next: next, fixed: f + (col * bigN + i), stride: bigN,
                                                    alphas: al + ai)
                                ai += g.constraintCount
                                col += g.fixedColumnCount
                            }
                        }
                        out[i] = acc * zhInv
                        x *= omega
                    }
                }
            }}}}}
        }
        // Interleave into natural coset order (entry k + 4i ↔ g·ω₄ₙ^(k+4i)) and interpolate.
        var t = [Fr](repeating: .zero, count: bigN)
        t.withUnsafeMutableBufferPointer { tb in
            blocks.withUnsafeBufferPointer { bb in
                for k in 0..<4 { for i in 0..<n { tb[k + 4 * i] = bb[k * n + i] } }
            }
        }
        qd.cosetInverseNTT(&t)
        return t
    }

    /// PI(x) = −Σᵢ xᵢ·Lᵢ(x) at the points shift·ωʲ of one coset, with
    /// Lᵢ(x) = ωⁱ·(shiftⁿ − 1)/(n·(x − ωⁱ)); one batch inversion per chunk.
    static func publicInputsOnCoset(_ inputs: [Fr], shift: Fr, shiftN: Fr, omega: Fr, omegaPowers: [Fr],
                                    nInverse: Fr, into dst: SendableBuffer<Fr>) {
        let l = inputs.count, n = dst.count
        if l == 0 {
            for j in 0..<n { dst[j] = .zero }
            return
        }
        let scale = (shiftN - .one) * nInverse
        Parallel.forEachChunk(count: n, minChunk: 1 << 12) { _, range in
            var dens = [Fr](repeating: .zero, count: range.count * l)
            var x = shift * omega.pow(UInt64(range.lowerBound))
            for (jj, _) in range.enumerated() {
                for i in 0..<l { dens[jj * l + i] = x - omegaPowers[i] }
                x *= omega
            }
            Fr.batchInverse(&dens)
            for (jj, j) in range.enumerated() {
                var acc = Fr.zero
                for i in 0..<l { acc += inputs[i] * omegaPowers[i] * dens[jj * l + i] }
                dst[j] = -(acc * scale)
            }
        }
    }
}
