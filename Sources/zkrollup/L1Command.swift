import ArgumentParser
import Circuits
import EVM
import Foundation
import Keccak
import Logging
import Plonk
import Relayer
import Sequencer
import Settlement
import State

/// `zkrollup l1`: the chain v1 side — a local dev chain with the settlement contract, and the
/// contract's calls by hand (deposit, commit, finalize, status) against any v1 node.
struct L1Command: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "l1",
        abstract: "Chain v1: run a local dev chain with the settlement contract, or call the contract on a v1 node.",
        subcommands: [L1NodeCommand.self, L1DepositCommand.self, L1StatusCommand.self, L1CommitCommand.self,
                      L1FinalizeCommand.self, L1ClaimCommand.self, L1DeployCommand.self],
        defaultSubcommand: L1NodeCommand.self)

    /// The dev chain's id (Evmos' testnet id: chain v1 is an Evmos-style chain).
    static let devChainId: UInt64 = 9000
    /// The dev chain's contract owner (dev key 0) and sequencer (dev key 1).
    static let devOwnerKey = DevAccounts.privateKeys[0]
    static let devSequencerKey = DevAccounts.privateKeys[1]
    /// Where the dev chain deploys the contract: the owner's first contract creation.
    static var devRollupAddress: Address {
        Interpreter.createAddress(caller: Address(hex: DevAccounts.addresses[0])!, nonce: 0)
    }
}

/// `zkrollup l1 --dev`: a v1 dev chain on the project's own EVM and JSON-RPC server, with the
/// settlement contract deployed by a real transaction from its committed bytecode.
struct L1NodeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "node",
        abstract: "Run a local chain v1 (dev) with the settlement contract deployed (`zkrollup l1 --dev`).",
        discussion: """
        The chain is the sequencer's node with the dev genesis (the ten well-known keys funded) and chain id 9000.
        On first start, dev key 0 (the owner) deploys the contract from fixtures/settlement/Rollup.bin with dev key 1's
        address as the sequencer, chain v2's genesis state root (its Poseidon root), and the verification key of --circuit (default the
        settlement stub: development only) or --vk. The contract's address and parameters go to DATA_DIR/rollup.json.
        """)

    @Flag(help: "Run the development chain (the only kind this command runs).")
    var dev = false

    @Option(help: "Directory of the chain's database and rollup.json.")
    var dataDir: String = "zkrollup-l1-data"

    @Option(help: "JSON-RPC listen address HOST:PORT (port 0 picks a free port).")
    var rpc: String = "127.0.0.1:8546"

    @Option(help: "Chain v1's chain id.")
    var chainId: UInt64 = L1Command.devChainId

    @Option(help: "Milliseconds between blocks.")
    var blockTime: UInt64 = 200

    @OptionGroup var contract: DeploymentOptions

    @Option(help: "Log level.")
    var logLevel: String = "info"

    func run() async throws {
        guard dev else { throw ValidationError("only the dev chain is built in: pass --dev (production v1 is an Evmos node)") }
        guard let colon = rpc.lastIndex(of: ":"), let port = Int(rpc[rpc.index(after: colon)...]) else {
            throw ValidationError("--rpc must be HOST:PORT")
        }
        let host = String(rpc[..<colon])
        var logger = Logger(label: "zkrollup.l1")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        let deployment: RollupDeployment
        do { deployment = try contract.deployment(owner: Address(hex: DevAccounts.addresses[0])!) } catch let e as CLIError {
            throw CLIError.exit(e.description)
        }
        try FileManager.default.createDirectory(atPath: dataDir, withIntermediateDirectories: true)
        let lockFD = open((dataDir as NSString).appendingPathComponent("LOCK"), O_CREAT | O_RDWR, 0o644)
        guard lockFD >= 0, flock(lockFD, LOCK_EX | LOCK_NB) == 0 else {
            throw ValidationError("data dir \(dataDir) is in use by another node")
        }
        defer { close(lockFD) }
        let store = try SQLiteChainStore(path: (dataDir as NSString).appendingPathComponent("chain.sqlite"))
        let config = NodeConfiguration(blockTimeMilliseconds: max(blockTime, 1), batchPolicy: BatchPolicy(maxBlocks: 1_000_000))
        let chain = try ChainNode(store: store, genesis: Genesis.dev(chainId: chainId), configuration: config, logger: logger)
        chain.start()
        defer { chain.stop() }
        let address: Address
        do { address = try await deploy(deployment, on: chain) } catch let e as CLIError { throw CLIError.exit(e.description) }
        let handler = RPCHandler(node: chain)
        let chainId = self.chainId, l2 = deployment.l2ChainId
        try await RPCServer.run(handler: handler, host: host, port: port, logger: logger) { bound in
            print("zkrollup l1 --dev: chain \(chainId), rollup contract \(address) (chain v2 \(l2)), JSON-RPC on http://\(host):\(bound)")
            fflush(nil)
        }
    }

    /// Deploys on first start; on later starts checks that the data dir's deployment is this one.
    func deploy(_ deployment: RollupDeployment, on chain: ChainNode) async throws -> Address {
        let address = L1Command.devRollupAddress
        let recordPath = (dataDir as NSString).appendingPathComponent("rollup.json")
        let initHash = Hex.encode(Keccak256.hash(deployment.initCode))
        if !chain.state.code(address).bytes.isEmpty {
            let record = (try? String(contentsOfFile: recordPath, encoding: .utf8)) ?? ""
            guard record.contains(initHash) else {
                throw CLIError("\(dataDir) holds a contract deployed with other parameters (circuit, sequencer or chain v2 genesis): use a new --data-dir")
            }
            return address
        }
        let ownerKey = Hex.decode(L1Command.devOwnerKey)!
        let tx = Transaction.dynamicFee(chainId: chainId, nonce: 0, maxPriorityFeePerGas: .zero,
                                        maxFeePerGas: UInt256(10_000_000_000), gasLimit: 15_000_000, to: nil,
                                        data: deployment.initCode)
        let hash = try await chain.submit(raw: try tx.signed(privateKey: ownerKey).encoded)
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if let included = try chain.store.transaction(hash: hash) {
                guard included.receipt.status, included.receipt.contractAddress == address else {
                    throw CLIError("the deployment transaction failed (gas used \(included.receipt.gasUsed))")
                }
                let record = """
                {"address": "\(address)", "chainId": \(chainId), "deployBlock": \(included.blockNumber), \
                "deployTransaction": "\(Hex.encode(word: hash))", "owner": "\(deployment.owner)", \
                "sequencer": "\(deployment.sequencer)", "l2ChainId": \(deployment.l2ChainId), \
                "genesisStateRoot": "\(Hex.encode(word: deployment.genesisStateRoot))", \
                "vkHash": "\(Hex.encode(deployment.vk.hash))", "initCodeKeccak": "\(initHash)", \
                "gasUsed": \(included.receipt.gasUsed)}
                """
                try Data((record + "\n").utf8).write(to: URL(fileURLWithPath: recordPath))
                return address
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw CLIError("the deployment transaction was not included within 60 s")
    }
}

/// What the settlement contract is deployed with: chain v2's genesis and id, the circuit's key, the sequencer.
struct DeploymentOptions: ParsableArguments {
    @Option(name: .customLong("l2-genesis"), help: "Chain v2's genesis JSON (default: the dev genesis), for its state root.")
    var l2Genesis: String?

    @Option(name: .customLong("l2-chain-id"), help: "Chain v2's chain id (default: the genesis file's, dev 1337).")
    var l2ChainId: UInt64?

    @Option(help: "Circuit whose key the contract verifies: batch or batch:DEPTH:CAPACITY[:WRITES] (the batch circuit), or stub:N, the settlement stub (development only).")
    var circuit: String = "stub:8"

    @Option(help: "Verification key JSON to deploy with instead of --circuit (the batch circuit's).")
    var vk: String?

    @Option(help: "SRS for --circuit: a .ptau or .srs file (default: the insecure dev SRS).")
    var srs: String?

    @Option(help: "Address allowed to commit batches (default: dev key 1's).")
    var sequencer: String = DevAccounts.addresses[1]

    /// The deployment these options describe, owned by `owner`. The genesis root is chain v2's
    /// Poseidon state root (`StateCommitment`), what the batch proofs' state roots are: the
    /// contract takes state roots as public inputs, so it refuses roots that are not scalars,
    /// as Ethereum's Merkle-Patricia roots (the blocks' `stateRoot`) in general are not.
    func deployment(owner: Address) throws -> RollupDeployment {
        guard let sequencer = Address(hex: sequencer) else { throw CLIError("--sequencer: not an address") }
        var l2: Genesis
        if let l2Genesis {
            do { l2 = try Genesis(json: try Data(contentsOf: URL(fileURLWithPath: l2Genesis))) } catch {
                throw CLIError("--l2-genesis \(l2Genesis): \(error)")
            }
        } else {
            l2 = Genesis.dev()
        }
        if let l2ChainId { l2.chainId = l2ChainId }
        let key: VerificationKey
        if let vk {
            do { key = try VerificationKey(json: String(contentsOfFile: vk, encoding: .utf8), gates: CircuitGates.all) } catch {
                throw CLIError("--vk \(vk): \(error)")
            }
        } else if let service = try BatchProofService(spec: circuit, srs: srs) {
            key = service.verificationKey
        } else {
            printError(DevStubProver.warning)
            key = try DevStubProver(spec: circuit, srs: srs).verificationKey
        }
        do {
            return try RollupDeployment(owner: owner, sequencer: sequencer, l2ChainId: UInt256(l2.chainId),
                                        genesisStateRoot: UInt256(bigEndianAt: StateCommitment.root(l2.state).bigEndianBytes), vk: key)
        } catch { throw CLIError("\(error)") }
    }
}

/// `zkrollup l1 deploy`: deploys the settlement contract from its committed bytecode on any v1 chain.
struct L1DeployCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deploy",
        abstract: "Deploy the settlement contract on a v1 chain; the key's account becomes its owner.")

    @Option(name: .customLong("rpc"), help: "Chain v1 JSON-RPC URL.")
    var url: String = "http://127.0.0.1:8546"

    @Option(help: "The deployer's (owner's) v1 private key.")
    var key: String

    @OptionGroup var contract: DeploymentOptions

    func run() async throws {
        let k = try privateKey(key, option: "--key")
        guard let u = URL(string: url) else { throw ValidationError("--rpc: not a URL") }
        let owner: Address
        do { owner = try Address(privateKey: k) } catch { throw ValidationError("--key: \(error)") }
        let deployment: RollupDeployment
        do { deployment = try contract.deployment(owner: owner) } catch let e as CLIError { throw CLIError.exit(e.description) }
        try await l1Request {
            let receipt = try await L1Client.deploy(deployment, url: u, key: k)
            guard let address = receipt.contractAddress else { throw CLIError("the deployment created no contract") }
            print("deployed the settlement contract at \(address): owner \(owner), sequencer \(deployment.sequencer), chain v2 \(deployment.l2ChainId), vk \(Hex.encode(deployment.vk.hash)), v1 block \(receipt.blockNumber), gas \(receipt.gasUsed)")
        }
    }
}
