import Testing
import BN254
import TestSupport

/// Reference helpers, independent of the Jacobian formulas under test.
enum G1Oracle {
    /// A random affine point found by sampling x until x³ + 3 is a square.
    static func randomPoint(using rng: inout SeededRNG) -> G1Affine {
        while true {
            let x = Fq.random(using: &rng)
            if let y = (x.square() * x + G1Affine.b).sqrt() {
                return rng.next() & 1 == 0 ? G1Affine(x: x, y: y) : G1Affine(x: x, y: -y)
            }
        }
    }

    /// The same point with a random Z ≠ 1: (x·z², y·z³, z).
    static func rescaled(_ p: G1Affine, using rng: inout SeededRNG) -> G1Projective {
        let z = Fq.random(using: &rng)
        let z2 = z.square()
        return G1Projective(x: p.x * z2, y: p.y * z2 * z, z: z)
    }

    /// Textbook affine addition with a field inversion per step.
    static func affineAdd(_ p: G1Affine, _ q: G1Affine) -> G1Affine {
        if p.isInfinity { return q }
        if q.isInfinity { return p }
        let lambda: Fq
        if p.x == q.x {
            if p.y != q.y || p.y.isZero { return .infinity }
            lambda = Fq(3) * p.x.square() * (p.y + p.y).inverse()!
        } else {
            lambda = (q.y - p.y) * (q.x - p.x).inverse()!
        }
        let x3 = lambda.square() - p.x - q.x
        return G1Affine(x: x3, y: lambda * (p.x - x3) - p.y)
    }

    /// [k]·p by most-significant-bit-first double-and-add over the canonical bits of k.
    static func doubleAndAdd(_ p: G1Projective, _ k: Fr) -> G1Projective {
        let l = k.canonicalLimbs
        let limbs = [l.3, l.2, l.1, l.0]
        var acc = G1Projective.identity
        for limb in limbs {
            for bit in stride(from: 63, through: 0, by: -1) {
                acc = acc.doubled()
                if (limb >> UInt64(bit)) & 1 == 1 { acc = acc + p }
            }
        }
        return acc
    }
}

@Suite struct G1Tests {
    static let rMinusOne = Fr.zero - Fr.one

    // MARK: - Basics

    @Test func generatorAndIdentity() {
        #expect(G1Affine.generator.isOnCurve)
        #expect(G1Projective.generator.isOnCurve)
        #expect(G1Projective.identity.isIdentity)
        #expect(G1Projective.identity.toAffine().isInfinity)
        #expect(G1Projective(G1Affine.infinity).isIdentity)
        #expect(G1Projective.generator.toAffine() == G1Affine.generator)
        #expect(G1Projective.identity == G1Projective(x: Fq(5), y: Fq(7), z: .zero))
        #expect(G1Projective.identity != G1Projective.generator)
    }

    @Test func additionMatchesAffineOracle() {
        var rng = SeededRNG(seed: 11)
        for _ in 0..<50 {
            let p = G1Oracle.randomPoint(using: &rng), q = G1Oracle.randomPoint(using: &rng)
            let pj = G1Oracle.rescaled(p, using: &rng), qj = G1Oracle.rescaled(q, using: &rng)
            let sum = pj + qj
            #expect(sum.isOnCurve)
            #expect(sum.toAffine() == G1Oracle.affineAdd(p, q))
            #expect(pj.doubled().toAffine() == G1Oracle.affineAdd(p, p))
            #expect((pj + G1Oracle.rescaled(p, using: &rng)).toAffine() == G1Oracle.affineAdd(p, p))
            #expect((pj + G1Oracle.rescaled(p, using: &rng).negated()).isIdentity)
        }
    }

    @Test func groupLaws() {
        var rng = SeededRNG(seed: 12)
        for _ in 0..<30 {
            let a = G1Oracle.rescaled(G1Oracle.randomPoint(using: &rng), using: &rng)
            let b = G1Oracle.rescaled(G1Oracle.randomPoint(using: &rng), using: &rng)
            let c = G1Oracle.rescaled(G1Oracle.randomPoint(using: &rng), using: &rng)
            #expect((a + b) + c == a + (b + c))
            #expect(a + b == b + a)
            #expect(a + .identity == a)
            #expect(G1Projective.identity + a == a)
            #expect((a + (-a)).isIdentity)
            #expect(a - a == .identity)
            #expect(a.doubled() == a + a)
            #expect(a.doubled().doubled() == a + a + a + a)
            #expect(a != b)
        }
        #expect(G1Projective.identity.doubled().isIdentity)
    }

    @Test func mixedAdditionMatchesFullAddition() {
        var rng = SeededRNG(seed: 13)
        for _ in 0..<50 {
            let p = G1Oracle.randomPoint(using: &rng), q = G1Oracle.randomPoint(using: &rng)
            let pj = G1Oracle.rescaled(p, using: &rng)
            #expect(pj + q == pj + G1Projective(q))
            #expect((pj + q).toAffine() == G1Oracle.affineAdd(p, q))
            #expect(pj + p == pj.doubled())                  // equal points
            #expect((pj + p.negated()).isIdentity)          // opposite points
            #expect(pj + G1Affine.infinity == pj)
            #expect(G1Projective.identity + q == G1Projective(q))
            #expect(p + q == G1Projective(p) + G1Projective(q))
            #expect((-p).y == -p.y && (-p).x == p.x)
        }
        #expect(G1Affine.infinity.negated().isInfinity)
    }

    @Test func batchToAffine() {
        var rng = SeededRNG(seed: 14)
        var ps: [G1Projective] = []
        for i in 0..<40 {
            ps.append(i % 7 == 3 ? .identity : G1Oracle.rescaled(G1Oracle.randomPoint(using: &rng), using: &rng))
        }
        let affine = G1Projective.batchToAffine(ps)
        #expect(affine.count == ps.count)
        for i in 0..<ps.count {
            #expect(affine[i] == ps[i].toAffine())
            #expect(affine[i].isInfinity == ps[i].isIdentity)
        }
        #expect(G1Projective.batchToAffine([]).isEmpty)
    }

    // MARK: - Scalar multiplication

    @Test func scalarMulMatchesDoubleAndAdd() {
        var rng = SeededRNG(seed: 15)
        var scalars: [Fr] = [.zero, .one, Fr(2), Fr(3), Fr(16), Fr(31), G1Tests.rMinusOne, G1Tests.rMinusOne - .one,
                             G1Projective.glvLambda, G1Projective.glvLambda + .one, -G1Projective.glvLambda,
                             Fr(canonicalLimbs: (0, 0, 0, 1 << 60))!, Fr(canonicalLimbs: (~0, ~0, 0, 0))!,
                             Fr(canonicalLimbs: (0, 0, 1, 0))!]
        for _ in 0..<40 { scalars.append(Fr.random(using: &rng)) }
        for k in scalars {
            let p = G1Oracle.rescaled(G1Oracle.randomPoint(using: &rng), using: &rng)
            let expected = G1Oracle.doubleAndAdd(p, k)
            #expect(p * k == expected)
            #expect(p.toAffine() * k == expected)
        }
        let p = G1Projective.generator
        #expect((p * Fr.zero).isIdentity)
        #expect(p * Fr.one == p)
        #expect(p * G1Tests.rMinusOne == -p)
        #expect((G1Projective.identity * Fr(5)).isIdentity)
    }

    @Test func scalarMulIsLinear() {
        var rng = SeededRNG(seed: 16)
        for _ in 0..<20 {
            let p = G1Oracle.rescaled(G1Oracle.randomPoint(using: &rng), using: &rng)
            let a = Fr.random(using: &rng), b = Fr.random(using: &rng)
            #expect(p * (a + b) == p * a + p * b)
            #expect(p * (a * b) == (p * a) * b)
        }
    }

    // MARK: - GLV

    @Test func endomorphismIsMultiplicationByLambda() {
        var rng = SeededRNG(seed: 17)
        let lambda = G1Projective.glvLambda, beta = G1Projective.glvBeta
        #expect(lambda * lambda * lambda == .one && lambda != .one)
        #expect(beta * beta * beta == .one && beta != .one)
        for _ in 0..<5 {
            let p = G1Oracle.rescaled(G1Oracle.randomPoint(using: &rng), using: &rng)
            #expect(p.endomorphism() == G1Oracle.doubleAndAdd(p, lambda))
            #expect(p.endomorphism().isOnCurve)
        }
        #expect(G1Projective.generator.endomorphism() == G1Oracle.doubleAndAdd(.generator, lambda))
    }

    @Test func glvDecomposition() {
        var rng = SeededRNG(seed: 18)
        let r = BigNumber(Fr.modulusDecimal)!
        let lambda = BigNumber(limbs: G1Projective.glvLambda.canonicalLimbs)
        var scalars: [Fr] = [.zero, .one, G1Tests.rMinusOne, G1Projective.glvLambda, -G1Projective.glvLambda,
                             Fr(canonicalLimbs: (0, 0, 0, 1 << 61))!, Fr(canonicalLimbs: (~0, ~0, ~0, 0x3000_0000_0000_0000))!]
        for _ in 0..<2000 { scalars.append(Fr.random(using: &rng)) }
        for k in scalars {
            let d = G1Projective._glvDecompose(k)
            let k1 = BigNumber(limbArray: [UInt64(truncatingIfNeeded: d.k1), UInt64(truncatingIfNeeded: d.k1 >> 64)])
            let k2 = BigNumber(limbArray: [UInt64(truncatingIfNeeded: d.k2), UInt64(truncatingIfNeeded: d.k2 >> 64)])
            let kk = BigNumber(limbs: k.canonicalLimbs)
            // k1·s1 + k2·s2·λ − k ≡ 0 (mod r), written without negative numbers.
            let lhs = (d.k1IsNegative ? kk + k1 : kk) + (d.k2IsNegative ? k2 * lambda : BigNumber("0")!)
            let rhs = (d.k1IsNegative ? BigNumber("0")! : k1) + (d.k2IsNegative ? BigNumber("0")! : k2 * lambda)
            #expect(lhs % r == rhs % r)
            #expect(k1.bitWidth <= 127 && k2.bitWidth <= 127)
        }
    }

    // MARK: - Precompile encoding

    @Test func encodingRoundTrip() throws {
        var rng = SeededRNG(seed: 19)
        let g = G1Affine.generator.precompileBytes
        #expect(g == [UInt8](repeating: 0, count: 31) + [1] + [UInt8](repeating: 0, count: 31) + [2])
        #expect(G1Affine.infinity.precompileBytes == [UInt8](repeating: 0, count: 64))
        #expect(try G1Affine(precompileBytes: [UInt8](repeating: 0, count: 64)).isInfinity)
        #expect(try G1Affine(precompileBytes: g) == .generator)
        for _ in 0..<20 {
            let p = G1Oracle.randomPoint(using: &rng)
            #expect(try G1Affine(precompileBytes: p.precompileBytes) == p)
            #expect(try G1Affine(precompileBytes: p.precompileBytes[...]) == p)
        }
    }

    @Test func encodingRejections() {
        let g = G1Affine.generator.precompileBytes
        #expect(throws: BN254Error.wrongLength(expected: 64, got: 63)) { try G1Affine(precompileBytes: Array(g.dropLast())) }
        #expect(throws: BN254Error.wrongLength(expected: 64, got: 65)) { try G1Affine(precompileBytes: g + [0]) }
        #expect(throws: BN254Error.wrongLength(expected: 64, got: 0)) { try G1Affine(precompileBytes: [UInt8]()) }
        let p = BigNumber(Fq.modulusDecimal)!.bigEndianBytes(width: 32)
        // x = p (≡ 1·0, not canonical), y = 2; and x = 1, y = p + 2 ≡ 2.
        #expect(throws: BN254Error.notInField) { try G1Affine(precompileBytes: p + Array(g[32..<64])) }
        let pPlus2 = (BigNumber(Fq.modulusDecimal)! + BigNumber("2")!).bigEndianBytes(width: 32)
        #expect(throws: BN254Error.notInField) { try G1Affine(precompileBytes: Array(g[0..<32]) + pPlus2) }
        let ones = [UInt8](repeating: 0xff, count: 32)
        #expect(throws: BN254Error.notInField) { try G1Affine(precompileBytes: ones + ones) }
        // (1, 3) is not on the curve; nor is (0, 1) nor (1, 0).
        var off = g; off[63] = 3
        #expect(throws: BN254Error.notOnCurve) { try G1Affine(precompileBytes: off) }
        var zeroOne = [UInt8](repeating: 0, count: 64); zeroOne[63] = 1
        #expect(throws: BN254Error.notOnCurve) { try G1Affine(precompileBytes: zeroOne) }
        var oneZero = [UInt8](repeating: 0, count: 64); oneZero[31] = 1
        #expect(throws: BN254Error.notOnCurve) { try G1Affine(precompileBytes: oneZero) }
    }
}
