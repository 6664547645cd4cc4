/// One (P, Q) pair during the Miller loop: the running point T = [k]Q in
/// homogeneous projective coordinates (x = X/Z, y = Y/Z) and the values of P
/// that the line evaluations need.
///
/// Lines are evaluated at P through the untwisting map (x, y) ↦ (xw², yw³),
/// giving sparse Fq12 values l0 + (l3 + l4·v)·w (see `Fq12.mulBy034`). Each
/// line is scaled by some factor in Fq2*, which the final exponentiation kills
/// since p² − 1 divides (p¹² − 1)/r.
struct MillerPair {
    var tx: Fq2, ty: Fq2, tz: Fq2
    let q: G2Affine
    let qNeg: G2Affine
    /// 3·x_P, −x_P, y_P, −y_P.
    let xP3: Fq, xPNeg: Fq, yP: Fq, yPNeg: Fq

    init(_ p: G1Affine, _ q: G2Affine) {
        tx = q.x; ty = q.y; tz = .one
        self.q = q
        qNeg = -q
        xP3 = p.x.double() + p.x
        xPNeg = -p.x
        yP = p.y
        yPNeg = -p.y
    }

    /// T ← 2T and the tangent line at T, evaluated at P.
    ///
    /// Aranha, Karabina, Longa, Gebotys, López, "Faster explicit formulas for
    /// computing pairings over ordinary curves" (Eurocrypt 2011), eq. (11),
    /// for y² = x³ + b′: X₃ = XY/2·(Y² − 9b′Z²), Y₃ = ((Y² + 9b′Z²)/2)² −
    /// 27b′²Z⁴, Z₃ = 2Y³Z, line −2YZ·y_P + 3X²·x_P·w + (3b′Z² − Y²)·vw.
    @inline(__always)
    mutating func doubleStep() -> (Fq2, Fq2, Fq2) {
        let a = (tx * ty).halved()
        let b = ty.square()
        let c = tz.square()
        let e = c * TowerConstants.twistB3          // 3b′Z²
        let f = e.double() + e                      // 9b′Z²
        let g = (b + f).halved()
        let h = (ty + tz).square() - (b + c)        // 2YZ
        let j = tx.square()
        let e2 = e.square()
        tx = a * (b - f)
        ty = g.square() - (e2.double() + e2)
        tz = b * h
        return (h * yPNeg, j * xP3, e - b)
    }

    /// T ← T + R for an affine R ≠ ±T and the line through T and R,
    /// evaluated at P (Costello, Lange, Naehrig, "Faster pairing computations
    /// on curves with high-degree twists", PKC 2010; Aranha et al. eq. (12)):
    /// θ = Y − y_R·Z, λ = X − x_R·Z, line λ·y_P − θ·x_P·w + (θx_R − λy_R)·vw.
    @inline(__always)
    mutating func addStep(_ r: G2Affine) -> (Fq2, Fq2, Fq2) {
        let theta = ty - r.y * tz
        let lambda = tx - r.x * tz
        let c = theta.square()
        let d = lambda.square()
        let e = lambda * d
        let f = tz * c
        let g = tx * d
        let h = e + f - g.double()
        tx = lambda * h
        ty = theta * (g - h) - ty * e
        tz = tz * e
        return (lambda * yP, theta * xPNeg, theta * r.x - lambda * r.y)
    }
}

/// Multiplies line values into the Miller accumulator two at a time (see
/// `LineProduct`), and skips the multiplication while f is still 1.
struct LineAccumulator {
    var f = Fq12.one
    var fIsOne = true
    var pending: (Fq2, Fq2, Fq2)?

    @inline(__always)
    mutating func square() {
        if !fIsOne { f = f.square() }
    }

    @inline(__always)
    mutating func absorb(_ l: (Fq2, Fq2, Fq2)) {
        guard let p = pending else { pending = l; return }
        pending = nil
        let product = LineProduct(p, l)
        if fIsOne { f = product.value; fIsOne = false } else { f = f.mul(by: product) }
    }

    /// Multiplies in a line left over from an odd count.
    @inline(__always)
    mutating func flush() {
        guard let p = pending else { return }
        pending = nil
        if fIsOne {
            f = Fq12(c0: Fq6(p.0), c1: Fq6(c0: p.1, c1: p.2, c2: .zero))
            fIsOne = false
        } else {
            f = f.mulBy034(p.0, p.1, p.2)
        }
    }
}

extension Pairing {
    /// The shared Miller loop over the NAF digits of 6x + 2, most significant
    /// first, then the two Frobenius steps of the optimal ate pairing:
    /// f ← f·l_{T,π(Q)}(P), T ← T + π(Q), f ← f·l_{T,−π²(Q)}(P).
    /// The lines of one step (all pairs, doubling and addition) are multiplied
    /// into f in pairs.
    static func millerLoop(_ pairs: UnsafeMutableBufferPointer<MillerPair>) -> Fq12 {
        let positive = TowerConstants.ateLoopPositive
        let negative = TowerConstants.ateLoopNegative
        var acc = LineAccumulator()
        for i in stride(from: TowerConstants.ateLoopLength - 2, through: 0, by: -1) {
            acc.square()
            for k in pairs.indices { acc.absorb(pairs[k].doubleStep()) }
            if (positive >> UInt128(i)) & 1 == 1 {
                for k in pairs.indices { acc.absorb(pairs[k].addStep(pairs[k].q)) }
            } else if (negative >> UInt128(i)) & 1 == 1 {
                for k in pairs.indices { acc.absorb(pairs[k].addStep(pairs[k].qNeg)) }
            }
            acc.flush()
        }
        for k in pairs.indices {
            let q = pairs[k].q
            // π(Q) = ψ(Q); −π²(Q) = (x·ξ^((p²−1)/3), y) since ξ^((p²−1)/2) = −1.
            let q1 = q.psi()
            let q2 = G2Affine(x: q.x * TowerConstants.gamma2_2, y: q.y)
            acc.absorb(pairs[k].addStep(q1))
            acc.absorb(pairs[k].addStep(q2))
        }
        acc.flush()
        return acc.f
    }

    /// The Miller loop over prepared G2 points: the same digit walk as
    /// `millerLoop(_:)`, reading each line from the `G2Prepared` and
    /// evaluating it at P.
    static func millerLoop(prepared pairs: UnsafeBufferPointer<(G1Affine, G2Prepared)>) -> Fq12 {
        let positive = TowerConstants.ateLoopPositive
        let negative = TowerConstants.ateLoopNegative
        var acc = LineAccumulator()
        /// Line number `index` of pair k, evaluated at its P.
        @inline(__always)
        func line(_ k: Int, _ index: Int) -> (Fq2, Fq2, Fq2) {
            let (p, q) = pairs[k]
            let l = q.lines[index]
            return (l.0 * p.y, l.1 * p.x, l.2)
        }
        var cursor = 0
        for i in stride(from: TowerConstants.ateLoopLength - 2, through: 0, by: -1) {
            acc.square()
            for k in pairs.indices { acc.absorb(line(k, cursor)) }
            cursor += 1
            if (positive >> UInt128(i)) & 1 == 1 || (negative >> UInt128(i)) & 1 == 1 {
                for k in pairs.indices { acc.absorb(line(k, cursor)) }
                cursor += 1
            }
            acc.flush()
        }
        for k in pairs.indices {
            acc.absorb(line(k, cursor))
            acc.absorb(line(k, cursor + 1))
        }
        acc.flush()
        return acc.f
    }
}
