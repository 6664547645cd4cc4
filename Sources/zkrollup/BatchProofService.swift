import BN254
import Circuits
import EVM
import Foundation
import KZG
import Plonk
import Proving
import Relayer
import Sequencer
import Settlement

/// The batch circuit of one shape with its proving key, for the commands that prove sealed
/// batches (`prove --batch`, `sequencer --l1-prove batch`) or deploy its key (`vk`,
/// `l1 --dev --circuit batch`). It computes a batch's public inputs exactly as the settlement
/// contract does, from the batch file's header fields, so a proof made here is one that
/// `finalizeBatch` checks against the same three words it recomputes on v1.
final class BatchProofService: Sendable {
    let prover: BatchCircuitProver

    /// Preprocesses `shape` over the SRS at `srs` (nil: the seeded insecure dev SRS, so every
    /// process derives the same key, as `l1 --dev` and the sequencer must).
    init(shape: BatchCircuit, srs: String?) throws(CLIError) {
        let layout = BatchCircuitProver.layout(shape)
        let source = try SRSSource.load(path: srs, powers: ProvingKey.requiredSRSPowers(size: layout.size))
        do { prover = try BatchCircuitProver(circuit: shape, layout: layout, srs: source) } catch { throw CLIError("preprocessing: \(error)") }
    }

    /// `spec` (batch or batch:DEPTH:CAPACITY[:WRITES]) preprocessed, or nil when `spec` is not a batch circuit.
    convenience init?(spec: String, srs: String?) throws(CLIError) {
        guard let shape = try BatchCircuitSpec.parse(spec) else { return nil }
        try self.init(shape: shape, srs: srs)
    }

    var shape: BatchCircuit { prover.circuit }
    var verificationKey: VerificationKey { prover.provingKey.verificationKey }

    /// The three public inputs the contract computes for `file`'s batch: the binding of chain
    /// v2's id, the withdraw root, the message queue hash and the data hash; the two state roots.
    static func publicInputs(_ file: BatchFile) -> [UInt256] {
        BatchHeader(file.batch, withdrawals: file.withdrawals, parentBatchHash: .zero).publicInputs(l2ChainId: UInt256(file.chainId), dataHash: file.batch.dataHash)
    }

    /// Traces `file`, checks its witness constraint by constraint and proves it. The public
    /// inputs of the proof are the contract's by construction (the binding is given, the roots
    /// are the file's claimed ones): a batch that does not reach them fails the constraint check,
    /// by name, and is never proven.
    func prove(_ file: BatchFile, progress: ((String, Double) -> Void)? = nil) throws -> (proof: Proof, publicInputs: [UInt256]) {
        let expected = Self.publicInputs(file)
        guard let binding = Fr(canonicalLimbs: expected[0].limbs) else { throw CLIError("the binding is not below r") }
        progress?("tracing batch \(file.batch.index)", 0)
        let witness = try prover.witness(file, binding: binding, claimRoots: true)
        var rng = SystemRandomNumberGenerator()
        let (proof, inputs) = try prover.prove(witness, rng: &rng, progress: progress)
        return (proof, inputs.map { UInt256(bigEndianAt: $0.bigEndianBytes) })
    }

    /// `prove` on a thread of its own with the EVM's large stack, so that a caller on Swift's
    /// cooperative pool (the sequencer's submitter) does not hold one of its few threads for
    /// the seconds a proof takes.
    func proveDetached(_ file: BatchFile) async throws -> (proof: Proof, publicInputs: [UInt256]) {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread { continuation.resume(with: Result { try self.prove(file) }) }
            thread.stackSize = 256 << 20
            thread.start()
        }
    }
}
