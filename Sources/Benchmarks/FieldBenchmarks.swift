import BN254

/// `fr.*` and `fq.*`: single field operations, timed over a dependent chain
/// so that latency is measured (as gnark-crypto's `BenchmarkElementMul`
/// does); `fr.mul.throughput` times independent products.
enum FieldBenchmarks {
    static let chain = 1_000_000

    static var all: [Benchmark] {
        [
            Benchmark(name: "fr.mul", unit: "ns", opsPerRun: chain) {
                let a = Fr(123_456_789).inverse()!, b = Fr(987_654_321).inverse()!
                return {
                    var x = a
                    for _ in 0..<chain { x = x * b }
                    return x.montgomeryLimbs.0
                }
            },
            // Four independent chains: the throughput NTT and MSM see, where
            // products do not wait on each other.
            Benchmark(name: "fr.mul.throughput", unit: "ns", opsPerRun: chain) {
                let a = Fr(123_456_789).inverse()!, b = Fr(987_654_321).inverse()!
                return {
                    var x0 = a, x1 = b, x2 = a + b, x3 = a - b
                    for _ in 0..<(chain / 4) { x0 = x0 * b; x1 = x1 * a; x2 = x2 * b; x3 = x3 * a }
                    return (x0 + x1 + x2 + x3).montgomeryLimbs.0
                }
            },
            Benchmark(name: "fr.square", unit: "ns", opsPerRun: chain) {
                let a = Fr(123_456_789).inverse()!
                return {
                    var x = a
                    for _ in 0..<chain { x = x.square() }
                    return x.montgomeryLimbs.0
                }
            },
            Benchmark(name: "fr.add", unit: "ns", opsPerRun: chain) {
                let a = Fr(123_456_789).inverse()!, b = Fr(987_654_321).inverse()!
                return {
                    var x = a
                    for _ in 0..<chain { x = x + b }
                    return x.montgomeryLimbs.0
                }
            },
            Benchmark(name: "fr.inverse", unit: "us", opsPerRun: 1000) {
                let a = Fr(123_456_789).inverse()!
                return {
                    var x = a
                    for _ in 0..<1000 { x = (x + .one).inverse()! }
                    return x.montgomeryLimbs.0
                }
            },
            Benchmark(name: "fq.mul", unit: "ns", opsPerRun: chain) {
                let a = Fq(123_456_789).inverse()!, b = Fq(987_654_321).inverse()!
                return {
                    var x = a
                    for _ in 0..<chain { x = x * b }
                    return x.montgomeryLimbs.0
                }
            },
        ]
    }
}
