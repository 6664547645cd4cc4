import BN254
import Circuits
import KZG
import Plonk
import Poseidon

/// `poseidon.*`: the native Poseidon hash (circomlib parameters), timed over a
/// dependent chain so each call waits for the previous output (latency);
/// `poseidon.chain.prove/N`: a Plonk proof of `PoseidonChain(N)` (the circuit of
/// `zkrollup prove --circuit poseidon:N`; N = 12 fills 2¹⁰ rows, 98 fills 2¹³),
/// key and insecure SRS built before timing.
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
        ] + [12, 98].map(chainProve)
    }

    static func chainProve(_ count: Int) -> Benchmark {
        Benchmark(name: "poseidon.chain.prove", size: count, unit: "ms", runs: 5) {
            let (circuit, w) = PoseidonChain(count: count).build(input: [Fr(1), Fr(2), Fr(3)]).compile()
            let srs = SRS.insecureDev(count: ProvingKey.requiredSRSPowers(size: circuit.size), tau: Fr(0x5eed))
            let pk = try! ProvingKey(circuit: circuit, srs: srs)
            return {
                var rng = BenchmarkRNG(seed: 9)
                let proof = try! Prover.prove(pk, assignment: w, rng: &rng, checkWitness: false)
                return proof.evaluations[0].montgomeryLimbs.0
            }
        }
    }
}
