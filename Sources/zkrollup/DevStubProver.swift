import BN254
import Circuits
import EVM
import Foundation
import KZG
import Plonk

/// The settlement stub circuit (`circuits/SettlementStub.swift`) as a batch prover for the
/// development loop: it proves only "I know the public inputs", not the state transition, so a
/// contract deployed with its key accepts any batch. It exists so that commit → prove → finalize
/// runs end to end on the local v1 today; the batch circuit replaces it (`zkrollup l1 --dev` and
/// `sequencer --l1-prove` both print that warning).
///
/// The stub's fixed columns do not depend on the public inputs (they sit in wire cells only), so
/// one proving key serves every batch, and the key is the same in every process
/// given the same `stub:N` and SRS (the insecure dev SRS is seeded).
final class DevStubProver: Sendable {
    let permutations: Int
    let pk: ProvingKey

    static let warning = "warning: settlement stub circuit: proofs show only the public inputs, not the batch's execution (development only; the batch circuit replaces it)"

    /// Preprocesses `stub:N` over the given SRS (nil: the insecure dev SRS).
    init(spec: String, srs path: String?) throws(CLIError) {
        let sample = try SampleCircuit(spec: spec, publicInput: "0x00,0x00,0x00")
        guard sample.kind == .stub else { throw CLIError("\(spec): only the settlement stub stub:N can stand in for the batch circuit") }
        permutations = sample.permutations
        let (compiled, _) = sample.build().compile()
        let srs = try SRSSource.load(path: path, powers: ProvingKey.requiredSRSPowers(size: compiled.size))
        do { pk = try ProvingKey(circuit: compiled, srs: srs) } catch { throw CLIError("preprocessing \(spec): \(error)") }
    }

    /// The key the contract is deployed with.
    var verificationKey: VerificationKey { pk.verificationKey }

    /// A proof (1472 bytes, the contract's layout) for `publicInputs` (binding, prev root, post root).
    func prove(publicInputs: [UInt256]) throws -> [UInt8] {
        guard publicInputs.count == SettlementStub.publicInputCount else {
            throw CLIError("the settlement stub takes three public inputs, got \(publicInputs.count)")
        }
        var inputs = [Fr]()
        for (i, x) in publicInputs.enumerated() {
            guard let f = Fr(bigEndianBytes: x.bigEndianBytes) else { throw CLIError("public input \(i) not below r") }
            inputs.append(f)
        }
        let (_, assignment) = SettlementStub(count: permutations).build(publicInputs: inputs).compile()
        var rng = SystemRandomNumberGenerator()
        return try Prover.prove(pk, assignment: assignment, rng: &rng).bytes
    }
}
