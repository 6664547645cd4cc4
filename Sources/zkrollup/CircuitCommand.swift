import ArgumentParser
import Foundation
import Circuits

/// `zkrollup circuit coverage`: what the batch circuit constrains and what it does not;
/// `zkrollup circuit rows`: where one slot's rows go.
struct CircuitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "circuit", abstract: "The batch circuit.", subcommands: [Coverage.self, Rows.self])

    struct Coverage: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List what the batch circuit constrains and what it does not (the README's Soundness section).")

        @Flag(help: "Print JSON: [{\"name\",\"constrained\",\"note\"}].")
        var json = false

        func run() {
            if json {
                let items = BatchCircuitCoverage.items.map { i in
                    "{\"name\":\"\(i.name)\",\"constrained\":\(i.constrained),\"note\":\"\(i.note)\"}"
                }
                print("[" + items.joined(separator: ",") + "]")
            } else {
                print(BatchCircuitCoverage.report)
            }
        }
    }

    struct Rows: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print where the rows of one slot and of one storage write go, by region, at a tree depth.")

        @Option(help: "The state tree depth (6…63).")
        var depth: Int = BatchCircuitSpec.depth

        @Option(help: "Storage writes per batch, for the capacities printed last.")
        var writes: Int = BatchCircuitSpec.writes

        func validate() throws {
            guard (6...63).contains(depth) else { throw ValidationError("--depth must be 6…63") }
            guard (0...4096).contains(writes) else { throw ValidationError("--writes must be 0…4096") }
        }

        func run() {
            // A two-slot, one-write circuit: slot 1 and storage op 0 are what each further one costs.
            let circuit = BatchCircuit(depth: depth, capacity: 2, writes: 1)
            let cs = circuit.build(circuit.emptyWitness)
            for (title, prefix, total) in [("slot", "slot 1", BatchCircuit.rowsPerSlot(depth: depth)),
                                           ("storage write", "storage op 0", BatchCircuit.rowsPerWrite(depth: depth))] {
                let parts = cs.regionRows.filter { $0.name.hasPrefix(prefix) }
                print("rows per \(title) at depth \(depth): \(total)")
                for p in parts.sorted(by: { $0.rows > $1.rows }) {
                    let share = Double(p.rows) * 100 / Double(total)
                    print(String(p.rows).leftPadded(8) + "  " + String(format: "%5.1f%%", share) + "  "
                          + p.name.dropFirst(prefix.count).drop(while: { $0 == ":" || $0 == " " }))
                }
            }
            // What a batch:DEPTH:CAPACITY:WRITES spec can ask for at each size.
            for k in 16...20 {
                let c = BatchCircuit.capacity(depth: depth, logSize: k, writes: writes)
                print("2^\(k) rows hold \(c) slots with \(writes) storage writes (batch:\(depth):\(c):\(writes))")
            }
        }
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
