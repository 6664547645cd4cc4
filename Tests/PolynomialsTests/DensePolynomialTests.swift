import BN254
import Polynomials
import Testing
import TestSupport

/// The product by the schoolbook method (the test's own oracle).
func schoolbookProduct(_ a: [Fr], _ b: [Fr]) -> [Fr] {
    if a.isEmpty || b.isEmpty { return [] }
    var c = [Fr](repeating: .zero, count: a.count + b.count - 1)
    for i in a.indices { for j in b.indices { c[i + j] += a[i] * b[j] } }
    return c
}

/// p(x) by summing cᵢ·xⁱ with explicit powers.
func powerSum(_ c: [Fr], _ x: Fr) -> Fr {
    var sum = Fr.zero
    for (i, ci) in c.enumerated() { sum += ci * x.pow(UInt64(i)) }
    return sum
}

@Suite struct DensePolynomialTests {
    @Test func normalisesAndDegree() {
        let p = DensePolynomial(coefficients: [Fr(1), Fr(2), .zero, .zero])
        #expect(p.coefficients == [Fr(1), Fr(2)])
        #expect(p.degree == 1)
        #expect(DensePolynomial(coefficients: [.zero, .zero]).isZero)
        #expect(DensePolynomial.zero.degree == 0)
        #expect(DensePolynomial(constant: Fr(7)).degree == 0)
        #expect(!DensePolynomial(constant: Fr(7)).isZero)
        #expect(p == DensePolynomial(coefficients: [Fr(1), Fr(2)]))
    }

    @Test(arguments: [0, 1, 2, 17, 5000, 20000])
    func evaluateMatchesPowerSum(count: Int) {
        let c = randomElements(count, seed: 1000 + UInt64(count))
        let p = DensePolynomial(coefficients: c)
        var rng = SeededRNG(seed: 1)
        for x in [Fr.zero, .one, Fr.random(using: &rng)] {
            // The power-sum oracle is slow; sample it only for small counts.
            if count <= 5000 {
                #expect(p.evaluate(at: x) == powerSum(c, x))
            }
        }
        if count > 0 {
            #expect(p.evaluate(at: .zero) == c[0])
            var sum = Fr.zero
            for ci in c { sum += ci }
            #expect(p.evaluate(at: .one) == sum)
        }
    }

    @Test func addSubScale() {
        let a = randomElements(10, seed: 1), b = randomElements(4, seed: 2)
        let p = DensePolynomial(coefficients: a), q = DensePolynomial(coefficients: b)
        var rng = SeededRNG(seed: 3)
        let s = Fr.random(using: &rng)
        for x in [Fr(3), Fr.random(using: &rng)] {
            #expect((p + q).evaluate(at: x) == p.evaluate(at: x) + q.evaluate(at: x))
            #expect((q + p) == (p + q))
            #expect((p - q).evaluate(at: x) == p.evaluate(at: x) - q.evaluate(at: x))
            #expect((q - p).evaluate(at: x) == q.evaluate(at: x) - p.evaluate(at: x))
            #expect((s * p).evaluate(at: x) == s * p.evaluate(at: x))
            #expect((p * s) == (s * p))
            #expect((-p).evaluate(at: x) == -p.evaluate(at: x))
        }
        #expect((p - p).isZero)
        #expect((Fr.zero * p).isZero)
        // Cancelling leading terms lowers the degree.
        let r = DensePolynomial(coefficients: [Fr(1), Fr(2), Fr(3)])
        let t = DensePolynomial(coefficients: [Fr(5), Fr(6), Fr(3)])
        #expect((r - t).degree == 1)
        var u = r
        u += t
        u -= t
        #expect(u == r)
    }

    @Test(arguments: [(0, 5), (1, 1), (3, 7), (63, 64), (64, 64), (100, 300), (1000, 1500), (2049, 2048)])
    func multiplyMatchesSchoolbook(sizes: (Int, Int)) {
        let a = randomElements(sizes.0, seed: 2000 + UInt64(sizes.0))
        let b = randomElements(sizes.1, seed: 3000 + UInt64(sizes.1))
        let product = DensePolynomial(coefficients: a) * DensePolynomial(coefficients: b)
        #expect(firstDifference(product.coefficients, DensePolynomial(coefficients: schoolbookProduct(a, b)).coefficients) == nil)
        if !a.isEmpty { #expect(product.degree == a.count + b.count - 2) }
    }

    @Test(arguments: [0, 1, 2, 10, 257])
    func divideByLinear(count: Int) {
        let c = randomElements(count, seed: 4000 + UInt64(count))
        let p = DensePolynomial(coefficients: c)
        var rng = SeededRNG(seed: 4)
        for z in [Fr.zero, Fr.one, Fr.random(using: &rng)] {
            let (q, r) = p.divided(byLinear: z)
            #expect(r == p.evaluate(at: z))
            // p = q·(X − z) + r, checked coefficient-wise.
            let rebuilt = q * DensePolynomial(coefficients: [-z, .one]) + DensePolynomial(constant: r)
            #expect(rebuilt == p)
            if count >= 2 { #expect(q.degree == count - 2) }
        }
        // Exact division: p − p(z) has the root z.
        let z = Fr(9)
        let shifted = p - DensePolynomial(constant: p.evaluate(at: z))
        #expect(shifted.divided(byLinear: z).remainder.isZero)
    }

    @Test(arguments: [(1, 0), (4, 3), (4, 4), (4, 9), (8, 17), (16, 40), (1 << 12, 3 << 12)])
    func divideByVanishing(domainSize: Int, count: Int) throws {
        let d = try #require(Domain(size: domainSize))
        let p = DensePolynomial(coefficients: randomElements(count, seed: 5000 + UInt64(count)))
        let (q, r) = p.divided(byVanishingOf: d)
        #expect(r.isZero || r.degree < domainSize)
        var zh = [Fr](repeating: .zero, count: domainSize + 1)
        zh[0] = -Fr.one
        zh[domainSize] = .one
        #expect(firstDifference((q * DensePolynomial(coefficients: zh) + r).coefficients, p.coefficients) == nil)
        // A multiple of Z_H divides exactly and its evaluations on H vanish.
        let multiple = DensePolynomial(coefficients: zh) * DensePolynomial(coefficients: randomElements(5, seed: 6))
        let exact = multiple.divided(byVanishingOf: d)
        #expect(exact.remainder.isZero)
        #expect(exact.quotient == DensePolynomial(coefficients: randomElements(5, seed: 6)))
    }

    @Test func evaluationFormRoundTrips() throws {
        let d = try #require(Domain(size: 64))
        let c = randomElements(50, seed: 7)
        let p = DensePolynomial(coefficients: c)
        let onH = p.evaluations(over: d)
        let onCoset = p.cosetEvaluations(over: d)
        for i in [0, 1, 33, 63] {
            #expect(onH[i] == powerSum(c, d.element(i)))
            #expect(onCoset[i] == powerSum(c, d.cosetShift * d.element(i)))
        }
        #expect(DensePolynomial(evaluations: onH, over: d) == p)
    }
}
