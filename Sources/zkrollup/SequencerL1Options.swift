import ArgumentParser
import EVM
import Foundation
import Logging
import Plonk
import Proving
import Relayer
import Sequencer

/// The sequencer's chain v1 side: follow deposits, commit sealed batches, finalize them.
struct SequencerL1Options: ParsableArguments {
    @Option(name: .customLong("l1-rpc"), help: "Chain v1 JSON-RPC URL: follow its deposits (and settle batches with --l1-key).")
    var rpc: String?

    @Option(name: .customLong("l1-rollup"), help: "The settlement contract's address (default: where `zkrollup l1 --dev` deploys it).")
    var rollup: String?

    @Option(name: .customLong("l1-key"), help: "The sequencer's v1 private key: commit every sealed batch on v1.")
    var key: String?

    @Option(name: .customLong("l1-prove"), help: "Finalize committed batches with proofs of this circuit: batch or batch:DEPTH:CAPACITY[:WRITES] (the batch circuit; the contract must hold its key), or stub:N (development only).")
    var prove: String?

    @Option(name: .customLong("l1-srs"), help: "SRS for --l1-prove (default: the insecure dev SRS, as `l1 --dev`).")
    var srs: String?

    @Option(name: .customLong("l1-poll-ms"), help: "Milliseconds between v1 polls.")
    var pollMilliseconds: UInt64 = 300

    @Option(name: .customLong("l1-start-block"), help: "v1 block to scan deposits from (the contract's deployment block).")
    var startBlock: UInt64 = 0

    /// The options that depend on each other, checked when the command line is parsed (before
    /// any preprocessing of the circuit `--l1-prove` names).
    func validate() throws {
        if rpc == nil && (key != nil || prove != nil) { throw ValidationError("--l1-key and --l1-prove need --l1-rpc") }
        if prove != nil && key == nil { throw ValidationError("--l1-prove needs --l1-key (the sequencer commits before finalizing)") }
    }

    static func stubProver(spec: String, srs: String?) throws -> DevStubProver {
        do { return try DevStubProver(spec: spec, srs: srs) } catch { throw CLIError.exit(error.description) }
    }

    /// The batch circuit `--l1-prove` names, preprocessed (minutes for the product's 2^20 rows,
    /// so before the node starts), or nil for the stub or no proving.
    func batchService() throws -> BatchProofService? {
        guard let prove else { return nil }
        do { return try BatchProofService(spec: prove, srs: srs) } catch { throw CLIError.exit("--l1-prove: \(error.description)") }
    }

    /// Starts the follower (and the submitter) as tasks; none without --l1-rpc. `batchProver` is
    /// `batchService()`'s: batches are then exported from the node's store and proven with it.
    func start(node: ChainNode, logger: Logger, batchProver: BatchProofService? = nil) async throws -> [Task<Void, Never>] {
        guard let rpc else { return [] }
        guard let url = URL(string: rpc), url.scheme == "http" || url.scheme == "https" else {
            throw ValidationError("--l1-rpc: expected an http(s) URL")
        }
        guard let address = rollup.map({ Address(hex: $0) }) ?? L1Command.devRollupAddress else {
            throw ValidationError("--l1-rollup: not an address")
        }
        let client = L1Client(url: url, rollup: address)
        try await l1Request { try await client.checkDeployment(l2ChainId: node.chainId) }
        let follower = DepositFollower(client: client, node: node, startBlock: startBlock, logger: logger)
        var tasks = [Task { await follower.run(intervalMilliseconds: pollMilliseconds) }]
        if let key {
            let k = try privateKey(key, option: "--l1-key")
            var prover: BatchSubmitter.Prover?
            if let service = batchProver {
                let progress = ProvingProgress()
                prover = { batch, publicInputs in
                    // A batch the circuit refused is refused again identically: say so without redoing it.
                    if let refused = progress.refused, refused.index == batch.index { throw CLIError(refused.reason) }
                    let (file, checkpoint) = try BatchExporter(store: node.store, genesis: node.genesis)
                        .export(index: batch.index, from: progress.checkpoint)
                    progress.checkpoint = checkpoint
                    let started = DispatchTime.now()
                    let proof: Proof, inputs: [UInt256]
                    do { (proof, inputs) = try await service.proveDetached(file) } catch let failure as BatchCircuitProver.Failure {
                        let reason = "batch \(batch.index) cannot be proven, so no later batch can be finalized: \(failure)"
                        logger.critical("batch not provable", metadata: ["batch": "\(batch.index)", "reason": "\(failure)"])
                        progress.refused = (batch.index, reason)
                        throw CLIError(reason)
                    }
                    let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
                    guard inputs == publicInputs else {
                        throw CLIError("batch \(batch.index): the proof's public inputs differ from the ones v1 computes")
                    }
                    logger.info("proved batch", metadata: ["batch": "\(batch.index)", "slots": "\(file.blocks.reduce(0) { $0 + $1.slotCount })",
                                                          "seconds": "\(String(format: "%.2f", seconds))"])
                    return proof.bytes
                }
            } else if let prove {
                printError(DevStubProver.warning)
                let stub = try Self.stubProver(spec: prove, srs: srs)
                prover = { _, publicInputs in try stub.prove(publicInputs: publicInputs) }
            }
            let submitter = BatchSubmitter(client: client, node: node, key: k, prover: prover, logger: logger)
            tasks.append(Task { await submitter.run(intervalMilliseconds: pollMilliseconds) })
        }
        logger.info("following chain v1", metadata: ["rpc": "\(rpc)", "rollup": "\(address)", "settling": "\(key != nil)"])
        return tasks
    }
}

/// What the proving submitter carries from one batch to the next: the last export checkpoint
/// (`BatchExporter.Checkpoint`), so each batch's pre-state is replayed from the previous batch's
/// instead of from genesis, and the batch the circuit refused, if any (its refusal is
/// deterministic). The submitter proves one batch at a time; the lock only makes the hand-over
/// between its calls safe.
final class ProvingProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var storedCheckpoint: BatchExporter.Checkpoint?
    private var storedRefusal: (index: UInt64, reason: String)?
    var checkpoint: BatchExporter.Checkpoint? {
        get { lock.withLock { storedCheckpoint } }
        set { lock.withLock { storedCheckpoint = newValue } }
    }
    var refused: (index: UInt64, reason: String)? {
        get { lock.withLock { storedRefusal } }
        set { lock.withLock { storedRefusal = newValue } }
    }
}
