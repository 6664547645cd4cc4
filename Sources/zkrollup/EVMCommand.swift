import ArgumentParser
import EVM
import Foundation

/// `zkrollup evm statetest|run|call`.
struct EVMCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evm",
        abstract: "Run Ethereum state tests, bytecode or precompiles on the EVM (Cancun rules).",
        subcommands: [StateTestCommand.self, RunCommand.self, CallCommand.self]
    )
}

/// Hex bytes from an option, with the option named in the error.
private func parseHex(_ s: String, _ name: String) throws -> [UInt8] {
    guard let bytes = Hex.decode(s) else {
        throw ValidationError("\(name): not hex bytes (an even number of hex digits, optional 0x)")
    }
    return bytes
}

/// `zkrollup evm statetest FILE|DIR… [--fork Cancun]`.
struct StateTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "statetest",
        abstract: "Run GeneralStateTests: one JSON line per test/fork/index, then 'N passed, M failed'.")

    @Argument(help: "State test files or directories.")
    var paths: [String]

    @Option(help: "Fork whose post section to check.")
    var fork = "Cancun"

    func run() throws {
        let files = StateTest.collectFiles(paths)
        if files.isEmpty { throw ValidationError("no .json files found") }
        let fork = self.fork
        let (passed, failed) = Interpreter.withLargeStack { () -> (Int, Int) in
            var passed = 0, failed = 0
            let enc = JSONEncoder()
            enc.outputFormatting = [.sortedKeys]
            for f in files {
                do {
                    for r in try StateTest.run(file: f, fork: fork) {
                        if r.pass { passed += 1 } else { failed += 1 }
                        print(String(decoding: (try? enc.encode(r)) ?? Data(), as: UTF8.self))
                    }
                } catch {
                    failed += 1
                    print("{\"name\":\"\(f.lastPathComponent)\",\"pass\":false,\"error\":\"\(error)\"}")
                }
            }
            return (passed, failed)
        }
        print("\(passed) passed, \(failed) failed")
        if failed > 0 { throw ExitCode(1) }
    }
}

/// `zkrollup evm run --code HEX [--input HEX] [--gas N] [--value N] [--trace] [--json]`.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run bytecode as the contract 0x…c0de called by 0x…ca11 in an empty state.")

    @Option(help: "Contract bytecode (hex).") var code: String
    @Option(help: "Calldata (hex).") var input = ""
    @Option(help: "Gas given to the frame (no intrinsic gas).") var gas: UInt64 = 10_000_000
    @Option(help: "Call value in wei (decimal or 0x-hex); the caller is funded with it.") var value = "0"
    @Flag(help: "Print EIP-3155 trace lines on stderr.") var trace = false
    @Flag(help: "Print the result as JSON.") var json = false

    func run() throws {
        let codeBytes = try parseHex(code, "--code"), inputBytes = try parseHex(input, "--input")
        guard let v = UInt256(value) else { throw ValidationError("--value: not a number") }
        let tracer = trace ? EIP3155Tracer { FileHandle.standardError.write(Data(($0 + "\n").utf8)) } : nil
        let gas = self.gas
        let outcome = Interpreter.withLargeStack { [tracer] in
            Interpreter.runCode(codeBytes, input: inputBytes, gas: gas, value: v, tracer: tracer)
        }
        tracer?.finish(output: outcome.output, gasUsed: Int(gas) - outcome.gasLeft, status: outcome.status)
        report(outcome, gas: gas, json: json)
    }
}

/// `zkrollup evm call --to ADDRESS --input HEX [--gas N] --json`.
struct CallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "call", abstract: "Call a precompile (0x01–0x0a) from 0x…ca11.")

    @Option(help: "Precompile address.") var to: String
    @Option(help: "Input (hex).") var input = ""
    @Option(help: "Gas given.") var gas: UInt64 = 10_000_000
    @Flag(help: "Print the result as JSON.") var json = false

    func run() throws {
        guard let a = Address(hex: to) ?? UInt256(to).map({ Address(truncating: $0) }) else {
            throw ValidationError("--to: not an address")
        }
        let inputBytes = try parseHex(input, "--input")
        let outcome = Interpreter.runMessage(state: WorldState(), to: a, input: inputBytes, gas: gas, value: .zero)
        report(outcome, gas: gas, json: json)
    }
}

private func report(_ outcome: CallOutcome, gas: UInt64, json: Bool) {
    let used = Int(gas) - outcome.gasLeft
    if json {
        var line = "{\"success\":\(outcome.status.isSuccess),\"status\":\"\(outcome.status)\","
        line += "\"output\":\"\(Hex.encode(outcome.output))\",\"gasUsed\":\(used)}"
        print(line)
    } else {
        print("status: \(outcome.status)")
        print("output: \(Hex.encode(outcome.output))")
        print("gas used: \(used)")
    }
}
