import ArgumentParser
import Circuits
import Foundation
import Plonk
import Settlement

/// `zkrollup settlement …`: the settlement contract's tooling.
struct SettlementCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settlement",
        abstract: "The settlement contract: replay scenarios on the Swift mirror and on the project's EVM.",
        subcommands: [Replay.self, Info.self])

    /// `zkrollup settlement replay --scenario FILE`: one JSON line per step with the mirror's and the EVM's outcome.
    struct Replay: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a scenario file on the Swift mirror and on the compiled contract on the project's EVM.",
            discussion: """
            Prints one JSON line per step: {"step","name","mirror":{"ok","reason"},"evm":{"ok","reason","gasUsed"},"eventsAgree"}.
            Exits 1 when the mirror and the EVM disagree on any step (outcome, reason or events).
            """)

        @Option(help: "The scenario JSON (the format of scripts/settlement_test.py).")
        var scenario: String

        func run() throws {
            let url = URL(fileURLWithPath: scenario)
            let text: Data
            do { text = try Data(contentsOf: url) } catch { throw CLIError.exit("cannot read \(scenario): \(error.localizedDescription)") }
            let dir = url.deletingLastPathComponent()
            let s: SettlementScenario
            do {
                s = try SettlementScenario(json: Array(text)) { path in
                    let full = path.hasPrefix("/") ? URL(fileURLWithPath: path) : dir.appendingPathComponent(path)
                    return try VerificationKey(json: String(contentsOf: full, encoding: .utf8), gates: CircuitGates.all)
                }
            } catch { throw CLIError.exit("\(scenario): \(error)") }
            var disagreements = 0
            do {
                try s.replay { r in
                    if r.mirror != r.evm.reason || !r.eventsAgree { disagreements += 1 }
                    print(r.jsonLine)
                }
            } catch { throw CLIError.exit("\(error)") }
            if disagreements > 0 { throw CLIError.exit("the mirror and the EVM disagree on \(disagreements) step(s)") }
        }
    }

    /// `zkrollup settlement info`: the committed artifact's facts.
    struct Info: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the compiled contract's compiler, sizes and source hash.")

        func run() throws {
            print("compiler       vyper \(RollupArtifact.compilerVersion)")
            print("init code      \(RollupArtifact.initCode.count) bytes")
            print("source keccak  \(RollupArtifact.sourceKeccakHex)")
        }
    }
}
