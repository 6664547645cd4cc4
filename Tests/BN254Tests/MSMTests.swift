import Testing
import BN254
import Parallel
import TestSupport

/// MSM against Σ [s_i]·P_i computed by double-and-add. Serialized because
/// some tests change the global `Parallel.threadCount`.
@Suite(.serialized) struct MSMTests {
    static let rMinusOne = Fr.zero - Fr.one

    /// n distinct random points: consecutive multiples of a random point, with
    /// a few random ones mixed in.
    static func points(_ n: Int, seed: UInt64) -> [G1Affine] {
        var rng = SeededRNG(seed: seed)
        let base = G1Oracle.randomPoint(using: &rng)
        var acc = G1Projective(G1Oracle.randomPoint(using: &rng))
        var ps: [G1Projective] = []
        for _ in 0..<n { ps.append(acc); acc = acc + base }
        return G1Projective.batchToAffine(ps)
    }

    static func scalars(_ n: Int, seed: UInt64) -> [Fr] {
        var rng = SeededRNG(seed: seed)
        return (0..<n).map { _ in Fr.random(using: &rng) }
    }

    /// Σ [s_i]·P_i by double-and-add, the oracle.
    static func naive(_ ps: [G1Affine], _ ss: [Fr]) -> G1Projective {
        var acc = G1Projective.identity
        for i in 0..<ps.count { acc = acc + G1Oracle.doubleAndAdd(G1Projective(ps[i]), ss[i]) }
        return acc
    }

    /// Runs `body` with the given thread count, restoring it afterwards.
    static func withThreads<T>(_ t: Int, _ body: () -> T) -> T {
        let saved = Parallel.threadCount
        Parallel.threadCount = t
        defer { Parallel.threadCount = saved }
        return body()
    }

    // MARK: - Random input

    @Test(arguments: [0, 1, 2, 3, 5, 17, 64, 200, 1000])
    func defaultPlanMatchesNaive(n: Int) {
        let ps = MSMTests.points(n, seed: UInt64(n) + 100), ss = MSMTests.scalars(n, seed: UInt64(n) + 200)
        let expected = MSMTests.naive(ps, ss)
        #expect(G1Projective.msm(points: ps, scalars: ss) == expected)
        #expect(MSMTests.withThreads(1) { G1Projective.msm(points: ps, scalars: ss) } == expected)
        #expect(MSMTests.withThreads(2) { G1Projective.msm(points: ps, scalars: ss) } == expected)
    }

    /// Every window width, with and without GLV, both bucket kinds and split
    /// windows, on one input: crosses the batch-affine threshold and the short
    /// top window of each c.
    @Test func forcedPlansMatchNaive() {
        let n = 300
        let ps = MSMTests.points(n, seed: 1), ss = MSMTests.scalars(n, seed: 2)
        let expected = MSMTests.naive(ps, ss)
        for c in 1...16 {
            for batchAffine in [false, true] {
                for glv in [false, true] {
                    #expect(G1Projective._msm(points: ps, scalars: ss, windowBits: c, batchAffine: batchAffine, glv: glv) == expected,
                            "c = \(c), batchAffine = \(batchAffine), glv = \(glv)")
                }
            }
        }
        // Window groups sharing one bucket array and batch, with and without GLV.
        for (c, perTask) in [(6, 3), (8, 40), (10, 4), (12, 2)] {
            for glv in [false, true] {
                #expect(G1Projective._msm(points: ps, scalars: ss, windowBits: c, windowsPerTask: perTask,
                                          batchAffine: true, glv: glv) == expected, "c = \(c), group = \(perTask)")
            }
        }
        #expect(G1Projective._msm(points: ps, scalars: ss, windowBits: 9, windowsPerTask: 5, pointChunks: 3,
                                  batchAffine: nil, glv: true) == expected)
        for chunks in [2, 3, 7] {
            #expect(G1Projective._msm(points: ps, scalars: ss, windowBits: 8, pointChunks: chunks, batchAffine: true) == expected)
            #expect(G1Projective._msm(points: ps, scalars: ss, windowBits: 5, pointChunks: chunks, batchAffine: false) == expected)
            #expect(G1Projective._msm(points: ps, scalars: ss, windowBits: 7, pointChunks: chunks, batchAffine: true, glv: true) == expected)
        }
    }

    /// Sizes where the default plan uses batch-affine buckets (checked against
    /// GLV scalar multiplication, itself tested against double-and-add).
    @Test(arguments: [4096, 20000])
    func largeMatchesScalarMulSum(n: Int) {
        let ps = MSMTests.points(n, seed: 3), ss = MSMTests.scalars(n, seed: 4)
        var expected = G1Projective.identity
        for i in 0..<n { expected = expected + ps[i] * ss[i] }
        let one = MSMTests.withThreads(1) { G1Projective.msm(points: ps, scalars: ss) }
        let two = MSMTests.withThreads(2) { G1Projective.msm(points: ps, scalars: ss) }
        #expect(one == expected)
        #expect(two == expected)
        #expect(G1Projective._msm(points: ps, scalars: ss, windowBits: 12, pointChunks: 3, batchAffine: true) == expected)
        #expect(G1Projective._msm(points: ps, scalars: ss, windowBits: 13, pointChunks: 2, batchAffine: nil, glv: true) == expected)
    }

    // MARK: - Adversarial input

    static func allPlans(_ ps: [G1Affine], _ ss: [Fr]) -> [G1Projective] {
        var out = [G1Projective.msm(points: ps, scalars: ss)]
        for c in [4, 9, 13] {
            for glv in [false, true] {
                out.append(G1Projective._msm(points: ps, scalars: ss, windowBits: c, batchAffine: true, glv: glv))
                out.append(G1Projective._msm(points: ps, scalars: ss, windowBits: c, batchAffine: false, glv: glv))
            }
        }
        out.append(G1Projective._msm(points: ps, scalars: ss, windowBits: 8, windowsPerTask: 6, batchAffine: true, glv: true))
        return out
    }

    @Test func zeroScalars() {
        let ps = MSMTests.points(500, seed: 5)
        let ss = [Fr](repeating: .zero, count: 500)
        for r in MSMTests.allPlans(ps, ss) { #expect(r.isIdentity) }
    }

    /// Mostly-zero scalars take the compaction path of `msm` (fewer than 7/8
    /// non-zero); the density straddles that threshold, and the sparse terms
    /// sit at the ends and in the middle, as blinding terms do.
    @Test(arguments: [0.0, 0.01, 0.5, 0.87, 0.9])
    func sparseScalars(density: Double) {
        let n = 3000
        let ps = MSMTests.points(n, seed: 30)
        let dense = MSMTests.scalars(n, seed: 31)
        var rng = SeededRNG(seed: 32)
        var ss = [Fr](repeating: .zero, count: n)
        for i in 0..<n where Double.random(in: 0..<1, using: &rng) < density { ss[i] = dense[i] }
        for i in [0, 1, n / 2, n - 1] { ss[i] = dense[i] }
        let expected = MSMTests.naive(ps, ss)
        #expect(G1Projective.msm(points: ps, scalars: ss) == expected)
        #expect(MSMTests.withThreads(1) { G1Projective.msm(points: ps, scalars: ss) } == expected)
    }

    @Test func identityPoints() {
        var ps = MSMTests.points(400, seed: 6)
        let ss = MSMTests.scalars(400, seed: 7)
        for i in stride(from: 0, to: 400, by: 3) { ps[i] = .infinity }
        let expected = MSMTests.naive(ps, ss)
        for r in MSMTests.allPlans(ps, ss) { #expect(r == expected) }
        let allInfinity = [G1Affine](repeating: .infinity, count: 300)
        for r in MSMTests.allPlans(allInfinity, MSMTests.scalars(300, seed: 8)) { #expect(r.isIdentity) }
    }

    /// One point and one scalar repeated: every digit lands in the same bucket,
    /// so the batch-affine queue overflows, doubles and spills.
    @Test func repeatedPointSameScalar() {
        var rng = SeededRNG(seed: 9)
        let p = G1Oracle.randomPoint(using: &rng)
        let s = Fr.random(using: &rng)
        let n = 3000
        let expected = G1Projective(p) * (s * Fr(UInt64(n)))
        let ps = [G1Affine](repeating: p, count: n), ss = [Fr](repeating: s, count: n)
        for r in MSMTests.allPlans(ps, ss) { #expect(r == expected) }
        #expect(MSMTests.withThreads(2) { G1Projective.msm(points: ps, scalars: ss) } == expected)
    }

    @Test func repeatedPointRandomScalars() {
        var rng = SeededRNG(seed: 10)
        let p = G1Oracle.randomPoint(using: &rng)
        let n = 1000
        let ss = MSMTests.scalars(n, seed: 11)
        let expected = G1Projective(p) * ss.reduce(Fr.zero, +)
        for r in MSMTests.allPlans([G1Affine](repeating: p, count: n), ss) { #expect(r == expected) }
    }

    /// P and −P interleaved: buckets empty and refill through B + (−B).
    @Test func oppositePoints() {
        let base = MSMTests.points(50, seed: 12)
        var ps: [G1Affine] = [], ss: [Fr] = []
        let s = MSMTests.scalars(50, seed: 13), t = MSMTests.scalars(50, seed: 14)
        for i in 0..<50 {
            for _ in 0..<4 {
                ps.append(base[i]); ss.append(s[i])
                ps.append(base[i].negated()); ss.append(s[i])
            }
        }
        for r in MSMTests.allPlans(ps, ss) { #expect(r.isIdentity) }
        var ps2 = ps, ss2 = ss
        for i in 0..<50 { ps2.append(base[i]); ss2.append(t[i]) }
        let expected = MSMTests.naive(base, t)
        for r in MSMTests.allPlans(ps2, ss2) { #expect(r == expected) }
    }

    @Test func maximalScalars() {
        let ps = MSMTests.points(300, seed: 15)
        let ss = [Fr](repeating: MSMTests.rMinusOne, count: 300)
        var sum = G1Projective.identity
        for p in ps { sum = sum + p }
        for r in MSMTests.allPlans(ps, ss) { #expect(r == -sum) }
        // Mixed edge scalars: 0, 1, r − 1, 2^k.
        var edge: [Fr] = []
        for i in 0..<300 {
            switch i % 4 {
            case 0: edge.append(.zero)
            case 1: edge.append(.one)
            case 2: edge.append(MSMTests.rMinusOne)
            default: edge.append(Fr(canonicalLimbs: (0, 0, 0, 1 << UInt64(i % 62)))!)
            }
        }
        let expected = MSMTests.naive(ps, edge)
        for r in MSMTests.allPlans(ps, edge) { #expect(r == expected) }
    }

    // MARK: - Fixed bases

    @Test(arguments: [2, 5, 11, 16])
    func fixedBaseMatchesMSM(windowBits: Int) {
        var ps = MSMTests.points(700, seed: 16)
        ps[10] = .infinity
        let fixed = G1FixedBaseMSM(bases: ps, windowBits: windowBits)
        #expect(fixed.windowCount == (255 + windowBits - 1) / windowBits)
        #expect(fixed.memoryBytes == 64 * 700 * fixed.windowCount)
        var ss = MSMTests.scalars(700, seed: 17)
        ss[3] = .zero; ss[4] = MSMTests.rMinusOne
        let expected = G1Projective.msm(points: ps, scalars: ss)
        #expect(MSMTests.withThreads(1) { fixed.msm(ss) } == expected)
        #expect(MSMTests.withThreads(2) { fixed.msm(ss) } == expected)
        // A prefix of the bases.
        let short = Array(ss[0..<123])
        #expect(fixed.msm(short) == MSMTests.naive(Array(ps[0..<123]), short))
        #expect(fixed.msm([]).isIdentity)
    }

    @Test func fixedBaseDefaultWindowAndRepeats() {
        var rng = SeededRNG(seed: 18)
        let p = G1Oracle.randomPoint(using: &rng)
        let ps = [G1Affine](repeating: p, count: 2000)
        let fixed = G1FixedBaseMSM(bases: ps)
        let ss = [Fr](repeating: MSMTests.rMinusOne, count: 2000)
        #expect(fixed.msm(ss) == -(G1Projective(p) * Fr(2000)))
    }
}
