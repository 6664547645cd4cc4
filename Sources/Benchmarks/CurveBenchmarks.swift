import BN254

/// `g1.*`: single G1 operations. Additions and doublings are timed over a
/// dependent chain (latency); scalar multiplications use fresh-looking scalars.
enum CurveBenchmarks {
    static let chain = 100_000

    static var all: [Benchmark] {
        [
            Benchmark(name: "g1.add", unit: "ns", opsPerRun: chain) {
                let g = G1Projective.generator
                let q = g.doubled().doubled() + g   // Z ≠ 1, as in real use
                let start = q.doubled()
                return {
                    var x = start
                    for _ in 0..<chain { x = x + q }
                    return x.x.montgomeryLimbs.0
                }
            },
            Benchmark(name: "g1.add_mixed", unit: "ns", opsPerRun: chain) {
                let q = (G1Projective.generator * Fr(12345)).toAffine()
                let start = G1Projective.generator.doubled()
                return {
                    var x = start
                    for _ in 0..<chain { x = x + q }
                    return x.x.montgomeryLimbs.0
                }
            },
            Benchmark(name: "g1.double", unit: "ns", opsPerRun: chain) {
                let start = G1Projective.generator.doubled() + G1Projective.generator
                return {
                    var x = start
                    for _ in 0..<chain { x = x.doubled() }
                    return x.x.montgomeryLimbs.0
                }
            },
            Benchmark(name: "g1.scalar_mul", unit: "us", opsPerRun: 200) {
                var rng = BenchmarkRNG(seed: 1)
                let scalars = (0..<200).map { _ in Fr.random(using: &rng) }
                let start = G1Projective.generator * Fr(7)
                return {
                    var x = start
                    for k in scalars { x = x * k }
                    return x.x.montgomeryLimbs.0
                }
            },
        ]
    }
}
