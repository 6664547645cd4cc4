import BN254
import Polynomials
import Testing
import TestSupport

@Suite struct DomainTests {
    @Test(arguments: [0, 1, 2, 3, 6, 10, 20, 28])
    func generatorIsPrimitiveRoot(logSize: Int) throws {
        let d = try #require(Domain(logSize: logSize))
        let n = 1 << logSize
        #expect(d.size == n)
        #expect(d.logSize == logSize)
        #expect(d.generator.pow(UInt64(n)) == .one)
        if n >= 2 {
            // ω^(n/2) = −1 makes ω's order exactly n (n a power of two).
            #expect(d.generator.pow(UInt64(n / 2)) == -Fr.one)
        } else {
            #expect(d.generator == .one)
        }
        #expect(d.generator * d.generatorInverse == .one)
        #expect(d.sizeInverse * Fr(UInt64(n)) == .one)
        #expect(d.cosetShift == Fr(5))
        #expect(d.cosetShift * d.cosetShiftInverse == .one)
    }

    /// ω = 5^((r − 1)/n) mod r, computed with libgmp.
    @Test(arguments: [1, 5, 16, 28])
    func generatorMatchesBigNumber(logSize: Int) throws {
        let d = try #require(Domain(logSize: logSize))
        let r = BigNumber(limbs: Fr.modulusLimbs)
        let rMinusOne = r - BigNumber(limbs: (1, 0, 0, 0))
        var limbs = rMinusOne.limbArray
        while limbs.count < 4 { limbs.append(0) }
        // (r − 1) >> k: r − 1 is divisible by 2²⁸.
        for i in 0..<4 {
            let next = i + 1 < 4 ? limbs[i + 1] : 0
            limbs[i] = (limbs[i] >> UInt64(logSize)) | (logSize == 0 ? 0 : next << UInt64(64 - logSize))
        }
        let e = BigNumber(limbArray: limbs)
        let expected = BigNumber(limbs: (5, 0, 0, 0)).powMod(e, r)
        #expect(BigNumber(limbs: d.generator.canonicalLimbs) == expected)
    }

    @Test func impossibleDomainsAreNil() {
        #expect(Domain(size: 0) == nil)
        #expect(Domain(size: -4) == nil)
        #expect(Domain(size: 3) == nil)
        #expect(Domain(size: 96) == nil)
        #expect(Domain(size: 1 << 29) == nil)
        #expect(Domain(logSize: 29) == nil)
        #expect(Domain(logSize: -1) == nil)
        #expect(Domain(atLeast: 0) == nil)
        #expect(Domain(atLeast: (1 << 28) + 1) == nil)
        #expect(Domain(size: 1 << 28) != nil)
    }

    @Test func atLeastRoundsUp() {
        #expect(Domain(atLeast: 1)?.size == 1)
        #expect(Domain(atLeast: 2)?.size == 2)
        #expect(Domain(atLeast: 3)?.size == 4)
        #expect(Domain(atLeast: 1000)?.size == 1024)
        #expect(Domain(atLeast: 1024)?.size == 1024)
        #expect(Domain(atLeast: 1025)?.size == 2048)
    }

    @Test(arguments: [1, 2, 8, 1 << 13])
    func elements(size: Int) throws {
        let d = try #require(Domain(size: size))
        let all = d.elements
        let coset = d.cosetElements
        #expect(all.count == size)
        var w = Fr.one
        for i in 0..<size {
            #expect(all[i] == w)
            #expect(coset[i] == d.cosetShift * w)
            w *= d.generator
        }
        #expect(w == .one)
        for i in [0, 1, size - 1, size, size + 3, -1] {
            #expect(d.element(i) == all[((i % size) + size) % size])
        }
    }

    @Test func vanishingPolynomial() throws {
        let d = try #require(Domain(size: 16))
        var rng = SeededRNG(seed: 11)
        for i in 0..<16 { #expect(d.evaluateVanishing(at: d.element(i)).isZero) }
        for _ in 0..<10 {
            let x = Fr.random(using: &rng)
            #expect(d.evaluateVanishing(at: x) == x.pow(16) - .one)
        }
        #expect(d.evaluateVanishing(at: d.cosetShift) == d.cosetShift.pow(16) - .one)
        #expect(!d.evaluateVanishing(at: d.cosetShift).isZero)
    }

    /// Naive Lagrange basis: Lᵢ(x) = Πⱼ≠ᵢ (x − ωʲ)/(ωⁱ − ωʲ).
    static func naiveLagrange(_ d: Domain, _ i: Int, _ x: Fr) -> Fr {
        var num = Fr.one, den = Fr.one
        for j in 0..<d.size where j != i {
            num *= x - d.element(j)
            den *= d.element(i) - d.element(j)
        }
        return num * den.inverse()!
    }

    @Test(arguments: [1, 2, 8, 32])
    func lagrangeMatchesNaive(size: Int) throws {
        let d = try #require(Domain(size: size))
        var rng = SeededRNG(seed: UInt64(size))
        for x in [Fr.random(using: &rng), Fr.random(using: &rng), d.cosetShift, Fr.zero] {
            let all = d.lagrangeEvaluations(at: x)
            #expect(all.count == size)
            for i in 0..<size {
                let expected = DomainTests.naiveLagrange(d, i, x)
                #expect(all[i] == expected)
                #expect(d.evaluateLagrange(i, at: x) == expected)
            }
        }
    }

    @Test func lagrangeOnDomainIsUnitVector() throws {
        let d = try #require(Domain(size: 16))
        for k in [0, 5, 15] {
            let all = d.lagrangeEvaluations(at: d.element(k))
            for i in 0..<16 {
                #expect(all[i] == (i == k ? Fr.one : Fr.zero))
                #expect(d.evaluateLagrange(i, at: d.element(k)) == (i == k ? Fr.one : Fr.zero))
            }
        }
    }

    /// Above the parallel threshold: the weights interpolate a random
    /// polynomial, Σ p(ωⁱ)·Lᵢ(x) = p(x).
    @Test func lagrangeInterpolatesLargeDomain() throws {
        let n = 1 << 13
        let d = try #require(Domain(size: n))
        var rng = SeededRNG(seed: 5)
        let coefficients = (0..<n).map { _ in Fr.random(using: &rng) }
        var evaluations = coefficients
        d.forwardNTT(&evaluations)
        let x = Fr.random(using: &rng)
        let weights = d.lagrangeEvaluations(at: x)
        var sum = Fr.zero
        for i in 0..<n { sum += weights[i] * evaluations[i] }
        #expect(sum == DensePolynomial(coefficients: coefficients).evaluate(at: x))
    }
}
