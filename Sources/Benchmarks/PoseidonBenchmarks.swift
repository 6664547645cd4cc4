import BN254
import Poseidon

/// `poseidon.*`: the native Poseidon hash (circomlib parameters), timed over a
/// dependent chain so each call waits for the previous output (latency).
enum PoseidonBenchmarks {
    static let chain = 1_000

    static var all: [Benchmark] {
        [
            Benchmark(name: "poseidon.hash", size: 2, unit: "us", opsPerRun: chain) {
                let b = Fr(987_654_321)
                return {
                    var x = Fr(123_456_789)
                    for _ in 0..<chain { x = Poseidon.hash(x, b) }
                    return x.montgomeryLimbs.0
                }
            },
            Benchmark(name: "poseidon.permute", size: 5, unit: "us", opsPerRun: chain) {
                let p = Poseidon.Parameters.circom(t: 5)!
                return {
                    var s = [Fr(1), Fr(2), Fr(3), Fr(4), Fr(5)]
                    for _ in 0..<chain { Poseidon.permute(&s, parameters: p) }
                    return s[0].montgomeryLimbs.0
                }
            },
        ]
    }
}
