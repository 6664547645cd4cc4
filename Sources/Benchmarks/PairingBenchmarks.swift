import BN254

/// `pairing*`, `g2.*`, `fq2.*`, `fq12.*`: the pairing and its building blocks.
/// Field operations are timed over a dependent chain (latency); pairings over
/// a few calls on fixed valid inputs.
enum PairingBenchmarks {
    static let chain = 100_000

    /// n points of G1 and G2, fixed multiples of the generators.
    static func inputs(_ n: Int) -> [(G1Affine, G2Affine)] {
        var rng = BenchmarkRNG(seed: 7)
        var g2 = G2Projective.generator
        var out: [(G1Affine, G2Affine)] = []
        for _ in 0..<n {
            g2 = g2 * Fr.random(using: &rng)
            out.append((g1Point(index: out.count), g2.toAffine()))
        }
        return out
    }

    /// A point of G1 (cofactor 1, so any curve point): the first x ≥ index + 1
    /// with x³ + 3 a square.
    static func g1Point(index: Int) -> G1Affine {
        var x = Fq(UInt64(index + 1))
        while true {
            if let y = (x.square() * x + G1Affine.b).sqrt() { return G1Affine(x: x, y: y) }
            x = x + .one
        }
    }

    static var all: [Benchmark] {
        [
            Benchmark(name: "fq2.mul", unit: "ns", opsPerRun: chain) {
                let a = Fq2(c0: Fq(123_456_789).inverse()!, c1: Fq(5).inverse()!)
                let b = Fq2(c0: Fq(987_654_321).inverse()!, c1: Fq(7).inverse()!)
                return {
                    var x = a
                    for _ in 0..<chain { x = x * b }
                    return x.c0.montgomeryLimbs.0
                }
            },
            Benchmark(name: "fq2.square", unit: "ns", opsPerRun: chain) {
                let a = Fq2(c0: Fq(123_456_789).inverse()!, c1: Fq(5).inverse()!)
                return {
                    var x = a
                    for _ in 0..<chain { x = x.square() }
                    return x.c0.montgomeryLimbs.0
                }
            },
            Benchmark(name: "fq12.mul", unit: "ns", opsPerRun: 10_000) {
                var rng = BenchmarkRNG(seed: 1)
                let a = Fq12.random(using: &rng), b = Fq12.random(using: &rng)
                return {
                    var x = a
                    for _ in 0..<10_000 { x = x * b }
                    return x.c0.c0.c0.montgomeryLimbs.0
                }
            },
            Benchmark(name: "fq12.square", unit: "ns", opsPerRun: 10_000) {
                var rng = BenchmarkRNG(seed: 2)
                let a = Fq12.random(using: &rng)
                return {
                    var x = a
                    for _ in 0..<10_000 { x = x.square() }
                    return x.c0.c0.c0.montgomeryLimbs.0
                }
            },
            Benchmark(name: "fq12.cyclotomic_square", unit: "ns", opsPerRun: 10_000) {
                let a = Pairing.pairing(g1Point(index: 0), .generator)
                return {
                    var x = a
                    for _ in 0..<10_000 { x = x.cyclotomicSquare() }
                    return x.c0.c0.c0.montgomeryLimbs.0
                }
            },
            Benchmark(name: "g2.scalar_mul", unit: "us", opsPerRun: 20) {
                var rng = BenchmarkRNG(seed: 3)
                let k = (0..<20).map { _ in Fr.random(using: &rng) }
                return {
                    var acc = G2Projective.generator
                    for s in k { acc = acc * s }
                    return acc.x.c0.montgomeryLimbs.0
                }
            },
            Benchmark(name: "g2.subgroup_check", unit: "us", opsPerRun: 20) {
                let q = inputs(1)[0].1
                return {
                    var n: UInt64 = 0
                    for _ in 0..<20 where q.isInSubgroup { n &+= 1 }
                    return n
                }
            },
            Benchmark(name: "pairing", unit: "us", opsPerRun: 10) {
                let (p, q) = inputs(1)[0]
                return {
                    var acc: UInt64 = 0
                    for _ in 0..<10 { acc &+= Pairing.pairing(p, q).c0.c0.c0.montgomeryLimbs.0 }
                    return acc
                }
            },
            Benchmark(name: "pairing.multi4", unit: "us", opsPerRun: 5) {
                let pairs = inputs(4)
                return {
                    var acc: UInt64 = 0
                    for _ in 0..<5 { acc &+= Pairing.multiPairing(pairs).c0.c0.c0.montgomeryLimbs.0 }
                    return acc
                }
            },
            Benchmark(name: "pairing.prepared", unit: "us", opsPerRun: 10) {
                let (p, q) = inputs(1)[0]
                let prepared = G2Prepared(q)
                return {
                    var acc: UInt64 = 0
                    for _ in 0..<10 { acc &+= Pairing.multiPairing(prepared: [(p, prepared)]).c0.c0.c0.montgomeryLimbs.0 }
                    return acc
                }
            },
            Benchmark(name: "pairing.check2_prepared", unit: "us", opsPerRun: 10) {
                let pairs = inputs(2)
                let prepared = pairs.map { ($0.0, G2Prepared($0.1)) }
                return {
                    var acc: UInt64 = 0
                    for _ in 0..<10 where Pairing.pairingCheck(prepared: prepared) { acc &+= 1 }
                    return acc
                }
            },
            Benchmark(name: "g2.prepare", unit: "us", opsPerRun: 10) {
                let q = inputs(1)[0].1
                return {
                    var acc: UInt64 = 0
                    for _ in 0..<10 { acc &+= UInt64(G2Prepared(q).lineCount) }
                    return acc
                }
            },
            Benchmark(name: "pairing.miller", unit: "us", opsPerRun: 10) {
                let pairs = inputs(1)
                return {
                    var acc: UInt64 = 0
                    for _ in 0..<10 { acc &+= Pairing.millerLoop(pairs).c0.c0.c0.montgomeryLimbs.0 }
                    return acc
                }
            },
            Benchmark(name: "pairing.final_exp", unit: "us", opsPerRun: 10) {
                let f = Pairing.millerLoop(inputs(1))
                return {
                    var x = f
                    for _ in 0..<10 { x = Pairing.finalExponentiation(x) }
                    return x.c0.c0.c0.montgomeryLimbs.0
                }
            },
        ]
    }
}
