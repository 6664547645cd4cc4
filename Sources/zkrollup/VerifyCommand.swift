import ArgumentParser
import Circuits
import Foundation
import Plonk

/// `zkrollup verify --proof PROOF.json --vk VK.json`: exit 0 if the proof is
/// accepted, 1 if it is rejected or cannot be read, with the reason on stderr.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify a Plonk proof against a verification key (exit 0 accepted, 1 rejected).")

    @Option(help: "The proof JSON ({\"version\",\"proof\",\"publicInputs\",\"vkHash\"}).")
    var proof: String

    @Option(help: "The verification key JSON.")
    var vk: String

    func run() throws {
        let proofText: String, vkText: String
        do {
            proofText = try String(contentsOfFile: proof, encoding: .utf8)
            vkText = try String(contentsOfFile: vk, encoding: .utf8)
        } catch {
            throw CLIError.exit("rejected: cannot read input: \(error.localizedDescription)")
        }
        let key: VerificationKey, envelope: ProofEnvelope
        do { key = try VerificationKey(json: vkText, gates: CircuitGates.all) } catch {
            throw CLIError.exit("rejected: \(vk): malformed verification key: \(error)")
        }
        do { envelope = try ProofEnvelope(json: proofText) } catch {
            throw CLIError.exit("rejected: \(proof): malformed proof: \(error)")
        }
        guard envelope.vkHash == key.hash else {
            throw CLIError.exit("rejected: the proof was made for another verification key (vkHash differs)")
        }
        do { try Verifier.verify(envelope.proof, publicInputs: envelope.publicInputs, vk: key) } catch {
            throw CLIError.exit("rejected: \(error)")
        }
        print("accepted")
    }
}
