import BN254
import Foundation
import Testing
import TestSupport

@Suite struct PairingTests {
    static let p1 = G1Affine.generator
    static let q1 = G2Affine.generator

    /// (p⁴ − p² + 1)/r, checked against the big-number oracle below.
    static let hardExponent = BigNumber("10486551571378427818905133077457505975217533156541166536005452068033223782873764572151541189142778783267711471998854717549389605644966361077867290379973073897271417449614939788000730910148473503528371060814157528868116901618729649")!

    static func g1(_ k: Fr) -> G1Affine { p1.naiveMul(Curve.limbs(k)) }
    static func g2(_ k: Fr) -> G2Affine { (G2Projective(q1) * k).toAffine() }

    @Test func finalExponentiationMatchesPower() {
        let p = Curve.p, one = BigNumber("1")!
        let p2 = Curve.pPower(2), p4 = Curve.pPower(4)
        #expect(Curve.r * PairingTests.hardExponent == p4 - p2 + one)
        let x = Curve.x
        let m = BigNumber("2")! * x * (BigNumber("6")! * x * x + BigNumber("3")! * x + one)
        let exponent = (Curve.pPower(6) - one) * (p2 + one) * PairingTests.hardExponent * m
        _ = p
        var rng = SeededRNG(seed: 301)
        for _ in 0..<2 {
            let f = Fq12.random(using: &rng)
            #expect(Pairing.finalExponentiation(f) == power(f, exponent.limbArray))
        }
        // A Miller loop value too.
        let f = Pairing.millerLoop([(PairingTests.p1, PairingTests.q1)])
        #expect(Pairing.finalExponentiation(f) == power(f, exponent.limbArray))
    }

    @Test func nonDegenerateOfOrderR() {
        let e = Pairing.pairing(PairingTests.p1, PairingTests.q1)
        #expect(!e.isOne)
        #expect(e.pow(Curve.r.limbArray).isOne)
        #expect(e.conjugate() * e == .one)
    }

    @Test func bilinearity() {
        var rng = SeededRNG(seed: 302)
        let base = Pairing.pairing(PairingTests.p1, PairingTests.q1)
        for _ in 0..<3 {
            let a = Fr.random(using: &rng), b = Fr.random(using: &rng)
            let pa = PairingTests.g1(a), qb = PairingTests.g2(b)
            let e = Pairing.pairing(pa, qb)
            #expect(e == base.pow(Curve.limbs(a * b)))
            #expect(e == Pairing.pairing(PairingTests.g1(a * b), PairingTests.q1))
            #expect(e == Pairing.pairing(PairingTests.p1, PairingTests.g2(a * b)))
        }
        // Linearity in each argument separately: e(P1 + P2, Q) = e(P1, Q)·e(P2, Q).
        let pa = PairingTests.g1(.random(using: &rng)), pb = PairingTests.g1(.random(using: &rng))
        let sum = G1Affine(naive: naiveG1.add((pa.x, pa.y), (pb.x, pb.y)))
        let q = PairingTests.g2(.random(using: &rng))
        #expect(Pairing.pairing(sum, q) == Pairing.pairing(pa, q) * Pairing.pairing(pb, q))
    }

    @Test func multiPairingIsProduct() {
        var rng = SeededRNG(seed: 303)
        let pairs = (0..<4).map { _ in (PairingTests.g1(.random(using: &rng)), PairingTests.g2(.random(using: &rng))) }
        let product = pairs.map { Pairing.pairing($0.0, $0.1) }.reduce(Fq12.one, *)
        #expect(Pairing.multiPairing(pairs) == product)
        let loops = pairs.map { Pairing.millerLoop([$0]) }.reduce(Fq12.one, *)
        #expect(Pairing.millerLoop(pairs) == loops)
    }

    @Test func pairingCheck() {
        var rng = SeededRNG(seed: 304)
        for _ in 0..<2 {
            let a = Fr.random(using: &rng)
            let p = PairingTests.g1(.random(using: &rng)), q = PairingTests.g2(.random(using: &rng))
            let ap = p.naiveMul(Curve.limbs(a))
            let aq = (G2Projective(q) * a).toAffine()
            #expect(Pairing.pairingCheck([(ap, q), (p.negated, aq)]))
            #expect(!Pairing.pairingCheck([(ap, q), (p.negated, (G2Projective(q) * (a + .one)).toAffine())]))
            #expect(!Pairing.pairingCheck([(ap, q), (p, aq)]))
            #expect(!Pairing.pairingCheck([(ap, q)]))
        }
        #expect(Pairing.pairingCheck([]))
    }

    @Test func infinityContributesOne() {
        let p = PairingTests.p1, q = PairingTests.q1
        #expect(Pairing.pairing(.infinity, q).isOne)
        #expect(Pairing.pairing(p, .infinity).isOne)
        #expect(Pairing.millerLoop([(.infinity, q), (p, .infinity)]).isOne)
        #expect(Pairing.multiPairing([(p, q), (.infinity, q), (p, .infinity)]) == Pairing.pairing(p, q))
        #expect(Pairing.pairingCheck([(.infinity, q), (p, .infinity)]))
        #expect(Pairing.multiPairing([]).isOne)
    }

    @Test func preparedMatchesUnprepared() {
        var rng = SeededRNG(seed: 305)
        let pairs = (0..<3).map { _ in (PairingTests.g1(.random(using: &rng)), PairingTests.g2(.random(using: &rng))) }
        let prepared = pairs.map { ($0.0, G2Prepared($0.1)) }
        #expect(Pairing.millerLoop(prepared: prepared) == Pairing.millerLoop(pairs))
        #expect(Pairing.millerLoop(prepared: [prepared[0]]) == Pairing.millerLoop([pairs[0]]))
        #expect(Pairing.multiPairing(prepared: prepared) == Pairing.multiPairing(pairs))
        // The KZG shape: e(A, [1]₂)·e(−B, [τ]₂) = 1 for B = [1/τ]A... here A = [t]P, B = P, τ = t.
        let t = Fr.random(using: &rng)
        let p = PairingTests.g1(.random(using: &rng))
        let g2 = G2Prepared(PairingTests.q1), tau = G2Prepared(PairingTests.g2(t))
        #expect(Pairing.pairingCheck(prepared: [(p.naiveMul(Curve.limbs(t)), g2), (p.negated, tau)]))
        #expect(!Pairing.pairingCheck(prepared: [(p, g2), (p.negated, tau)]))
        // Infinity on either side contributes 1.
        let none = G2Prepared(.infinity)
        #expect(none.isInfinity && none.lineCount == 0)
        #expect(g2.lineCount == 88)
        #expect(Pairing.millerLoop(prepared: [(p, none), (.infinity, g2)]).isOne)
        #expect(Pairing.multiPairing(prepared: [(p, none), (p, g2)]) == Pairing.pairing(p, PairingTests.q1))
        #expect(Pairing.pairingCheck(prepared: []))
    }

    /// Bit-exact values from py_ecc (fixtures/bn254-pairing-py_ecc.json).
    /// py_ecc raises to (p¹² − 1)/r, we to m·(p¹² − 1)/r with
    /// m = 2x(6x² + 3x + 1), so our value is raised to m⁻¹ mod r first. py_ecc
    /// writes Fq12 over Fq with w¹² − 18w⁶ + 82 = 0, i.e. w⁶ = 9 + u with our w:
    /// Σ xⱼwʲ (xⱼ = xⱼ₀ + xⱼ₁u) has coefficients xⱼ₀ − 9xⱼ₁ at wʲ and xⱼ₁ at wʲ⁺⁶.
    @Test func matchesPyECC() throws {
        let data = try Fixtures.data("fixtures/bn254-pairing-py_ecc.json")
        let doc = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        let vectors = doc["vectors"] as! [[String: Any]]
        #expect(vectors.count == 3)
        let one = BigNumber("1")!, x = Curve.x
        let m = BigNumber("2")! * x * (BigNumber("6")! * x * x + BigNumber("3")! * x + one)
        let mInverse = m.inverse(mod: Curve.r)!.limbArray
        for v in vectors {
            let g1 = v["g1"] as! [String]
            let p = G1Affine(x: Fq(g1[0])!, y: Fq(g1[1])!)
            let q = try G2Affine(eip197Bytes: Fixtures.hexBytes(v["g2"] as! String)!)
            let a = Fr(v["a"] as! String)!, b = Fr(v["b"] as! String)!
            #expect(p == PairingTests.g1(a))
            #expect(q == PairingTests.g2(b))
            let e = Pairing.pairing(p, q).pow(mInverse)
            let xs = Fq12Tests.coordinates(e)
            var coefficients = [Fq](repeating: .zero, count: 12)
            for j in 0..<6 {
                coefficients[j] = xs[j].c0 - Fq(9) * xs[j].c1
                coefficients[j + 6] = xs[j].c1
            }
            #expect(coefficients.map(\.description) == v["pairing"] as! [String])
        }
    }

    /// go-ethereum's ecPairing precompile vectors (bn256Pairing.json).
    @Test func conformancePrecompileVectors() throws {
        let data = try Fixtures.data("../shared/conformance/precompiles/bn256Pairing.json")
        let cases = try JSONSerialization.jsonObject(with: data) as! [[String: Any]]
        #expect(cases.count == 14)
        var trueCount = 0
        for c in cases {
            let input = Fixtures.hexBytes(c["Input"] as! String)!
            let expected = Fixtures.hexBytes(c["Expected"] as! String)!.last == 1
            var pairs: [(G1Affine, G2Affine)] = []
            for start in stride(from: 0, to: input.count, by: 192) {
                let x = Fq(bigEndianBytes: input[start..<start + 32])!
                let y = Fq(bigEndianBytes: input[start + 32..<start + 64])!
                let p = x.isZero && y.isZero ? G1Affine.infinity : G1Affine(x: x, y: y)
                #expect(p.isOnCurve)
                pairs.append((p, try G2Affine(eip197Bytes: input[start + 64..<start + 192])))
            }
            let name = c["Name"] as? String ?? "?"
            #expect(Pairing.pairingCheck(pairs) == expected, "\(name)")
            if expected { trueCount += 1 }
        }
        #expect(trueCount > 0 && trueCount < cases.count)
    }
}

extension G1Affine {
    init(naive p: (Fq, Fq)?) {
        if let p { self.init(x: p.0, y: p.1) } else { self = .infinity }
    }
}
