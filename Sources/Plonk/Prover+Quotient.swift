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
    /// `witness` holds coefficient vectors of a, b, c, d, z, φ, m and PI. Each is
    /// evaluated on the 4n coset g·H₄ₙ; on it ωX is 4 points further on, and
    /// Z_H(g·ω₄ⁱ) = gⁿ·(ω₄ⁿ)ⁱ − 1 takes 4 values. The loop over coset points is
    /// chunked over threads and allocation-free (one scratch buffer per chunk
    /// for custom-gate coefficients).
    static func quotient(_ pk: ProvingKey, witness: [[Fr]], ch: Challenges) -> [Fr] {
        let n = pk.domain.size, bigN = 4 * n, qd = pk.quotientDomain
        let slots = witness.count
        var cosetW = [Fr](repeating: .zero, count: slots * bigN)
        cosetW.withUnsafeMutableBufferPointer { buf in
            for (s, poly) in witness.enumerated() {
                let slice = UnsafeMutableBufferPointer(rebasing: buf[(s * bigN)..<((s + 1) * bigN)])
                for i in 0..<poly.count { slice[i] = poly[i] }
                qd.cosetForwardNTT(slice)
            }
        }
        // Z_H on the coset: 4 distinct values, inverted.
        let gn = qd.cosetShift.pow(UInt64(n)), w4 = qd.generator.pow(UInt64(n))
        var zhInv = [Fr](), acc = Fr.one
        for _ in 0..<4 { zhInv.append(gn * acc - .one); acc *= w4 }
        Fr.batchInverse(&zhInv)
        let (z0, z1, z2, z3) = (zhInv[0], zhInv[1], zhInv[2], zhInv[3])
        let gates = pk.circuit.gates
        let customCount = gates.reduce(0) { $0 + $1.constraintCount }
        var alphas = [Fr](), ap = Fr.one
        for _ in 0..<(4 + customCount) { alphas.append(ap); ap *= ch.alpha }
        let scratchSize = max(1, gates.map { $0.fixedColumnCount * $0.constraintCount }.max() ?? 1)
        let beta = ch.beta, gamma = ch.gamma, delta = ch.delta
        let eta = ch.eta, eta2 = eta * eta, eta3 = eta2 * eta
        let k1 = PlonkConstants.k1, k2 = PlonkConstants.k2
        let shift = qd.cosetShift, omega4 = qd.generator
        var t = [Fr](repeating: .zero, count: bigN)
        t.withUnsafeMutableBufferPointer { tb in
        cosetW.withUnsafeMutableBufferPointer { wb in
        pk.fixedCoset.withUnsafeBufferPointer { fbb in
        pk.l1Coset.withUnsafeBufferPointer { lbb in
        alphas.withUnsafeBufferPointer { abb in
            let out = SendableBuffer(tb), W = SendableBuffer(wb)
            let F = SendableBuffer(UnsafeMutableBufferPointer(mutating: fbb))
            let L = SendableBuffer(UnsafeMutableBufferPointer(mutating: lbb))
            let A = SendableBuffer(UnsafeMutableBufferPointer(mutating: abb))
            Parallel.forEachChunk(count: bigN, minChunk: 1 << 10) { _, range in
                let scratch = UnsafeMutableBufferPointer<Fr>.allocate(capacity: scratchSize)
                scratch.initialize(repeating: .zero)
                defer { scratch.deallocate() }
                let w = W.buffer.baseAddress!, f = F.buffer.baseAddress!, al = A.buffer.baseAddress!
                let alpha = al[1], alpha2 = al[2], alpha3 = al[3]
                var x = shift * omega4.pow(UInt64(range.lowerBound))
                for i in range {
                    let ni = (i + 4) & (bigN - 1)
                    let a = w[i], b = w[bigN + i], c = w[2 * bigN + i], d = w[3 * bigN + i]
                    let z = w[4 * bigN + i], zw = w[4 * bigN + ni]
                    let phi = w[5 * bigN + i], phiw = w[5 * bigN + ni]
                    let m = w[6 * bigN + i], pi = w[7 * bigN + i]
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
                        let cur = WireValues(a: a, b: b, c: c, d: d)
                        let next = WireValues(a: w[ni], b: w[bigN + ni], c: w[2 * bigN + ni], d: w[3 * bigN + ni])
                        var col = CompiledCircuit.builtinFixedColumnCount, ai = 4
                        for g in gates {
                            let fc = g.fixedColumnCount, kc = g.constraintCount
                            g.coefficients(current: cur, next: next, into: UnsafeMutableBufferPointer(rebasing: scratch[0..<(fc * kc)]))
                            for k in 0..<kc {
                                var s = Fr.zero
                                for j in 0..<fc { s += f[(col + j) * bigN + i] * scratch[k * fc + j] }
                                acc += al[ai] * s
                                ai += 1
                            }
                            col += fc
                        }
                    }
                    let zi: Fr
                    switch i & 3 { case 0: zi = z0; case 1: zi = z1; case 2: zi = z2; default: zi = z3 }
                    out[i] = acc * zi
                    x *= omega4
                }
            }
        }}}}}
        qd.cosetInverseNTT(&t)
        return t
    }
}
