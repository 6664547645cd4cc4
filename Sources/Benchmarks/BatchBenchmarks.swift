import BN254
import Circuits
import EVM
import Foundation
import KZG
import Plonk

/// `batch.prove.2^18`, `batch.prove.2^20`: the batch circuit at the product's tree depth filled
/// with transfers (each sender distinct, in a state of 2^14 accounts), the key built before
/// timing; the figure is milliseconds per proven transfer (60 000 / it = transfers per minute).
/// Run only when the filter names a "2^" size. Prepare prints rows per transfer and capacity.
enum BatchBenchmarks {
    /// The depth of the product's circuit (`zkrollup vk --circuit batch`).
    static let depth = 32

    static var extended: [Benchmark] {
        [18, 20].map { k in
            let capacity = BatchCircuit.capacity(depth: depth, logSize: k)
            return Benchmark(name: "batch.prove.2^\(k)", size: capacity, unit: "ms", opsPerRun: capacity, runs: 1) {
                let (pk, assignment) = setup(capacity: capacity, logSize: k)
                return {
                    var rng = BenchmarkRNG(seed: 3)
                    let start = Date()
                    let proof = try! Prover.prove(pk, assignment: assignment, rng: &rng, checkWitness: false) { round, _, _ in
                        PlonkBenchmarks.logRound(round, start)
                    }
                    return proof.evaluations[0].montgomeryLimbs.0
                }
            }
        }
    }

    static func setup(capacity: Int, logSize: Int) -> (ProvingKey, Assignment) {
        let circuit = BatchCircuit(depth: depth, capacity: capacity)
        var rng = BenchmarkRNG(seed: 11)
        var state = WorldState()
        var addresses: [Address] = []
        for _ in 0..<(1 << 14) {
            let a = Address(truncating: UInt256(rng.next(), rng.next(), rng.next() & 0xffff_ffff, 0))
            addresses.append(a)
            state.accounts[a] = Account(nonce: 0, balance: UInt256(0, 1 << 16, 0, 0), code: .empty)
        }
        let slots = (0..<capacity).map { i in
            BatchSlot.transfer(from: addresses[i], to: addresses[(i * 7 + 1) % addresses.count], value: UInt256(1_000),
                               nonce: 0, gasPrice: UInt256(2_000_000_000), feeCap: UInt256(3_000_000_000),
                               baseFee: UInt256(1_000_000_000))
        }
        let w = try! BatchWitness.generate(state: state, slots: slots, coinbase: Address(0xc0ffee), depth: depth, capacity: capacity)
        let (compiled, assignment) = circuit.build(w).compile()
        precondition(compiled.size == 1 << logSize)
        let pk = try! ProvingKey(circuit: compiled, srs: PlonkBenchmarks.devSRS(count: ProvingKey.requiredSRSPowers(size: compiled.size)))
        FileHandle.standardError.write("batch depth \(depth), 2^\(logSize) rows: \(capacity) transfers, \(BatchCircuit.rowsPerSlot(depth: depth)) rows per transfer\n".data(using: .utf8)!)
        return (pk, assignment)
    }
}
