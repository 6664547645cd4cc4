import ArgumentParser
import Circuits
import Foundation

/// `zkrollup vk --circuit batch[:DEPTH:CAPACITY] --out VK.json [--srs FILE]`: the verification key
/// of the batch circuit, the one the settlement contract is deployed with (`l1 deploy --vk`).
struct VKCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vk",
        abstract: "Write the verification key of the batch circuit.")

    @Option(help: "batch (depth 32, 8 storage writes, as many slots as fit 2^20 rows) or batch:DEPTH:CAPACITY[:WRITES].")
    var circuit: String = "batch"

    @Option(help: "Write the verification key JSON here.")
    var out: String

    @Option(help: "SRS: a snarkjs .ptau ceremony file or an .srs file (default: an insecure dev SRS).")
    var srs: String?

    func run() throws {
        do {
            guard let service = try BatchProofService(spec: circuit, srs: srs) else {
                throw CLIError("--circuit: expected batch or batch:DEPTH:CAPACITY[:WRITES]")
            }
            let shape = service.shape, vk = service.verificationKey
            do { try Data((vk.json + "\n").utf8).write(to: URL(fileURLWithPath: out)) } catch {
                throw CLIError("cannot write \(out): \(error.localizedDescription)")
            }
            print("circuit: batch, depth \(shape.depth), \(shape.capacity) slots, \(shape.writes) storage writes (n = 2^\(vk.logSize) rows, \(BatchCircuit.rowsPerSlot(depth: shape.depth)) rows per slot, \(BatchCircuit.rowsPerWrite(depth: shape.depth)) per write)")
            print("vk: \(out) (hash \(vk.hash.map { String(format: "%02x", $0) }.joined()))")
        } catch let error as CLIError { throw CLIError.exit(error.description) }
    }
}
