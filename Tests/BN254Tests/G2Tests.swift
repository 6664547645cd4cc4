import BN254
import Foundation
import Testing
import TestSupport

@Suite struct G2Tests {
    static let g = G2Affine.generator
    static let rLimbs = Curve.r.limbArray
    static let lambda = BigNumber("6")! * Curve.x * Curve.x

    /// Random points of G2 through the naive oracle.
    static func subgroupPoints(_ n: Int, seed: UInt64) -> [G2Affine] {
        var rng = SeededRNG(seed: seed)
        return (0..<n).map { _ in g.naiveMul(Curve.limbs(Fr.random(using: &rng))) }
    }

    /// The same point with Z = s: (X s², Y s³, s).
    static func rescaled(_ p: G2Affine, _ s: Fq2) -> G2Projective {
        let s2 = s.square()
        return G2Projective(x: p.x * s2, y: p.y * s2 * s, z: s)
    }

    @Test func generatorMatchesEIP197() {
        let hex = "198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c2"
            + "1800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed"
            + "090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b"
            + "12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa"
        #expect(Fixtures.hex(G2Tests.g.eip197Bytes) == hex)
        #expect(G2Tests.g.isOnCurve)
        #expect(G2Tests.g.isInSubgroup)
        #expect(G2Tests.g.naiveMul(G2Tests.rLimbs) == .infinity)
        #expect(G2Projective.generator.toAffine() == G2Tests.g)
    }

    @Test func groupLawMatchesNaiveAffine() {
        var rng = SeededRNG(seed: 201)
        var points = G2Tests.subgroupPoints(3, seed: 202)
        points.append(.randomOnTwist(using: &rng))
        points.append(.randomOnTwist(using: &rng))
        for p in points {
            let pp = G2Tests.rescaled(p, Fq2.random(using: &rng))
            #expect(pp.isOnCurve)
            #expect(pp.toAffine() == p)
            #expect(pp == G2Projective(p))
            #expect(pp.double().toAffine() == G2Affine(naive: naiveG2.add(p.naive, p.naive)))
            #expect(pp + pp == pp.double())
            #expect(pp.adding(p) == pp.double())
            #expect(pp + (-pp) == .infinity)
            #expect(pp.adding(-p) == .infinity)
            #expect(pp + .infinity == pp)
            #expect(G2Projective.infinity + pp == pp)
            #expect(G2Projective.infinity.adding(p) == pp)
            #expect(pp.adding(.infinity) == pp)
            for q in points {
                let qq = G2Tests.rescaled(q, Fq2.random(using: &rng))
                let sum = G2Affine(naive: naiveG2.add(p.naive, q.naive))
                #expect((pp + qq).toAffine() == sum)
                #expect(pp.adding(q).toAffine() == sum)
                #expect(pp + qq == qq + pp)
                #expect((pp + qq).isOnCurve)
                #expect((pp - qq) + qq == pp)
                for s in points.prefix(2) {
                    #expect((pp + qq) + G2Projective(s) == pp + (qq + G2Projective(s)))
                }
            }
        }
        #expect(G2Projective.infinity.double() == .infinity)
        #expect(G2Projective.infinity.toAffine() == .infinity)
        #expect(G2Projective(G2Affine.infinity).isInfinity)
        #expect(-G2Affine.infinity == .infinity)
        #expect(G2Projective.batchToAffine(points.map { G2Tests.rescaled($0, .random(using: &rng)) } + [.infinity])
                == points + [.infinity])
    }

    @Test func offCurvePointsAreDetected() {
        var rng = SeededRNG(seed: 203)
        let p = G2Affine.randomOnTwist(using: &rng)
        #expect(!G2Affine(x: p.x, y: p.y + .one).isOnCurve)
        #expect(!G2Projective(x: p.x, y: p.y + .one, z: .one).isOnCurve)
        #expect(G2Affine.infinity.isOnCurve)
    }

    @Test func scalarMultiplicationMatchesDoubleAndAdd() {
        var rng = SeededRNG(seed: 204)
        let one = BigNumber("1")!
        let lambda = G2Tests.lambda
        var scalars: [Fr] = [.zero, .one, Fr(2), -Fr.one, Fr(canonicalLimbs: lambda.limbs256!)!,
                             Fr(canonicalLimbs: (lambda - one).limbs256!)!, Fr(canonicalLimbs: (lambda + one).limbs256!)!,
                             Fr(canonicalLimbs: (0, 0, 1, 0))!, Fr(canonicalLimbs: (lambda * lambda % Curve.r).limbs256!)!]
        for _ in 0..<6 { scalars.append(.random(using: &rng)) }
        let points = G2Tests.subgroupPoints(2, seed: 205) + [G2Tests.g]
        for p in points {
            for k in scalars {
                let expected = p.naiveMul(Curve.limbs(k))
                #expect(G2Projective(p).multiplied(by: k).toAffine() == expected)
                #expect((G2Projective(p) * k).toAffine() == expected)
                #expect(G2Projective(p).multiplied(byLimbs: Curve.limbs(k)).toAffine() == expected)
            }
        }
        // Arbitrary scalars on points outside G2 (where only the limb path is valid).
        for _ in 0..<3 {
            let p = G2Affine.randomOnTwist(using: &rng)
            let k = [rng.next(), rng.next(), rng.next(), rng.next(), rng.next() & 0xff]
            #expect(G2Projective(p).multiplied(byLimbs: k).toAffine() == p.naiveMul(k))
        }
        #expect(G2Projective(G2Tests.g).multiplied(byLimbs: []) == .infinity)
        #expect(G2Projective.infinity.multiplied(by: .random(using: &rng)) == .infinity)
    }

    @Test func psiSatisfiesFrobeniusEquation() {
        var rng = SeededRNG(seed: 206)
        let p = Curve.p.limbArray
        let trace = (G2Tests.lambda + BigNumber("1")!).limbArray      // t = 6x² + 1
        for _ in 0..<3 {
            let q = G2Projective(G2Affine.randomOnTwist(using: &rng))
            // ψ² − [t]ψ + [p] = 0 on the whole twist.
            #expect(q.psi().psi() + q.multiplied(byLimbs: p) == q.psi().multiplied(byLimbs: trace))
            #expect(q.toAffine().psi() == q.psi().toAffine())
        }
        for q in G2Tests.subgroupPoints(2, seed: 207) {
            #expect(G2Projective(q).psi().toAffine() == q.naiveMul(G2Tests.lambda.limbArray))
        }
    }

    @Test func subgroupCheckAgreesWithOrderR() {
        var rng = SeededRNG(seed: 208)
        for q in G2Tests.subgroupPoints(3, seed: 209) {
            #expect(q.isInSubgroup)
            #expect(q.naiveMul(G2Tests.rLimbs) == .infinity)
        }
        let h = Curve.twistCofactor.limbArray
        for _ in 0..<4 {
            let q = G2Affine.randomOnTwist(using: &rng)
            let rq = G2Projective(q).multiplied(byLimbs: G2Tests.rLimbs)
            // Outside G2: [r]Q ≠ O and the ψ test says no.
            #expect(!rq.isInfinity)
            #expect(q.naiveMul(G2Tests.rLimbs) != .infinity)
            #expect(!q.isInSubgroup)
            // [r]Q has order dividing the cofactor: also outside G2, alone or
            // added to a point of G2.
            #expect(!rq.isInSubgroup)
            #expect(!(rq + G2Projective(G2Tests.g)).isInSubgroup)
            // Cofactor clearing lands in G2.
            let cleared = G2Projective(q).multiplied(byLimbs: h)
            #expect(cleared.multiplied(byLimbs: G2Tests.rLimbs).isInfinity)
            #expect(cleared.isInSubgroup)
        }
        #expect(G2Affine.infinity.isInSubgroup)
    }

    // MARK: - EIP-197 encoding

    @Test func encodingRoundTrip() throws {
        for q in G2Tests.subgroupPoints(4, seed: 210) + [G2Tests.g, .infinity] {
            let bytes = q.eip197Bytes
            #expect(bytes.count == 128)
            #expect(try G2Affine(eip197Bytes: bytes) == q)
            #expect(try G2Affine(eip197Bytes: bytes[...]) == q)
        }
        #expect(G2Affine.infinity.eip197Bytes == [UInt8](repeating: 0, count: 128))
        #expect(try G2Affine(eip197Bytes: [UInt8](repeating: 0, count: 128)).isInfinity)
    }

    @Test func encodingRejections() {
        var rng = SeededRNG(seed: 211)
        let valid = G2Tests.g.eip197Bytes
        for n in [0, 64, 127, 129, 256] {
            #expect(throws: BN254Error.wrongLength(expected: 128, got: n)) {
                try G2Affine(eip197Bytes: [UInt8](repeating: 0, count: n))
            }
        }
        let pBytes = Curve.p.bigEndianBytes(width: 32)
        for coordinate in 0..<4 {
            for bad in [pBytes, [UInt8](repeating: 0xff, count: 32)] {
                var b = valid
                b.replaceSubrange(coordinate * 32..<(coordinate + 1) * 32, with: bad)
                #expect(throws: BN254Error.notInField) { try G2Affine(eip197Bytes: b) }
            }
        }
        // y_real + 1: off the twist.
        var off = valid
        off[127] &+= 1
        #expect(throws: BN254Error.notOnCurve) { try G2Affine(eip197Bytes: off) }
        // A point at infinity must be all zero: (0, 0) with one stray bit is off the twist.
        var stray = [UInt8](repeating: 0, count: 128)
        stray[127] = 1
        #expect(throws: BN254Error.notOnCurve) { try G2Affine(eip197Bytes: stray) }
        // On the twist but outside G2.
        let outside = G2Affine.randomOnTwist(using: &rng)
        #expect(throws: BN254Error.notInSubgroup) { try G2Affine(eip197Bytes: outside.eip197Bytes) }
    }

    /// The G2 cases of the shared precompile failure vectors (made with py_ecc).
    @Test func conformanceFailureVectors() throws {
        let data = try Fixtures.data("../shared/conformance/precompiles/fail-bn256.json")
        let cases = try JSONSerialization.jsonObject(with: data) as! [[String: Any]]
        let expected: [String: BN254Error] = [
            "g2_not_in_subgroup": .notInSubgroup, "g2_off_twist": .notOnCurve, "g2_coordinate_ge_p": .notInField,
        ]
        var seen = 0
        for c in cases {
            guard let name = c["Name"] as? String, let want = expected[name] else { continue }
            let input = Fixtures.hexBytes(c["Input"] as! String)!
            var errors: [BN254Error] = []
            for start in stride(from: 0, to: input.count, by: 192) {
                do { _ = try G2Affine(eip197Bytes: input[start + 64..<start + 192]) } catch { errors.append(error) }
            }
            #expect(errors == [want], "\(name)")
            seen += 1
        }
        #expect(seen == 3)
    }
}
