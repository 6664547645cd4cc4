import BN254
import EVM
import Plonk
import Settlement
import Testing

/// The mirror against the compiled contract on the project's EVM, step by step, with
/// real proofs: each call must succeed or revert identically on both, with the reason
/// the test expects and the same events.
@Suite(.serialized) struct MirrorAgreementTests {
    let f = SettlementFixture.shared

    /// The two executions side by side.
    struct Both {
        var mirror: RollupMirror
        var chain: RollupEVMChain

        /// Sends `call` to both; expects `want` (nil: success) from each and equal events.
        @discardableResult
        mutating func send(_ call: RollupCall, from: Address, value: UInt256 = .zero, expect want: RollupRevert?,
                           _ label: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [RollupEvent] {
            var predicted: [RollupEvent] = []
            var reason: RollupRevert?
            do { predicted = try call.apply(to: &mirror, from: from, value: value) } catch { reason = error }
            let out = try chain.send(call, from: from, value: value)
            #expect(reason == want, "\(label): mirror", sourceLocation: sourceLocation)
            #expect(out.reason == want?.description, "\(label): EVM", sourceLocation: sourceLocation)
            if want == nil { #expect(out.events == predicted && !predicted.isEmpty || call.name == "verifyProof", "\(label): events", sourceLocation: sourceLocation) }
            return out.events
        }
    }

    func fresh() throws -> Both {
        Both(mirror: RollupMirror(f.deployment),
             chain: try RollupEVMChain(f.deployment, funded: [f.sequencer, f.alice, f.dave], balance: UInt256(UInt64(1) << 62)))
    }

    @Test func deploymentBindsTheKey() throws {
        let both = try fresh()
        #expect(both.chain.state.code(both.chain.contract).count > 20_000)
        #expect(both.chain.state.code(both.chain.contract).count <= Interpreter.maxCodeSize)
        // The constructor's hash of the key = keccak of the Plonk VK binary (what the transcript absorbs).
        #expect(both.chain.view("vkHash()") == UInt256(bigEndianAt: f.deployment.vk.hash))
        #expect(both.chain.view("l2ChainId()") == f.chainId)
        #expect(both.chain.view("batchHash(uint256)", 0) == both.mirror.batchHash(0))
        #expect(both.chain.view("finalizedStateRoot()") == f.genesisRoot)
        // A key of another shape is refused before deployment.
        #expect(throws: RollupDeploymentError.self) {
            _ = try RollupDeployment(owner: f.owner, sequencer: f.sequencer, l2ChainId: 1, genesisStateRoot: 0,
                                     vk: VerificationKey(logSize: 5, publicInputCount: 2, g2Tau: f.deployment.vk.g2Tau,
                                                         gates: f.deployment.vk.gates, fixedCommitments: f.deployment.vk.fixedCommitments))
        }
    }

    @Test func proofChecksAgree() throws {
        var b = try fresh()
        let pi = UInt256(hex: "0x0badc0ffee")!
        let proof = f.prove(pi)
        try b.send(.verifyProof(proof: proof, publicInput: pi), from: f.dave, expect: nil, "valid proof")
        try b.send(.verifyProof(proof: proof, publicInput: pi &+ UInt256(decimal: "21888242871839275222246405745257275088548364400416034343698204186575808495617")!),
                   from: f.dave, expect: .publicInputNotBelowR, "x + r")
        try b.send(.verifyProof(proof: proof, publicInput: pi &+ 1), from: f.dave, expect: .pairingCheckFailed, "other input")
        try b.send(.verifyProof(proof: f.prove(pi &+ 1), publicInput: pi), from: f.dave, expect: .pairingCheckFailed, "other batch's proof")
        try b.send(.verifyProof(proof: Array(proof.dropLast()), publicInput: pi), from: f.dave, expect: .proofLength, "1215 bytes")
        try b.send(.verifyProof(proof: proof + [0], publicInput: pi), from: f.dave, expect: .calldataRejected, "1217 bytes")
        for word in 0..<38 {
            var bad = proof
            for j in 32 * word..<32 * word + 32 { bad[j] ^= 0xff }
            try b.send(.verifyProof(proof: bad, publicInput: pi), from: f.dave,
                       expect: word < 24 ? .proofCoordinateNotBelowP : .proofScalarNotBelowR, "word \(word) flipped")
            var low = proof
            low[32 * word + 31] ^= 1
            try b.send(.verifyProof(proof: low, publicInput: pi), from: f.dave,
                       expect: word < 24 ? .proofPointNotOnCurve : .pairingCheckFailed, "word \(word) low bit")
        }
        // The Swift Plonk verifier agrees on the valid proof and on a tampered one.
        let vk = f.deployment.vk
        let x = try PublicInputs.decode([pi.bigEndianBytes])
        #expect(throws: Never.self) { try ProofEnvelopeCheck.verify(proof, x, vk) }
        var tampered = proof
        tampered[800] ^= 1
        #expect(throws: PlonkVerificationError.self) { try ProofEnvelopeCheck.verify(tampered, x, vk) }
    }

    @Test func batchLifecycleAgrees() throws {
        var b = try fresh()
        // Deposits.
        try b.send(.depositETH(to: Address(0xa1)), from: f.alice, expect: .depositAmountIsZero, "zero deposit")
        let d0 = try b.send(.depositETH(to: Address(0xa1)), from: f.alice, value: 3_000_000, expect: nil, "deposit 0")
        try b.send(.depositETH(to: Address(0xa2)), from: f.alice, value: 1_000_000, expect: nil, "deposit 1")
        guard case .depositQueued(let dep)? = d0.first else { Issue.record("no DepositQueued"); return }
        #expect(dep.queueHash == b.mirror.queue.hashes[1])

        let tree = WithdrawTree([.init(to: f.dave, amount: 1_000_000), .init(to: Address(0xc2), amount: 5)])
        let genesis = BatchHeader.genesis(stateRoot: f.genesisRoot)
        let data: [UInt8] = Array(repeating: 7, count: 500)
        let h1 = BatchHeader(index: 1, parentBatchHash: genesis.batchHash(dataHash: .zero), prevStateRoot: f.genesisRoot,
                             postStateRoot: UInt256(0x2222), withdrawRoot: tree.root, messageQueueHash: b.mirror.queue.hashes[2])
        try b.send(.commitBatch(header: h1, batchData: data), from: f.alice, expect: .onlySequencer, "non-sequencer commit")
        var h = h1; h.index = 2
        try b.send(.commitBatch(header: h, batchData: data), from: f.sequencer, expect: .batchIndexNotNext, "index 2")
        h = h1; h.parentBatchHash = 5
        try b.send(.commitBatch(header: h, batchData: data), from: f.sequencer, expect: .wrongParentBatchHash, "parent")
        h = h1; h.prevStateRoot = 5
        try b.send(.commitBatch(header: h, batchData: data), from: f.sequencer, expect: .prevStateRootMismatch, "prev root")
        h = h1; h.messageQueueHash = 5
        try b.send(.commitBatch(header: h, batchData: data), from: f.sequencer, expect: .unknownMessageQueueHash, "queue hash")
        try b.send(.commitBatch(header: h1, batchData: data), from: f.sequencer, expect: nil, "commit 1")

        let pi1 = h1.publicInput(l2ChainId: f.chainId, dataHash: BatchHeader.dataHash(data))
        #expect(b.mirror.batch(1)?.publicInput == pi1)
        let proof1 = f.prove(pi1)
        try b.send(.finalizeBatch(index: 0, proof: proof1), from: f.dave, expect: .batchAlreadyFinalized, "finalize 0")
        try b.send(.finalizeBatch(index: 2, proof: proof1), from: f.dave, expect: .batchNotCommitted, "finalize 2")
        try b.send(.finalizeBatch(index: 1, proof: f.prove(pi1 &+ 1)), from: f.dave, expect: .pairingCheckFailed, "another batch's proof")
        try b.send(.claimWithdrawal(batchIndex: 1, leafIndex: 0, to: f.dave, amount: 1_000_000, proof: tree.proof(index: 0)),
                   from: f.dave, expect: .batchNotFinalized, "claim before finalize")
        try b.send(.finalizeBatch(index: 1, proof: proof1), from: f.dave, expect: nil, "finalize 1")
        try b.send(.finalizeBatch(index: 1, proof: proof1), from: f.dave, expect: .batchAlreadyFinalized, "finalize twice")
        #expect(b.mirror.finalizedStateRoot == h1.postStateRoot)

        // Out of order, revert, re-commit.
        let h2 = BatchHeader(index: 2, parentBatchHash: h1.batchHash(dataHash: BatchHeader.dataHash(data)), prevStateRoot: h1.postStateRoot,
                             postStateRoot: 0x3333, withdrawRoot: 0, messageQueueHash: b.mirror.queue.hashes[1])
        try b.send(.commitBatch(header: h2, batchData: []), from: f.sequencer, expect: .messageQueueGoesBack, "queue goes back")
        var h2ok = h2; h2ok.messageQueueHash = b.mirror.queue.hashes[2]
        try b.send(.commitBatch(header: h2ok, batchData: []), from: f.sequencer, expect: nil, "commit 2")
        let h3 = BatchHeader(index: 3, parentBatchHash: h2ok.batchHash(dataHash: BatchHeader.dataHash([])), prevStateRoot: 0x3333,
                             postStateRoot: 0x4444, withdrawRoot: 0, messageQueueHash: h2ok.messageQueueHash)
        try b.send(.commitBatch(header: h3, batchData: [1]), from: f.sequencer, expect: nil, "commit 3")
        try b.send(.finalizeBatch(index: 3, proof: proof1), from: f.dave, expect: .batchNotNextToFinalize, "finalize 3 before 2")
        try b.send(.revertBatch(index: 2), from: f.sequencer, expect: .onlyOwner, "revert by non-owner")
        try b.send(.revertBatch(index: 1), from: f.owner, expect: .batchAlreadyFinalized, "revert finalized")
        try b.send(.revertBatch(index: 4), from: f.owner, expect: .batchNotCommitted, "revert uncommitted")
        let rev = try b.send(.revertBatch(index: 2), from: f.owner, expect: nil, "revert 2")
        #expect(rev == [.batchReverted(index: 2, count: 2)] && b.mirror.lastCommittedBatch == 1)

        // Withdrawals.
        try b.send(.claimWithdrawal(batchIndex: 1, leafIndex: UInt256(1 << 20), to: f.dave, amount: 1_000_000, proof: tree.proof(index: 0)),
                   from: f.dave, expect: .leafIndexOutOfRange, "leaf 2^20")
        var badProof = tree.proof(index: 0); badProof[4] = 9
        try b.send(.claimWithdrawal(batchIndex: 1, leafIndex: 0, to: f.dave, amount: 1_000_000, proof: badProof),
                   from: f.dave, expect: .invalidWithdrawalProof, "wrong Merkle proof")
        let before = b.chain.state.balance(f.dave)
        try b.send(.claimWithdrawal(batchIndex: 1, leafIndex: 0, to: f.dave, amount: 1_000_000, proof: tree.proof(index: 0)),
                   from: f.alice, expect: nil, "claim 1/0")
        #expect(b.chain.state.balance(f.dave) == before &+ 1_000_000)
        try b.send(.claimWithdrawal(batchIndex: 1, leafIndex: 0, to: f.dave, amount: 1_000_000, proof: tree.proof(index: 0)),
                   from: f.alice, expect: .withdrawalAlreadyClaimed, "claim twice")
        #expect(b.mirror.balance == b.chain.state.balance(b.chain.contract))
        #expect(b.mirror.isClaimed(batchIndex: 1, leafIndex: 0) && !b.mirror.isClaimed(batchIndex: 1, leafIndex: 1))
        // Value sent to a non-payable function is refused by both.
        try b.send(.revertBatch(index: 2), from: f.owner, value: 1, expect: .calldataRejected, "value to non-payable")
    }
}

/// The plain Plonk verifier on raw proof bytes (what `zkrollup verify` runs after the mirror's checks).
enum ProofEnvelopeCheck {
    static func verify(_ bytes: [UInt8], _ inputs: [Fr], _ vk: VerificationKey) throws {
        try Verifier.verify(try Proof(bytes: bytes), publicInputs: inputs, vk: vk)
    }
}
