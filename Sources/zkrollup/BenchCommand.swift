import ArgumentParser
import Benchmarks
import Foundation
import Parallel

/// `zkrollup bench [FILTER] [--threads N] [--json]`.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Run the benchmarks (build with -c release) and print a table or JSON."
    )

    @Argument(help: "Only benchmarks whose name (or name/size) contains this text.")
    var filter: String?

    @Option(help: "Threads for parallel kernels (default: all cores).")
    var threads: Int?

    @Flag(help: "Print one JSON array of {name,size,unit,median,min,max,runs}.")
    var json = false

    func validate() throws {
        if let t = threads, t < 1 { throw ValidationError("--threads must be at least 1") }
    }

    func run() throws {
        if let t = threads { Parallel.threadCount = t }
        let selected = BenchmarkSuite.matching(filter)
        if selected.isEmpty { throw ValidationError("no benchmark matches '\(filter ?? "")'") }
        var results: [BenchmarkResult] = []
        for b in selected {
            if !json { FileHandle.standardError.write(Data("running \(b.label)…\n".utf8)) }
            results.append(BenchmarkRunner.run(b))
        }
        if json {
            let enc = JSONEncoder()
            enc.outputFormatting = [.sortedKeys]
            print(String(decoding: try enc.encode(results), as: UTF8.self))
        } else {
            print("threads: \(Parallel.threadCount)")
            print(BenchmarkRunner.table(results))
        }
    }
}
