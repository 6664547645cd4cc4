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
        #expect(both.chain.view("batchPublicInputs(uint256)", words: 3, 0) == [0, f.genesisRoot, f.genesisRoot])
        #expect(both.mirror.batchPublicInputs(0) == [0, f.genesisRoot, f.genesisRoot])
        // A key of another shape is refused before deployment: the contract verifies exactly three inputs.
        for count in [1, 2, 4] {
            #expect(throws: RollupDeploymentError.self) {
                _ = try RollupDeployment(owner: f.owner, sequencer: f.sequencer, l2ChainId: 1, genesisStateRoot: 0,
                                         vk: VerificationKey(logSize: 5, publicInputCount: count, g2Tau: f.deployment.vk.g2Tau,
                                                             gates: f.deployment.vk.gates, fixedCommitments: f.deployment.vk.fixedCommitments))
            }
        }
    }

    /// A genesis root of r or more is refused by the deployment and by the constructor on our EVM.
    @Test func genesisRootMustBeBelowR() throws {
        for root in [SettlementFixture.r, SettlementFixture.r &+ 1, UInt256.max] {
            #expect(throws: RollupDeploymentError.constructorReverts(.stateRootNotBelowR)) {
                _ = try RollupDeployment(owner: f.owner, sequencer: f.sequencer, l2ChainId: f.chainId,
                                         genesisStateRoot: root, vk: f.deployment.vk)
            }
            // Past the Swift check: the constructor itself reverts with the same reason.
            var d = f.deployment
            d.genesisStateRoot = root
            #expect(throws: RollupEVMError.deploymentFailed(RollupRevert.stateRootNotBelowR.reason)) {
                _ = try RollupEVMChain(d, funded: [], balance: .zero)
            }
        }
        let top = try RollupDeployment(owner: f.owner, sequencer: f.sequencer, l2ChainId: f.chainId,
                                       genesisStateRoot: SettlementFixture.r &- 1, vk: f.deployment.vk)
        let chain = try RollupEVMChain(top, funded: [], balance: .zero)
        #expect(chain.view("finalizedStateRoot()") == SettlementFixture.r &- 1)
    }

    @Test func proofChecksAgree() throws {
        var b = try fresh()
        let pis = [UInt256(hex: "0x0badc0ffee")!, UInt256(hex: "0x2222")!, UInt256(hex: "0x3333")!]
        let proof = f.prove(pis)
        try b.send(.verifyProof(proof: proof, publicInputs: pis), from: f.dave, expect: nil, "valid proof")
        for i in 0..<3 {
            var big = pis; big[i] = big[i] &+ SettlementFixture.r
            try b.send(.verifyProof(proof: proof, publicInputs: big), from: f.dave, expect: .publicInputNotBelowR, "input \(i) + r")
            var other = pis; other[i] = other[i] &+ 1
            try b.send(.verifyProof(proof: proof, publicInputs: other), from: f.dave, expect: .pairingCheckFailed, "input \(i) + 1")
            // A proof made for other inputs, whichever one differs, does not verify for these.
            try b.send(.verifyProof(proof: f.prove(other), publicInputs: pis), from: f.dave, expect: .pairingCheckFailed,
                       "proof for input \(i) + 1")
        }
        try b.send(.verifyProof(proof: proof, publicInputs: [pis[0], pis[2], pis[1]]), from: f.dave, expect: .pairingCheckFailed, "roots swapped")
        try b.send(.verifyProof(proof: Array(proof.dropLast()), publicInputs: pis), from: f.dave, expect: .proofLength, "1471 bytes")
        try b.send(.verifyProof(proof: Array(proof.dropLast()), publicInputs: [pis[0], pis[1], .max]), from: f.dave,
                   expect: .proofLength, "1471 bytes and an input of 2^256 - 1")
        try b.send(.verifyProof(proof: proof + [0], publicInputs: pis), from: f.dave, expect: .calldataRejected, "1473 bytes")
        for word in 0..<(Proof.byteCount / 32) {
            var bad = proof
            for j in 32 * word..<32 * word + 32 { bad[j] ^= 0xff }
            try b.send(.verifyProof(proof: bad, publicInputs: pis), from: f.dave,
                       expect: word < 2 * Proof.commitmentCount ? .proofCoordinateNotBelowP : .proofScalarNotBelowR, "word \(word) flipped")
            var low = proof
            low[32 * word + 31] ^= 1
            try b.send(.verifyProof(proof: low, publicInputs: pis), from: f.dave,
                       expect: word < 2 * Proof.commitmentCount ? .proofPointNotOnCurve : .pairingCheckFailed, "word \(word) low bit")
        }
        // The Swift Plonk verifier agrees on the valid proof and on a tampered one.
        let vk = f.deployment.vk
        let x = try PublicInputs.decode(pis.map(\.bigEndianBytes))
        #expect(throws: Never.self) { try ProofEnvelopeCheck.verify(proof, x, vk) }
        var tampered = proof
        tampered[Proof.byteCount - 100] ^= 1   // a low byte of an evaluation at ζω
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
        // The post root must be a scalar (it is public input 2), checked after the prev root, before the queue.
        for root in [SettlementFixture.r, UInt256.max] {
            h = h1; h.postStateRoot = root
            try b.send(.commitBatch(header: h, batchData: data), from: f.sequencer, expect: .stateRootNotBelowR, "post root \(root)")
        }
        h = h1; h.prevStateRoot = 5; h.postStateRoot = SettlementFixture.r
        try b.send(.commitBatch(header: h, batchData: data), from: f.sequencer, expect: .prevStateRootMismatch, "prev root and post root r")
        h = h1; h.postStateRoot = SettlementFixture.r; h.messageQueueHash = 5
        try b.send(.commitBatch(header: h, batchData: data), from: f.sequencer, expect: .stateRootNotBelowR, "post root r and queue hash")
        h = h1; h.messageQueueHash = 5
        try b.send(.commitBatch(header: h, batchData: data), from: f.sequencer, expect: .unknownMessageQueueHash, "queue hash")
        try b.send(.commitBatch(header: h1, batchData: data), from: f.sequencer, expect: nil, "commit 1")

        let pis1 = h1.publicInputs(l2ChainId: f.chainId, dataHash: BatchHeader.dataHash(data))
        #expect(pis1[1] == f.genesisRoot && pis1[2] == h1.postStateRoot)
        #expect(b.mirror.batch(1)?.binding == pis1[0])
        #expect(b.mirror.batchPublicInputs(1) == pis1)
        #expect(b.chain.view("batchPublicInputs(uint256)", words: 3, 1) == pis1)
        let proof1 = f.prove(pis1)
        try b.send(.finalizeBatch(index: 0, proof: proof1), from: f.dave, expect: .batchAlreadyFinalized, "finalize 0")
        try b.send(.finalizeBatch(index: 2, proof: proof1), from: f.dave, expect: .batchNotCommitted, "finalize 2")
        try b.send(.finalizeBatch(index: 1, proof: f.prove([pis1[0] &+ 1, pis1[1], pis1[2]])), from: f.dave,
                   expect: .pairingCheckFailed, "another batch's proof")
        // The same binding with another prev or post root: the roots are bound by the proof itself.
        try b.send(.finalizeBatch(index: 1, proof: f.prove([pis1[0], 0x7777, pis1[2]])), from: f.dave,
                   expect: .pairingCheckFailed, "a proof for another prev root")
        try b.send(.finalizeBatch(index: 1, proof: f.prove([pis1[0], pis1[1], 0x7777])), from: f.dave,
                   expect: .pairingCheckFailed, "a proof for another post root")
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
