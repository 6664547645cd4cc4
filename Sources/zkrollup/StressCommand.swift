import ArgumentParser
import Foundation
import Sequencer
import Stress

/// `zkrollup stress`: the load harness.
struct StressCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stress",
        abstract: "Load a sequencer with signed transfers over HTTP; report accepted/included TPS, latency and transactions per day.")

    @Option(help: "The sequencer's JSON-RPC URL.")
    var rpc: String = "http://127.0.0.1:8545"

    @Option(help: "Sender accounts to create and fund from the dev keys.")
    var accounts: Int = 100

    @Option(help: "Transfers to send.")
    var txs: Int = 10_000

    @Option(help: "Target send rate (transactions per second); default: as fast as possible.")
    var rate: Double?

    @Flag(help: "Send as fast as possible (the default).")
    var max = false

    @Option(help: "With --rate: send for this many seconds (sets --txs to rate × duration).")
    var duration: Double?

    @Option(help: "Requests in flight.")
    var concurrency: Int = 32

    @Option(help: "Mix of transaction kinds, e.g. transfer:80,erc20:20 (erc20: a token transfer with a storage write and a log).")
    var mix: String = "transfer:100"

    @Option(help: "Transactions per HTTP request (JSON-RPC batch); 1 sends one request per transaction.")
    var batch: Int = 1

    @Option(help: "Seconds to wait for inclusions after sending.")
    var drain: Double = 60

    @Option(help: "Write the JSON report here (default: stdout only).")
    var report: String?

    @Option(help: "Write the SVG plot here.")
    var svg: String?

    func run() async throws {
        guard let url = URL(string: rpc) else { throw ValidationError("--rpc: not a URL") }
        guard accounts > 0, txs > 0, concurrency > 0 else { throw ValidationError("--accounts, --txs, --concurrency must be positive") }
        var options = StressOptions()
        var count = txs
        if let duration {
            guard let rate, !max else { throw ValidationError("--duration needs --rate") }
            count = Swift.max(1, Int(rate * duration))
        }
        var shares: [String: Int] = [:]
        for part in mix.split(separator: ",") {
            let kv = part.split(separator: ":")
            guard kv.count == 2, let v = Int(kv[1]), v >= 0, ["transfer", "erc20"].contains(String(kv[0])) else {
                throw ValidationError("--mix: expected transfer:N,erc20:M")
            }
            shares[String(kv[0])] = v
        }
        let totalShare = shares.values.reduce(0, +)
        guard totalShare > 0 else { throw ValidationError("--mix: shares sum to zero") }
        options.erc20Percent = (shares["erc20"] ?? 0) * 100 / totalShare
        options.accounts = accounts; options.transactions = count; options.rate = max ? nil : rate
        options.concurrency = concurrency; options.drainSeconds = drain; options.batchSize = Swift.max(batch, 1)
        let log: @Sendable (String) -> Void = { line in FileHandle.standardError.write(Data(("stress: " + line + "\n").utf8)) }
        let harness = StressHarness(client: RPCClient(url: url, connections: concurrency), options: options, log: log)
        let result = try await harness.run()
        let json = result.json.serialized
        if let report { try Data(json).write(to: URL(fileURLWithPath: report)) }
        if let svg { try Data(result.svg.utf8).write(to: URL(fileURLWithPath: svg)) }
        FileHandle.standardOutput.write(Data(json) + Data("\n".utf8))
        // Leave without process teardown. FoundationNetworking's URLSession on Linux can hang or crash in
        // its exit-time cleanup (curl multi-handle deinit racing OpenSSL's atexit handler and dispatch
        // source cancellation: swift-corelibs-foundation #5469, #4791); the demo saw this as a stress run
        // that never exited, with its buffered report lost. Everything is written (unbuffered) by now.
        log("done")
        _exit(0)
    }
}
