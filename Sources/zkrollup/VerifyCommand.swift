import ArgumentParser
import Circuits
import Foundation
import EVM
import Plonk
import Settlement

/// `zkrollup verify --proof PROOF.json --vk VK.json`: exit 0 if the proof is
/// accepted, 1 if it is rejected or cannot be read, with the reason on stderr.
///
/// A key of the settlement contract's shape (three public inputs, the Poseidon gate: the batch
/// circuit, the stub) is checked by the Swift mirror of the contract's verifier on the file's raw
/// bytes and its three public inputs, so the verdict and the reason are the ones `finalizeBatch`
/// on v1 would give.
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
        if (try? RollupDeployment(owner: Address(0), sequencer: Address(0), l2ChainId: .zero, genesisStateRoot: .zero,
                                  vk: key)) != nil {
            try verifyAsContract(proofText, key)
            print("accepted (the settlement contract's checks, in its order)")
            return
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

    /// The settlement mirror on the proof file's raw proof bytes and three public inputs.
    func verifyAsContract(_ text: String, _ key: VerificationKey) throws {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
              let proofHex = object["proof"] as? String, let bytes = Hex.decode(proofHex),
              let inputs = object["publicInputs"] as? [String], let hashHex = object["vkHash"] as? String else {
            throw CLIError.exit("rejected: \(proof): malformed proof: expected {\"proof\",\"publicInputs\",\"vkHash\"} with 0x-hex")
        }
        guard Hex.decode(hashHex) == key.hash else {
            throw CLIError.exit("rejected: the proof was made for another verification key (vkHash differs)")
        }
        let words = inputs.compactMap { Hex.decode($0) }.filter { $0.count == 32 }
        guard inputs.count == SettlementVerifier.publicInputCount, words.count == inputs.count else {
            throw CLIError.exit("rejected: \(proof): the settlement contract takes exactly three 32-byte public inputs (binding, prev and post state root)")
        }
        do { try SettlementVerifier.verify(proof: bytes, publicInputs: words.map { UInt256(bigEndianAt: $0) }, vk: key) } catch {
            throw CLIError.exit("rejected: \(error) (the settlement contract's reason)")
        }
    }
}
