import ArgumentParser
import Circuits
import Foundation
import KZG
import Plonk

/// `zkrollup prove --circuit poseidon:N --out PROOF.json [--vk-out VK.json] [--srs FILE]`.
struct ProveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prove",
        abstract: "Prove a circuit with Plonk over BN254 (KZG); progress on stderr.")

    @Option(help: "Sample circuit to prove: poseidon:N (a chain of N Poseidon permutations) or stub:N (the settlement stub).")
    var circuit: String

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
        let sample = try SampleCircuit(spec: circuit, publicInput: publicInput)
        let bar = ProgressBar()
        bar.update(phase: "building circuit", fraction: 0)
        let (compiled, assignment) = sample.build().compile()
        let n = compiled.size
        let srs = try SRSSource.load(path: srs, powers: ProvingKey.requiredSRSPowers(size: n))
        bar.update(phase: "preprocessing", fraction: 0.02)
        let pk: ProvingKey
        do { pk = try ProvingKey(circuit: compiled, srs: srs) } catch { throw CLIError("preprocessing: \(error)") }
        let provingStart = bar.elapsed
        var rng = SystemRandomNumberGenerator()
        let proof: Proof
        do {
            proof = try Prover.prove(pk, assignment: assignment, rng: &rng) { round, of, fraction in
                bar.update(phase: "round \(min(round + 1, of))/\(of)", fraction: 0.1 + 0.9 * fraction)
            }
        } catch {
            bar.finish()
            throw CLIError("proving: \(error)")
        }
        let proveSeconds = bar.elapsed - provingStart
        bar.update(phase: "done", fraction: 1)
        bar.finish()
        let vk = pk.verificationKey
        let envelope = ProofEnvelope(proof: proof, publicInputs: assignment.publicInputs, vkHash: vk.hash)
        try write(envelope.json, to: out)
        if let vkOut { try write(vk.json, to: vkOut) }
        print("circuit: \(circuit) (n = 2^\(vk.logSize) rows)")
        print("proof: \(out) (\(proof.bytes.count) bytes, \(assignment.publicInputs.count) public inputs)")
        if let vkOut { print("vk: \(vkOut)") }
        print(String(format: "prove time: %.3f s (preprocessing excluded)", proveSeconds))
    }

    private func write(_ text: String, to path: String) throws(CLIError) {
        do { try Data((text + "\n").utf8).write(to: URL(fileURLWithPath: path)) } catch {
            throw CLIError("cannot write \(path): \(error.localizedDescription)")
        }
    }
}
