import BN254

/// `msm.g1` (Pippenger over `[G1Affine]`) and `msm.g1.fixed` (precomputed
/// bases) on random scalars. Inputs are built untimed: consecutive multiples
/// of a point by Jacobian additions and one batch conversion, not n scalar
/// multiplications.
enum MSMBenchmarks {
    static let sizes = [4096, 65536, 262_144, 1_048_576]

    static var all: [Benchmark] {
        sizes.map { n in
            Benchmark(name: "msm.g1", size: n, unit: "ms", runs: n >= 262_144 ? 3 : 10) {
                let (points, scalars) = inputs(n)
                return {
                    G1Projective.msm(points: points, scalars: scalars).x.montgomeryLimbs.0
                }
            }
        } + [
            Benchmark(name: "msm.g1.fixed", size: 65536, unit: "ms") {
                let (points, scalars) = inputs(65536)
                let fixed = G1FixedBaseMSM(bases: points)
                return {
                    fixed.msm(scalars).x.montgomeryLimbs.0
                }
            },
        ]
    }

    /// n distinct points P0 + i·Q and n random scalars.
    static func inputs(_ n: Int) -> ([G1Affine], [Fr]) {
        var rng = BenchmarkRNG(seed: UInt64(n))
        let q = (G1Projective.generator * Fr.random(using: &rng)).toAffine()
        var acc = G1Projective.generator * Fr.random(using: &rng)
        var jac = [G1Projective]()
        jac.reserveCapacity(n)
        for _ in 0..<n { jac.append(acc); acc = acc + q }
        let scalars = (0..<n).map { _ in Fr.random(using: &rng) }
        return (G1Projective.batchToAffine(jac), scalars)
    }
}
