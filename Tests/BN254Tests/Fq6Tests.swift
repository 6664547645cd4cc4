import BN254
import Testing
import TestSupport

@Suite struct Fq6Tests {
    static let v = Fq6(c0: .zero, c1: .one, c2: .zero)

    /// Edge values followed by seeded random ones.
    static func values(count: Int, seed: UInt64) -> [Fq6] {
        let e = Fq2Tests.values(count: 0, seed: 0)
        var out: [Fq6] = [.zero, .one, -.one, v, v.square(), Fq6(c0: e[6], c1: e[7], c2: e[8]),
                          Fq6(c0: .zero, c1: .zero, c2: e[6])]
        var rng = SeededRNG(seed: seed)
        for _ in 0..<count { out.append(.random(using: &rng)) }
        return out
    }

    /// Schoolbook product in Fq2[v]/(v³ − ξ).
    static func schoolbook(_ a: Fq6, _ b: Fq6) -> Fq6 {
        let x = [a.c0, a.c1, a.c2], y = [b.c0, b.c1, b.c2]
        var z = [Fq2](repeating: .zero, count: 5)
        for i in 0..<3 { for j in 0..<3 { z[i + j] = z[i + j] + x[i] * y[j] } }
        return Fq6(c0: z[0] + z[3] * Fq2.nonResidue, c1: z[1] + z[4] * Fq2.nonResidue, c2: z[2])
    }

    @Test func fieldLaws() {
        checkFieldLaws(Fq6Tests.values(count: 8, seed: 61))
    }

    @Test func mulMatchesSchoolbook() {
        let vs = Fq6Tests.values(count: 20, seed: 62)
        for a in vs { for b in vs.prefix(8) { #expect(a * b == Fq6Tests.schoolbook(a, b)) } }
        #expect(Fq6Tests.v * Fq6Tests.v * Fq6Tests.v == Fq6(Fq2.nonResidue))
    }

    @Test func sparseAndScalarProducts() {
        var rng = SeededRNG(seed: 63)
        for a in Fq6Tests.values(count: 20, seed: 64) {
            let b0 = Fq2.random(using: &rng), b1 = Fq2.random(using: &rng)
            #expect(a.mulBy01(b0, b1) == a * Fq6(c0: b0, c1: b1, c2: .zero))
            #expect(a.mulBy1(b1) == a * Fq6(c0: .zero, c1: b1, c2: .zero))
            #expect(a.mulByNonResidue() == a * Fq6Tests.v)
            #expect(a * b0 == a * Fq6(b0))
        }
    }

    @Test func frobeniusIsPowerOfP() {
        let p1 = Curve.pPower(1).limbArray, p2 = Curve.pPower(2).limbArray, p3 = Curve.pPower(3).limbArray
        for a in Fq6Tests.values(count: 3, seed: 65) {
            #expect(a.frobenius() == power(a, p1))
            #expect(a.frobeniusSquare() == power(a, p2))
            #expect(a.frobeniusCube() == power(a, p3))
            #expect(a.pow(p1) == power(a, p1))
        }
    }
}
