import EVM
import ArgumentParser
import Foundation
import Logging
import Relayer
import Sequencer

/// Options shared by the commands that open a node's database.
struct NodeOptions: ParsableArguments {
    @Option(help: "Directory of the node's database (created if missing).")
    var dataDir: String = "zkrollup-data"

    @Option(help: "Genesis JSON (geth format); default: the dev genesis with the ten well-known funded keys.")
    var genesis: String?

    @Option(help: "Database: sqlite:PATH or postgres://user[:password]@host[:port]/database (default: sqlite:DATA_DIR/chain.sqlite).")
    var database: String?

    @Option(help: "Chain id (overrides the genesis file's; dev default 1337).")
    var chainId: UInt64?

    @Option(help: "Block gas limit (overrides the genesis file's; dev default 30,000,000). Part of the genesis hash.")
    var gasLimit: UInt64?

    func openStore() throws -> any ChainStore {
        try FileManager.default.createDirectory(atPath: dataDir, withIntermediateDirectories: true)
        let spec = database ?? "sqlite:" + (dataDir as NSString).appendingPathComponent("chain.sqlite")
        if spec.hasPrefix("postgres://") || spec.hasPrefix("postgresql://") {
            do { return try PostgresChainStore(url: spec) } catch { throw ValidationError("--database: \(error)") }
        }
        guard spec.hasPrefix("sqlite:") else {
            throw ValidationError("--database: expected sqlite:PATH or postgres://user@host:port/database, got '\(spec)'")
        }
        return try SQLiteChainStore(path: String(spec.dropFirst("sqlite:".count)))
    }

    func loadGenesis() throws -> Genesis {
        var g: Genesis
        if let path = genesis {
            g = try Genesis(json: try Data(contentsOf: URL(fileURLWithPath: path)))
        } else {
            g = Genesis.dev()
        }
        if let chainId { g.chainId = chainId }
        if let gasLimit {
            guard gasLimit >= 21_000 else { throw ValidationError("--gas-limit must be at least 21000") }
            g.gasLimit = gasLimit
        }
        return g
    }
}

/// `zkrollup sequencer`: the chain v2 node with its JSON-RPC server.
struct SequencerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sequencer",
        abstract: "Run the chain v2 node: Ethereum JSON-RPC over HTTP, blocks, batches, SQLite storage.")

    @OptionGroup var node: NodeOptions

    @Option(help: "JSON-RPC listen address HOST:PORT (port 0 picks a free port).")
    var rpc: String = "127.0.0.1:8545"

    @Option(help: "Milliseconds between blocks.")
    var blockTime: UInt64 = 1000

    @Option(help: "Seal a batch after this many blocks.")
    var batchBlocks: Int = 100

    @Option(help: "Seal a batch once its first block is this many seconds old.")
    var batchSeconds: UInt64 = 60

    @Option(help: "Seal a batch before its data exceeds this many bytes (0: no bound; default: no bound, or 65536 — what commitBatch takes — with --l1-key).")
    var batchMaxBytes: Int?

    @Option(help: "Seal a batch once it holds this many slots, transactions plus deposits (0: no bound; the batch circuit's capacity when proving with it).")
    var batchMaxSlots: Int = 0

    @Option(help: "Recent blocks whose state the state methods (eth_getBalance, eth_call, …) can read.")
    var stateHistory: Int = 16

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String = "info"

    @OptionGroup(title: "Chain v1 (settlement)") var l1: SequencerL1Options

    func run() async throws {
        guard let colon = rpc.lastIndex(of: ":"), let port = Int(rpc[rpc.index(after: colon)...]) else {
            throw ValidationError("--rpc must be HOST:PORT")
        }
        let host = String(rpc[..<colon])
        var logger = Logger(label: "zkrollup.sequencer")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        // One node per data dir: a second one would fork the chain in the same database.
        try FileManager.default.createDirectory(atPath: node.dataDir, withIntermediateDirectories: true)
        let lockFD = open((node.dataDir as NSString).appendingPathComponent("LOCK"), O_CREAT | O_RDWR, 0o644)
        guard lockFD >= 0, flock(lockFD, LOCK_EX | LOCK_NB) == 0 else {
            throw ValidationError("data dir \(node.dataDir) is in use by another sequencer")
        }
        defer { close(lockFD) }
        let store = try node.openStore()
        let genesis = try node.loadGenesis()
        let maxBytes = batchMaxBytes ?? (l1.key != nil ? BatchPolicy.settlementLimit : 0)
        if l1.key != nil && (maxBytes == 0 || maxBytes > BatchPolicy.settlementLimit) {
            throw ValidationError("--batch-max-bytes: a settling sequencer (--l1-key) needs 1…\(BatchPolicy.settlementLimit), what commitBatch takes")
        }
        if maxBytes < 0 || (maxBytes > 0 && maxBytes < 4096) { throw ValidationError("--batch-max-bytes: 0 or at least 4096") }
        let bound: Int? = maxBytes == 0 ? nil : maxBytes
        guard batchMaxSlots >= 0 else { throw ValidationError("--batch-max-slots: 0 or more") }
        // The batch circuit proves at most its capacity in slots: batches are sealed to fit it.
        let batchProver = try l1.batchService()
        var maxSlots = batchMaxSlots
        if let capacity = batchProver?.shape.capacity {
            if maxSlots > capacity { throw ValidationError("--batch-max-slots: the batch circuit (--l1-prove) has \(capacity) slots") }
            if maxSlots == 0 { maxSlots = capacity }
        }
        var config = NodeConfiguration(blockTimeMilliseconds: max(blockTime, 1),
                                       batchPolicy: BatchPolicy(maxBlocks: max(batchBlocks, 1), maxAgeSeconds: batchSeconds,
                                                                maxDataBytes: bound, maxSlots: maxSlots > 0 ? maxSlots : nil))
        config.provableTransfersOnly = batchProver != nil
        config.provableTreeDepth = batchProver?.shape.depth
        config.provableStorageWrites = batchProver?.shape.writes ?? 0
        guard stateHistory >= 1 else { throw ValidationError("--state-history must be at least 1") }
        config.stateHistory = stateHistory
        // A transaction must fit an empty batch.
        if let bound { config.maxTransactionSize = min(config.maxTransactionSize, bound - 5 - BlockContext.overheadBytes - 5) }
        let chain = try ChainNode(store: store, genesis: genesis, configuration: config, logger: logger)
        chain.start()
        defer { chain.stop() }
        let relay = try await l1.start(node: chain, logger: logger, batchProver: batchProver)
        defer { for t in relay { t.cancel() } }
        let handler = RPCHandler(node: chain)
        let chainId = genesis.chainId
        try await RPCServer.run(handler: handler, host: host, port: port, logger: logger) { bound in
            print("zkrollup sequencer: chain \(chainId), head \(chain.head.header.number), JSON-RPC on http://\(host):\(bound)")
            fflush(nil)
        }
    }
}

/// `zkrollup batch export`.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch", abstract: "Sealed batches.", subcommands: [BatchExportCommand.self, BatchReplayCommand.self])
}

/// `zkrollup batch export --data-dir DIR --index N --out FILE`.
struct BatchExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a sealed batch as a self-contained JSON file (block contexts, raw transactions, pre-state).")

    @OptionGroup var node: NodeOptions

    @Option(help: "Batch index.")
    var index: UInt64

    @Option(help: "Output file.")
    var out: String

    func run() throws {
        let store = try node.openStore()
        let file = try BatchExporter(store: store, genesis: try node.loadGenesis()).export(index: index)
        try Data(file.json.serialized).write(to: URL(fileURLWithPath: out))
        print("batch \(index): blocks \(file.batch.firstBlock)-\(file.batch.lastBlock), \(file.transactionCount) transactions, post-state root \(Hex.encode(word: file.batch.postStateRoot))")
    }
}

/// `zkrollup batch replay --file FILE`: re-executes a batch file with no database.
struct BatchReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Re-execute a batch file from its pre-state alone; exit 0 when the post-state root and block hashes match.")

    @Option(help: "Batch file written by `batch export`.")
    var file: String

    func run() throws {
        let batch = try BatchFile(json: try JSONValue.parse(try Data(contentsOf: URL(fileURLWithPath: file))))
        let (root, hashes) = try batch.reexecute()
        let ok = root == batch.batch.postStateRoot && hashes == batch.hashes
        print("batch \(batch.batch.index): post-state root \(Hex.encode(word: root)) \(ok ? "matches" : "DIFFERS from \(Hex.encode(word: batch.batch.postStateRoot))"), block hashes \(hashes == batch.hashes ? "match" : "differ")")
        if !ok { throw ExitCode(1) }
    }
}
