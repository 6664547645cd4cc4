import BN254
import Testing
import TestSupport

@Suite struct Fq2Tests {
    /// Edge values (products of Fq edge values) followed by seeded random ones.
    static func values(count: Int, seed: UInt64) -> [Fq2] {
        let e = fqEdgeValues()
        var out: [Fq2] = [.zero, .one, -.one, .u, -.u, Fq2.nonResidue,
                          Fq2(c0: e[3], c1: e[3]), Fq2(c0: e[5], c1: e[6]), Fq2(c0: .zero, c1: e[7])]
        var rng = SeededRNG(seed: seed)
        for _ in 0..<count { out.append(.random(using: &rng)) }
        return out
    }

    @Test func fieldLaws() {
        checkFieldLaws(Fq2Tests.values(count: 12, seed: 21))
    }

    @Test func mulMatchesSchoolbook() {
        let vs = Fq2Tests.values(count: 40, seed: 22)
        for a in vs {
            for b in vs.prefix(12) {
                // (a0 + a1u)(b0 + b1u) = a0b0 − a1b1 + (a0b1 + a1b0)u, u² = −1.
                let expected = Fq2(c0: a.c0 * b.c0 - a.c1 * b.c1, c1: a.c0 * b.c1 + a.c1 * b.c0)
                #expect(a * b == expected)
            }
        }
    }

    @Test func helpersMatchMultiplication() {
        for a in Fq2Tests.values(count: 40, seed: 23) {
            #expect(a.mulByNonResidue() == a * Fq2(c0: Fq(9), c1: .one))
            #expect(a.mulByNonResidue() == a * Fq2.nonResidue)
            #expect(a.halved().double() == a)
            #expect(a.conjugate() == Fq2(c0: a.c0, c1: -a.c1))
            #expect(Fq2(a.norm) == a * a.conjugate())
            let s = Fq.random()
            #expect(a * s == a * Fq2(s))
        }
        #expect(Fq2.u.square() == -.one)
    }

    @Test func frobeniusIsPowerP() {
        let p = Curve.p.limbArray
        for a in Fq2Tests.values(count: 6, seed: 24) {
            #expect(a.frobenius() == power(a, p))
            #expect(a.pow(p) == power(a, p))
        }
    }

    @Test func nonResidueIsNeitherSquareNorCube() {
        let n = Curve.pPower(2) - BigNumber("1")!
        #expect(Fq2.nonResidue.pow(divideExactly(n, 2).limbArray) == -.one)
        #expect(Fq2.nonResidue.pow(divideExactly(n, 3).limbArray) != .one)
        #expect(Fq2.nonResidue.sqrt() == nil)
    }

    @Test func sqrtOfSquares() {
        var rng = SeededRNG(seed: 25)
        var samples = Fq2Tests.values(count: 60, seed: 26)
        for _ in 0..<20 { samples.append(Fq2(Fq.random(using: &rng))) }   // c1 = 0, both branches
        for a in samples {
            let sq = a.square()
            let r = sq.sqrt()
            #expect(r != nil)
            if let r { #expect(r.square() == sq); #expect(r == a || r == -a) }
        }
        #expect(Fq2.zero.sqrt() == .zero)
    }

    @Test func sqrtRejectsNonSquares() {
        // a is a square in Fq2 iff its norm is a square in Fq; ξ·s² is never a square.
        for a in Fq2Tests.values(count: 60, seed: 27) where !a.isZero {
            let isSquare = a.norm.legendre() == 1
            let r = a.sqrt()
            #expect((r != nil) == isSquare)
            #expect((a.square() * Fq2.nonResidue).sqrt() == nil)
        }
    }
}
