import ArgumentParser
import EVM
import Foundation
import Plonk
import Relayer
import Sequencer
import Settlement

/// Where the settlement contract is: a v1 node's JSON-RPC URL and the contract's address.
struct L1ClientOptions: ParsableArguments {
    @Option(name: .customLong("rpc"), help: "Chain v1 JSON-RPC URL.")
    var url: String = "http://127.0.0.1:8546"

    @Option(help: "The settlement contract's address (default: where `zkrollup l1 --dev` deploys it).")
    var rollup: String?

    func client() throws -> L1Client {
        guard let u = URL(string: url), u.scheme == "http" || u.scheme == "https" else {
            throw ValidationError("--rpc: expected an http(s) URL, got '\(url)'")
        }
        guard let address = rollup.map({ Address(hex: $0) }) ?? L1Command.devRollupAddress else {
            throw ValidationError("--rollup: not an address")
        }
        return L1Client(url: u, rollup: address)
    }
}

/// Parses a 0x-hex private key option.
func privateKey(_ text: String, option: String) throws -> [UInt8] {
    guard let k = Hex.decode(text), k.count == 32 else { throw ValidationError("\(option): expected a 32-byte 0x-hex private key") }
    return k
}

/// Runs a v1 request, turning its failure into a one-line error and exit 1.
func l1Request<T>(_ body: () async throws -> T) async throws -> T {
    do { return try await body() } catch let e as L1ClientError { throw CLIError.exit("\(e)") } catch let e as CLIError {
        throw CLIError.exit(e.description)
    } catch let e as ValidationError { throw e } catch let e as ExitCode { throw e } catch { throw CLIError.exit("\(error)") }
}

/// `zkrollup l1 deposit`: depositETH on v1 for an account on chain v2.
struct L1DepositCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "deposit", abstract: "Deposit ETH on v1 to an account on chain v2.")

    @OptionGroup var l1: L1ClientOptions

    @Option(help: "The depositor's v1 private key (default: dev key 2).")
    var key: String = DevAccounts.privateKeys[2]

    @Option(help: "The chain v2 account to credit.")
    var to: String

    @Option(help: "Wei to deposit (decimal or 0x-hex).")
    var value: String

    func run() async throws {
        guard let recipient = Address(hex: to) else { throw ValidationError("--to: not an address") }
        guard let wei = UInt256(value), !wei.isZero else { throw ValidationError("--value: expected a positive number of wei") }
        let k = try privateKey(key, option: "--key")
        let client = try l1.client()
        let receipt = try await l1Request { try await client.send(.depositETH(to: recipient), key: k, value: wei) }
        for case .depositQueued(let d) in receipt.events {
            print("deposit \(d.index): \(d.value) wei from \(d.sender) to \(d.to), queue hash \(Hex.encode(word: d.queueHash)), v1 block \(receipt.blockNumber), gas \(receipt.gasUsed)")
        }
    }
}

/// `zkrollup l1 status`: the contract's batch and queue positions, as JSON.
struct L1StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Print the settlement contract's state as JSON.")

    @OptionGroup var l1: L1ClientOptions

    @Option(help: "Also print this batch's hash, public inputs and roots.")
    var index: UInt64?

    func run() async throws {
        let client = try l1.client()
        let line: String = try await l1Request {
            let queue = try await client.view("messageQueueLength()")
            var fields = [
                ("lastCommittedBatch", try await client.view("lastCommittedBatch()").description),
                ("lastFinalizedBatch", try await client.view("lastFinalizedBatch()").description),
                ("finalizedStateRoot", "\"\(Hex.encode(word: try await client.view("finalizedStateRoot()")))\""),
                ("messageQueueLength", queue.description),
                ("messageQueueHash", "\"\(Hex.encode(word: try await client.view("messageQueueHash(uint256)", queue)))\""),
            ]
            if let index {
                let i = UInt256(index)
                fields.append(("batch", index.description))
                fields.append(("batchHash", "\"\(Hex.encode(word: try await client.view("batchHash(uint256)", i)))\""))
                let inputs = try await client.view("batchPublicInputs(uint256)", words: 3, i)
                fields.append(("batchPublicInputs", "[" + inputs.map { "\"\(Hex.encode(word: $0))\"" }.joined(separator: ", ") + "]"))
                fields.append(("batchPostStateRoot", "\"\(Hex.encode(word: try await client.view("batchPostStateRoot(uint256)", i)))\""))
            }
            return "{" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
        }
        print(line)
    }
}

/// `zkrollup l1 commit --batch FILE`: commitBatch from a batch file (what the sequencer does itself).
struct L1CommitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "commit", abstract: "Commit a batch file's header and data on v1.")

    @OptionGroup var l1: L1ClientOptions

    @Option(help: "The sequencer's v1 private key (default: dev key 1, the dev chain's sequencer).")
    var key: String = L1Command.devSequencerKey

    @Option(help: "Batch file written by `zkrollup batch export`.")
    var batch: String

    func run() async throws {
        let k = try privateKey(key, option: "--key")
        let file: BatchFile
        do { file = try BatchFile(json: try JSONValue.parse(try Data(contentsOf: URL(fileURLWithPath: batch)))) } catch {
            throw CLIError.exit("\(batch): \(error)")
        }
        let client = try l1.client()
        try await l1Request {
            let parent = try await client.view("batchHash(uint256)", UInt256(file.batch.index - 1))
            let header = BatchHeader(file.batch, withdrawals: file.withdrawals, parentBatchHash: parent)
            let data = BatchData.encode(file.blocks)
            let receipt = try await client.send(.commitBatch(header: header, batchData: data), key: k)
            print("committed batch \(file.batch.index): \(data.count) bytes of data, batch hash \(Hex.encode(word: header.batchHash(dataHash: file.batch.dataHash))), gas \(receipt.gasUsed)")
        }
    }
}

/// `zkrollup l1 finalize --index N --proof FILE`.
struct L1FinalizeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "finalize", abstract: "Finalize a committed batch on v1 with its proof.")

    @OptionGroup var l1: L1ClientOptions

    @Option(help: "Any v1 private key (finalizeBatch is open to all; default: dev key 1).")
    var key: String = L1Command.devSequencerKey

    @Option(help: "Batch index.")
    var index: UInt64

    @Option(help: "Proof JSON written by `zkrollup prove`.")
    var proof: String

    func run() async throws {
        let k = try privateKey(key, option: "--key")
        let envelope: ProofEnvelope
        do { envelope = try ProofEnvelope(json: try String(contentsOfFile: proof, encoding: .utf8)) } catch {
            throw CLIError.exit("\(proof): \(error)")
        }
        let client = try l1.client()
        try await l1Request {
            let receipt = try await client.send(.finalizeBatch(index: UInt256(index), proof: envelope.proof.bytes), key: k)
            print("finalized batch \(index): gas \(receipt.gasUsed), v1 block \(receipt.blockNumber)")
        }
    }
}

/// `zkrollup l1 claim --l2-rpc URL --batch N --leaf I`: pays out a chain v2 withdrawal on v1.
struct L1ClaimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claim",
        abstract: "Claim a withdrawal of a finalized batch on v1, with its Merkle proof from the sequencer.")

    @OptionGroup var l1: L1ClientOptions

    @Option(name: .customLong("l2-rpc"), help: "The sequencer's JSON-RPC URL (for rollup_getWithdrawalProof).")
    var l2: String = "http://127.0.0.1:8545"

    @Option(help: "Any v1 private key (the contract pays the withdrawal's recipient; default: dev key 2).")
    var key: String = DevAccounts.privateKeys[2]

    @Option(help: "The batch that holds the withdrawal.")
    var batch: UInt64

    @Option(help: "The withdrawal's leaf index in the batch (rollup_getWithdrawals).")
    var leaf: UInt64

    func run() async throws {
        let k = try privateKey(key, option: "--key")
        guard let l2URL = URL(string: l2) else { throw ValidationError("--l2-rpc: not a URL") }
        let client = try l1.client()
        try await l1Request {
            let sequencer = RPCClient(url: l2URL, connections: 1)
            let r = try await sequencer.call("rollup_getWithdrawalProof", [.string(Hex.quantity(batch)), .string(Hex.quantity(leaf))])
            guard case .object = r, let to = r["to"]?.stringValue.flatMap(Address.init(hex:)),
                  let amount = r["amount"]?.stringValue.flatMap({ UInt256(hex: $0) }),
                  let proof = r["proof"]?.arrayValue?.compactMap({ $0.stringValue.flatMap { UInt256(hex: $0) } }), proof.count == 20 else {
                throw CLIError("the sequencer has no withdrawal \(leaf) in batch \(batch)")
            }
            let receipt = try await client.send(.claimWithdrawal(batchIndex: UInt256(batch), leafIndex: UInt256(leaf), to: to,
                                                                 amount: amount, proof: proof), key: k)
            print("claimed withdrawal \(leaf) of batch \(batch): \(amount) wei to \(to), gas \(receipt.gasUsed)")
        }
    }
}
