import ArgumentParser
import BN254
import Circuits
import EVM
import Foundation
import KZG
import Plonk
import Sequencer

/// `zkrollup prove --batch FILE [--circuit batch[:D:T]] --out PROOF.json [--vk-out VK.json] [--srs FILE]`:
/// a sealed batch proven with the batch circuit; or `prove --circuit poseidon:N|stub:N` for the
/// sample circuits. Progress (phase, percent, ETA) on stderr.
struct ProveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prove",
        abstract: "Prove a batch file with the batch circuit (or a sample circuit) with Plonk over BN254 (KZG); progress on stderr.")

    @Option(help: "Batch file (`zkrollup batch export`) to prove with the batch circuit.")
    var batch: String?

    @Option(help: "With --batch: batch (depth 32, 2^20 rows) or batch:DEPTH:CAPACITY, the shape the contract's key was made for. Without: a sample circuit, poseidon:N (a chain of N Poseidon permutations) or stub:N (the settlement stub).")
    var circuit: String?

    @Option(name: .customLong("public-input"), help: "The public inputs of stub:N, BINDING,PREV_ROOT,POST_ROOT (three 0x-hex values below r): a batch's.")
    var publicInput: String?

    @Option(help: "Write the proof JSON here.")
    var out: String

    @Option(name: .customLong("vk-out"), help: "Also write the verification key JSON here.")
    var vkOut: String?

    @Option(help: "SRS: a snarkjs .ptau ceremony file or an .srs file (default: an insecure dev SRS).")
    var srs: String?

    func run() throws {
        do { try work() } catch let error as CLIError { throw CLIError.exit(error.description) }
    }

    func work() throws {
        if let batch { return try proveBatch(batch) }
        guard let circuit else { throw CLIError("give --batch FILE (a sealed batch) or --circuit poseidon:N|stub:N") }
        let sample = try SampleCircuit(spec: circuit, publicInput: publicInput)
        let bar = ProgressBar()
        bar.update(phase: "building circuit", fraction: 0)
        let (compiled, assignment) = sample.build().compile()
        let n = compiled.size
        let srs = try SRSSource.load(path: srs, powers: ProvingKey.requiredSRSPowers(size: n))
        bar.update(phase: "preprocessing", fraction: 0.02)
        let pk: ProvingKey
        do { pk = try ProvingKey(circuit: compiled, srs: srs) } catch { throw CLIError("preprocessing: \(error)") }
        var rng = SystemRandomNumberGenerator()
        let (proof, proveSeconds) = try bar.measure(from: 0.1, failure: { CLIError("proving: \($0)") }) {
            try Prover.prove(pk, assignment: assignment, rng: &rng) { round, of, fraction in
                bar.update(phase: "round \(min(round + 1, of))/\(of)", fraction: 0.1 + 0.9 * fraction)
            }
        }
        let vk = pk.verificationKey
        let envelope = ProofEnvelope(proof: proof, publicInputs: assignment.publicInputs, vkHash: vk.hash)
        try write(envelope.json, to: out)
        if let vkOut { try write(vk.json, to: vkOut) }
        print("circuit: \(circuit) (n = 2^\(vk.logSize) rows)")
        print("proof: \(out) (\(proof.bytes.count) bytes, \(assignment.publicInputs.count) public inputs)")
        if let vkOut { print("vk: \(vkOut)") }
        print(String(format: "prove time: %.3f s (preprocessing excluded)", proveSeconds))
    }

    func proveBatch(_ path: String) throws {
        let spec = circuit ?? "batch"
        guard publicInput == nil else { throw CLIError("--public-input is for stub:N: a batch's public inputs come from its file") }
        guard let shape = try BatchCircuitSpec.parse(spec) else {
            throw CLIError("--circuit \(spec): a batch is proven with batch or batch:DEPTH:CAPACITY[:WRITES]")
        }
        let file: BatchFile
        do { file = try BatchFile(json: try JSONValue.parse(try Data(contentsOf: URL(fileURLWithPath: path)))) } catch {
            throw CLIError("\(path): not a batch file: \(error)")
        }
        let bar = ProgressBar()
        bar.update(phase: "preprocessing \(spec)", fraction: 0)
        let service = try BatchProofService(shape: shape, srs: srs)
        let (result, proveSeconds) = try bar.measure(from: 0, failure: { CLIError("\(path): \($0)") }) {
            try service.prove(file) { phase, fraction in bar.update(phase: phase, fraction: fraction) }
        }
        let vk = service.verificationKey
        let inputs = result.publicInputs.map { Fr(canonicalLimbs: $0.limbs)! }
        try write(ProofEnvelope(proof: result.proof, publicInputs: inputs, vkHash: vk.hash).json, to: out)
        if let vkOut { try write(vk.json, to: vkOut) }
        let slots = file.blocks.reduce(0) { $0 + $1.slotCount }
        print("batch \(file.batch.index): blocks \(file.batch.firstBlock)-\(file.batch.lastBlock), \(slots) of \(service.shape.capacity) slots (\(file.transactionCount) transactions)")
        print("circuit: batch, depth \(service.shape.depth), \(service.shape.writes) storage writes (n = 2^\(vk.logSize) rows)")
        print("public inputs: binding \(Hex.encode(word: result.publicInputs[0])), prev root \(Hex.encode(word: result.publicInputs[1])), post root \(Hex.encode(word: result.publicInputs[2]))")
        print("proof: \(out) (\(result.proof.bytes.count) bytes)")
        if let vkOut { print("vk: \(vkOut)") }
        print(String(format: "prove time: %.3f s (trace, witness check and proof; preprocessing excluded)", proveSeconds))
    }

    private func write(_ text: String, to path: String) throws(CLIError) {
        do { try Data((text + "\n").utf8).write(to: URL(fileURLWithPath: path)) } catch {
            throw CLIError("cannot write \(path): \(error.localizedDescription)")
        }
    }
}
