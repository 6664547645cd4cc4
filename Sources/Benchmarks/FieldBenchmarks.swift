import BN254

/// `fr.*` and `fq.*`: single field operations, timed over a dependent chain
/// so that latency, not throughput of independent ops, is measured.
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
