import ArgumentParser
import Circuits
import Foundation
import KZG
import Plonk
import Proving

/// `zkrollup vk --circuit batch[:DEPTH:CAPACITY] --out VK.json [--srs FILE]`: the verification key
/// of the batch circuit, the one the settlement contract is deployed with (`l1 deploy --vk`).
struct VKCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vk",
        abstract: "Write the verification key of the batch circuit.")

    @Option(help: "batch (depth 32, as many slots as fit 2^20 rows) or batch:DEPTH:CAPACITY.")
    var circuit: String = "batch"

    @Option(help: "Write the verification key JSON here.")
    var out: String

    @Option(help: "SRS: a snarkjs .ptau ceremony file or an .srs file (default: an insecure dev SRS).")
    var srs: String?

    func run() throws {
        do {
            guard let shape = try BatchCircuitSpec.parse(circuit) else { throw CLIError("--circuit: expected batch or batch:DEPTH:CAPACITY") }
            let layout = BatchCircuitProver.layout(shape)
            let source = try SRSSource.load(path: srs, powers: ProvingKey.requiredSRSPowers(size: layout.size))
            let pk: ProvingKey
            do { pk = try ProvingKey(circuit: layout, srs: source) } catch { throw CLIError("preprocessing: \(error)") }
            do { try Data((pk.verificationKey.json + "\n").utf8).write(to: URL(fileURLWithPath: out)) } catch {
                throw CLIError("cannot write \(out): \(error.localizedDescription)")
            }
            print("circuit: batch, depth \(shape.depth), \(shape.capacity) slots (n = 2^\(pk.verificationKey.logSize) rows, \(BatchCircuit.rowsPerSlot(depth: shape.depth)) rows per slot)")
            print("vk: \(out) (hash \(pk.verificationKey.hash.map { String(format: "%02x", $0) }.joined()))")
        } catch let error as CLIError { throw CLIError.exit(error.description) }
    }
}
