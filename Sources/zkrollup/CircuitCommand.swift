import ArgumentParser
import Circuits

/// `zkrollup circuit coverage`: what the batch circuit constrains and what it does not.
struct CircuitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "circuit", abstract: "The batch circuit.", subcommands: [Coverage.self])

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
}
