import BN254
import Testing
import TestSupport

@Suite struct Fq12Tests {
    static let w = Fq12(c0: .zero, c1: .one)

    /// Edge values followed by seeded random ones.
    static func values(count: Int, seed: UInt64) -> [Fq12] {
        let e = Fq6Tests.values(count: 0, seed: 0)
        var out: [Fq12] = [.zero, .one, -.one, w, Fq12(c0: e[5], c1: e[6]), Fq12(c0: .zero, c1: e[5])]
        var rng = SeededRNG(seed: seed)
        for _ in 0..<count { out.append(.random(using: &rng)) }
        return out
    }

    /// The six Fq2 coordinates x₀…x₅ of Σ xⱼwʲ.
    static func coordinates(_ a: Fq12) -> [Fq2] { [a.c0.c0, a.c1.c0, a.c0.c1, a.c1.c1, a.c0.c2, a.c1.c2] }

    static func fromCoordinates(_ x: [Fq2]) -> Fq12 {
        Fq12(c0: Fq6(c0: x[0], c1: x[2], c2: x[4]), c1: Fq6(c0: x[1], c1: x[3], c2: x[5]))
    }

    /// Schoolbook product in Fq2[w]/(w⁶ − ξ), independent of the Fq6 layer.
    static func schoolbook(_ a: Fq12, _ b: Fq12) -> Fq12 {
        let x = coordinates(a), y = coordinates(b)
        var z = [Fq2](repeating: .zero, count: 11)
        for i in 0..<6 { for j in 0..<6 { z[i + j] = z[i + j] + x[i] * y[j] } }
        for k in 6..<11 { z[k - 6] = z[k - 6] + z[k] * Fq2.nonResidue }
        return fromCoordinates(Array(z[0..<6]))
    }

    /// An element of the cyclotomic subgroup: f^((p⁶−1)(p²+1)) by the oracle.
    static func cyclotomic(_ f: Fq12) -> Fq12 {
        let t = power(f, Curve.pPower(6).limbArray) * f.inverse()!
        return power(t, Curve.pPower(2).limbArray) * t
    }

    @Test func fieldLaws() {
        checkFieldLaws(Fq12Tests.values(count: 6, seed: 121))
    }

    @Test func mulAndSquareMatchSchoolbook() {
        let vs = Fq12Tests.values(count: 12, seed: 122)
        for a in vs {
            #expect(a.square() == Fq12Tests.schoolbook(a, a))
            for b in vs.prefix(6) { #expect(a * b == Fq12Tests.schoolbook(a, b)) }
        }
        #expect(Fq12Tests.w.square() == Fq12(c0: Fq6Tests.v, c1: .zero))
    }

    @Test func frobeniusIsPowerOfP() {
        for a in Fq12Tests.values(count: 2, seed: 123) {
            #expect(a.frobenius() == power(a, Curve.pPower(1).limbArray))
            #expect(a.frobeniusSquare() == power(a, Curve.pPower(2).limbArray))
            #expect(a.frobeniusCube() == power(a, Curve.pPower(3).limbArray))
            #expect(a.conjugate() == power(a, Curve.pPower(6).limbArray))
            #expect(a.pow(Curve.pPower(1).limbArray) == a.frobenius())
        }
    }

    @Test func cyclotomicSquare() {
        let order = Curve.pPower(4) - Curve.pPower(2) + BigNumber("1")!
        for f in Fq12Tests.values(count: 4, seed: 124).suffix(4) {
            let g = Fq12Tests.cyclotomic(f)
            #expect(power(g, order.limbArray) == .one)
            #expect(g.cyclotomicSquare() == g * g)
            #expect(g.conjugate() * g == .one)
            // Off the subgroup the shortcut is not a squaring, so the test above has teeth.
            #expect(f.cyclotomicSquare() != f * f)
        }
    }

    @Test func sparseLineProduct() {
        var rng = SeededRNG(seed: 125)
        for f in Fq12Tests.values(count: 10, seed: 126) {
            let l0 = Fq2.random(using: &rng), l3 = Fq2.random(using: &rng), l4 = Fq2.random(using: &rng)
            let line = Fq12(c0: Fq6(l0), c1: Fq6(c0: l3, c1: l4, c2: .zero))
            #expect(f.mulBy034(l0, l3, l4) == f * line)
        }
    }
}
