import ArgumentParser
import Foundation
import KZG

/// `zkrollup srs import|dev|info`: structured reference strings.
struct SRSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "srs",
        abstract: "Import a snarkjs .ptau ceremony file or make an insecure development SRS.",
        subcommands: [Import.self, Dev.self, Info.self]
    )

    /// Prints `error: …` on stderr and exits 1.
    static func fail(_ message: String) -> ExitCode { CLIError.exit(message) }

    static func warnIfInsecure(_ srs: SRS) {
        if srs.isInsecure { FileHandle.standardError.write(Data((SRS.insecureWarning + "\n").utf8)) }
    }

    static func seconds(since start: DispatchTime) -> String {
        String(format: "%.3f s", Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9)
    }

    /// `zkrollup srs import FILE.ptau [--out FILE.srs] [--max-power N] [--no-check]`.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read a snarkjs phase-1 .ptau file, check it, and optionally write our .srs format.")

        @Argument(help: "The .ptau file.")
        var file: String

        @Option(help: "Write the imported SRS here in the .srs format.")
        var out: String?

        @Option(name: .customLong("max-power"), help: "Keep only 2^N G1 powers (default: 2^power of the file).")
        var maxPower: Int?

        @Flag(name: .customLong("no-check"), help: "Skip the pairing consistency check (points are still curve-checked).")
        var noCheck = false

        func validate() throws {
            if let p = maxPower, p < 0 || p > 29 { throw ValidationError("--max-power must be in 0...29") }
        }

        func run() throws {
            if case .failure(let error) = Result(catching: work) { throw SRSCommand.fail("\(file): \(error)") }
        }

        func work() throws(SRSError) {
            let start = DispatchTime.now()
            do {
                let data = try SRS.readFile(file)
                let header = try SRS.ptauHeader(data)
                let srs = try SRS.importPtau(data, maxPowers: maxPower.map { 1 << $0 }, check: !noCheck)
                print("file: \(file)")
                print("power: \(header.power) (ceremony power \(header.ceremonyPower))")
                print("powers: \(srs.g1Powers.count) G1 (file holds \(header.tauG1Count)), 2 G2")
                print("check: \(noCheck ? "skipped (points on curve, generators)" : "passed (points, generators, pairing consistency)")")
                print("time: \(SRSCommand.seconds(since: start))")
                if let out {
                    try srs.write(to: out)
                    print("wrote: \(out)")
                }
            }
        }
    }

    /// `zkrollup srs dev --power N --out FILE.srs [--seed S]`.
    struct Dev: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make an INSECURE SRS with a known τ, for local development only.")

        @Option(help: "log2 of the number of G1 powers (0...28).")
        var power: Int

        @Option(help: "Output .srs file.")
        var out: String

        @Option(help: "Seed for τ (equal seeds give equal SRSs).")
        var seed: UInt64 = 0

        func validate() throws {
            if power < 0 || power > 28 { throw ValidationError("--power must be in 0...28") }
        }

        func run() throws {
            let start = DispatchTime.now()
            let srs = SRS.insecureDev(power: power, seed: seed)
            SRSCommand.warnIfInsecure(srs)
            if case .failure(let error) = Result(catching: { () throws(SRSError) in try srs.write(to: out) }) {
                throw SRSCommand.fail("\(error)")
            }
            print("powers: \(srs.g1Powers.count) G1, 2 G2 (power \(power), INSECURE)")
            print("time: \(SRSCommand.seconds(since: start))")
            print("wrote: \(out)")
        }
    }

    /// `zkrollup srs info FILE.srs [--check]`.
    struct Info: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Load an .srs file and print what it holds.")

        @Argument(help: "The .srs file.")
        var file: String

        @Flag(help: "Also run the pairing consistency check.")
        var check = false

        func run() throws {
            if case .failure(let error) = Result(catching: work) { throw SRSCommand.fail("\(file): \(error)") }
        }

        func work() throws(SRSError) {
            let start = DispatchTime.now()
            do {
                let srs = try SRS.load(from: file, check: check)
                SRSCommand.warnIfInsecure(srs)
                print("powers: \(srs.g1Powers.count) G1, 2 G2")
                print("insecure: \(srs.isInsecure)")
                print("check: \(check ? "passed" : "points and generators only")")
                print("time: \(SRSCommand.seconds(since: start))")
            }
        }
    }
}
