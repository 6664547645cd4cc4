import EVM
import Logging
import Sequencer
import Settlement

/// Settles the node's sealed batches on v1: `commitBatch` for each batch past the contract's
/// last committed one, then, when a prover is given, `finalizeBatch` with its proof, and keeps
/// the node's batch statuses (committed, finalized) in step with the contract.
///
/// Before committing, the header is built from the node's records and its batch hash and public
/// inputs (binding, prev root, post root) are predicted with the settlement mirror's hashing
/// (`BatchHeader`); the contract's `BatchCommitted` event and all three of `batchPublicInputs`
/// must match, or the submitter stops: the node and v1 would disagree on what the proof has to show.
public actor BatchSubmitter {
    /// Makes the proof of a batch for the given public inputs (three: binding, prev state root,
    /// post state root), with the batch circuit or the dev stub.
    public typealias Prover = @Sendable (_ batch: BatchRecord, _ publicInputs: [UInt256]) async throws -> [UInt8]

    let client: L1Client
    let node: ChainNode
    let key: [UInt8]
    let prover: Prover?
    let logger: Logger
    var markedFinal: UInt64 = 0

    /// A submitter signing with the sequencer's v1 key.
    public init(client: L1Client, node: ChainNode, key: [UInt8], prover: Prover?, logger: Logger) {
        self.client = client; self.node = node; self.key = key; self.prover = prover; self.logger = logger
    }

    /// The header and data the contract receives for batch `index`.
    public static func header(of batch: BatchRecord, in store: any ChainStore, parentBatchHash: UInt256) throws
        -> (header: BatchHeader, data: [UInt8]) {
        let records = try store.blocks(of: batch)
        let data = BatchData.encode(records.map(BlockContext.init))
        guard BatchHeader.dataHash(data) == batch.dataHash else {
            throw SequencerError.corruptRecord("batch \(batch.index): stored blocks do not hash to its data hash")
        }
        let header = BatchHeader(batch, withdrawals: L2Withdrawals.of(records), parentBatchHash: parentBatchHash)
        return (header, data)
    }

    /// One round: commits every sealed batch v1 lacks, finalizes what it can prove, updates statuses.
    /// - Returns: how many batches it committed and finalized.
    @discardableResult
    public func round() async throws -> (committed: Int, finalized: Int) {
        var lastCommitted = try await client.view("lastCommittedBatch()")
        var lastFinalized = try await client.view("lastFinalizedBatch()")
        try mark(upTo: lastFinalized)
        let chainId = UInt256(node.chainId)
        var committed = 0, finalized = 0
        guard let sealed = try node.store.latestBatch()?.index else { return (0, 0) }
        while lastCommitted < UInt256(sealed) {
            guard let c = lastCommitted.exactUInt64 else { throw SequencerError.corruptRecord("v1 lastCommittedBatch \(lastCommitted)") }
            let index = c + 1
            guard var batch = try node.store.batch(index: index) else { throw SequencerError.notFound("batch \(index)") }
            let parent = try await client.view("batchHash(uint256)", UInt256(index - 1))
            let (header, data) = try Self.header(of: batch, in: node.store, parentBatchHash: parent)
            let receipt = try await client.send(.commitBatch(header: header, batchData: data), key: key)
            let expected = header.batchHash(dataHash: batch.dataHash)
            guard receipt.events.contains(.batchCommitted(index: header.index, batchHash: expected, dataHash: batch.dataHash)) else {
                throw SequencerError.corruptRecord("batch \(index): v1 committed another batch hash than the node predicts")
            }
            batch.status = .committed
            try node.store.saveBatch(batch)
            logger.info("committed batch", metadata: ["index": "\(index)", "bytes": "\(data.count)", "gas": "\(receipt.gasUsed)"])
            lastCommitted = header.index
            committed += 1
        }
        guard let prover else { return (committed, 0) }
        while lastFinalized < lastCommitted {
            guard let f = lastFinalized.exactUInt64 else { throw SequencerError.corruptRecord("v1 lastFinalizedBatch \(lastFinalized)") }
            let index = f + 1
            guard let batch = try node.store.batch(index: index) else { throw SequencerError.notFound("batch \(index)") }
            let onChain = try await client.view("batchPublicInputs(uint256)", words: 3, UInt256(index))
            let parent = try await client.view("batchHash(uint256)", UInt256(index - 1))
            let (header, _) = try Self.header(of: batch, in: node.store, parentBatchHash: parent)
            let predicted = header.publicInputs(l2ChainId: chainId, dataHash: batch.dataHash)
            for (i, name) in ["binding", "prev state root", "post state root"].enumerated() where predicted[i] != onChain[i] {
                throw SequencerError.corruptRecord("batch \(index): v1's public input \(i) (\(name)) differs from the node's")
            }
            let proof = try await prover(batch, onChain)
            let receipt = try await client.send(.finalizeBatch(index: UInt256(index), proof: proof), key: key)
            logger.info("finalized batch", metadata: ["index": "\(index)", "gas": "\(receipt.gasUsed)"])
            lastFinalized = UInt256(index)
            finalized += 1
        }
        try mark(upTo: lastFinalized)
        return (committed, finalized)
    }

    /// Records batches up to `last` as finalized in the node.
    func mark(upTo last: UInt256) throws {
        guard let last = last.exactUInt64 else { return }
        while markedFinal < last {
            markedFinal += 1
            if var b = try node.store.batch(index: markedFinal), b.status != .finalized {
                b.status = .finalized
                try node.store.saveBatch(b)
            }
        }
    }

    /// Runs rounds every `intervalMilliseconds` until cancelled, logging failures and carrying on.
    /// A failure that repeats round after round (v1 down, a batch that cannot be proven) is
    /// logged as a warning once, then at debug level, and its end is logged with the count.
    public func run(intervalMilliseconds: UInt64) async {
        var last: String?, repeats = 0
        while !Task.isCancelled {
            do {
                try await round()
                if let l = last {
                    logger.info("batch submitter recovered", metadata: ["after": "\(repeats + 1) failed rounds", "error": "\(l)"])
                    (last, repeats) = (nil, 0)
                }
            } catch {
                let text = "\(error)"
                if text == last {
                    repeats += 1
                    logger.debug("batch submitter", metadata: ["error": "\(text)", "repeats": "\(repeats)"])
                } else {
                    logger.warning("batch submitter", metadata: ["error": "\(text)"])
                    (last, repeats) = (text, 0)
                }
            }
            try? await Task.sleep(for: .milliseconds(intervalMilliseconds))
        }
    }
}
