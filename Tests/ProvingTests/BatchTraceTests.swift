import BN254
import Circuits
import EVM
import Foundation
import KZG
import Plonk
import Proving
import Sequencer
import Settlement
import State
import Stress
import Testing
import TestSupport

/// A batch the sequencer sealed, from its batch file alone: traced into slots, its witness's
/// roots equal to the Poseidon roots of the states the EVM computes, proven and verified; token
/// deployments and calls become creation and call slots with their storage writes and prove; code
/// that reaches another account, and precompile calls, are refused by name.
@Suite struct BatchTraceTests {
    static let chainId: UInt64 = 1337

    static func key(_ i: Int) -> [UInt8] { Hex.decode(DevAccounts.privateKeys[i])! }

    static func transfer(from: Int, nonce: UInt64, to: Address?, value: UInt64, data: [UInt8] = [], gas: UInt64 = 21_000) -> [UInt8] {
        try! Transaction.dynamicFee(chainId: chainId, nonce: nonce, maxPriorityFeePerGas: UInt256(1_000_000_000),
                                    maxFeePerGas: UInt256(3_000_000_000), gasLimit: gas, to: to, value: UInt256(value),
                                    data: data).signed(privateKey: key(from)).encoded
    }

    /// A node with one sealed batch (index 1) holding `txs` and `deposits`, and its batch file.
    static func batchFile(_ txs: [[UInt8]], deposits: [L1Message] = []) async throws -> BatchFile {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("provetest-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let store = try SQLiteChainStore(path: dir + "/chain.sqlite")
        let node = try ChainNode(store: store, genesis: Genesis.dev(),
                                 configuration: NodeConfiguration(batchPolicy: BatchPolicy(maxBlocks: 1, maxAgeSeconds: 3600)))
        if !deposits.isEmpty { try node.enqueue(messages: deposits) }
        for raw in txs { _ = try await node.submit(raw: raw) }
        let r: Result<BlockRecord?, any Error> = Interpreter.withLargeStack { Result { try node.produceBlock(now: 1_000) } }
        _ = try r.get()
        return try BatchExporter(store: store, genesis: Genesis.dev()).export(index: 1)
    }

    static let fresh = Address(0xfee1), other = Address(0xfee2)

    static func deposits() -> [L1Message] {
        var q = MessageQueue()
        return [q.append(sender: Address(0x51), to: other, value: UInt256(500))]
    }

    @Test func sealedBatchTracesProvesAndVerifies() async throws {
        let dev1 = Address(hex: DevAccounts.addresses[1])!
        let file = try await Self.batchFile([
            Self.transfer(from: 0, nonce: 0, to: Self.fresh, value: 1_000),
            Self.transfer(from: 0, nonce: 1, to: dev1, value: 2_000),
            Self.transfer(from: 1, nonce: 0, to: Self.fresh, value: 3),
        ], deposits: Self.deposits())
        let trace = try BatchTrace(file)
        #expect(trace.slots.count == 4 && trace.slots[0].kind == .deposit && trace.slots[1].kind == .transfer)
        #expect(trace.slots[1].gasPrice == UInt256(1_000_000_000) + file.blocks[0].baseFeePerGas)

        let circuit = BatchCircuit(depth: 12, capacity: 5)
        let layout = BatchCircuitProver.layout(circuit)
        let prover = try BatchCircuitProver(circuit: circuit, srs: SRS.insecureDev(power: layout.size.trailingZeroBitCount + 1, seed: 9))
        let w = try prover.witness(file, binding: Fr(77), claimRoots: true)
        // The circuit's own run (fees at the end) reaches the Poseidon root of the EVM's post-state,
        // which is the root the sequencer sealed the batch with.
        #expect(w.prevRoot == StateCommitment.root(file.preState))
        #expect(w.postRoot == StateCommitment.root(trace.postState))
        #expect(w.postRoot.bigEndianBytes == file.batch.postStateRoot.bigEndianBytes)
        #expect(w.postRoot != w.prevRoot)

        // The layout is the empty batch's: one key serves every batch of the shape.
        let (real, _) = circuit.build(w).compile()
        let srs = SRS.insecureDev(power: layout.size.trailingZeroBitCount + 1, seed: 9)
        #expect(try ProvingKey(circuit: real, srs: srs).verificationKey.hash == prover.provingKey.verificationKey.hash)

        var rng = SeededRNG(seed: 1)
        let (proof, pis) = try prover.prove(w, rng: &rng)
        #expect(pis == [Fr(77), w.prevRoot, w.postRoot])
        try Verifier.verify(proof, publicInputs: pis, vk: prover.provingKey.verificationKey)
        #expect(throws: PlonkVerificationError.self) {
            try Verifier.verify(proof, publicInputs: [Fr(77), w.prevRoot, w.postRoot + .one], vk: prover.provingKey.verificationKey)
        }

        // A changed pre-state balance in the file: the circuit refuses it against the claimed root.
        var changed = file
        changed.preState.accounts[dev1]!.balance = changed.preState.accounts[dev1]!.balance + UInt256(1)
        let cw = try prover.witness(changed, binding: Fr(77), claimRoots: true)
        #expect {
            _ = try prover.prove(cw, rng: &rng)
        } throws: { e in "\(e)".contains("public input 1 (prev state root)") }
        // A claimed post root that the batch does not reach.
        var wrongPost = file
        wrongPost.batch.postStateRoot = wrongPost.batch.postStateRoot + UInt256(1)
        #expect {
            _ = try prover.prove(try prover.witness(wrongPost, binding: Fr(77), claimRoots: true), rng: &rng)
        } throws: { e in "\(e)".contains("public input 2 (post state root)") }
    }

    @Test func tokenDeployAndCallsTraceIntoSlotsThatProve() async throws {
        let dev0 = Address(hex: DevAccounts.addresses[0])!, dev1 = Address(hex: DevAccounts.addresses[1])!
        let token = Interpreter.createAddress(caller: dev0, nonce: 0)
        let file = try await Self.batchFile([
            Self.transfer(from: 0, nonce: 0, to: nil, value: 0, data: StressToken.initCode(supply: UInt256(1_000_000)), gas: 300_000),
            Self.transfer(from: 0, nonce: 1, to: token, value: 0, data: StressToken.transferCall(to: Self.fresh, amount: UInt256(25)), gas: 100_000),
            Self.transfer(from: 1, nonce: 0, to: token, value: 7, data: StressToken.transferCall(to: Self.fresh, amount: UInt256(1)), gas: 100_000),
            Self.transfer(from: 0, nonce: 2, to: Self.other, value: 9, data: [1, 2], gas: 30_000),
            Self.transfer(from: 1, nonce: 1, to: Self.fresh, value: 3),
        ])
        let trace = try BatchTrace(file)
        #expect(trace.slots.map(\.kind) == [.create, .call, .call, .call, .transfer])
        let (create, call, failed) = (trace.slots[0], trace.slots[1], trace.slots[2])
        #expect(create.to == token && create.success && create.codeHash == trace.postState.code(token).hash)
        #expect(create.storageWrites == [.init(slot: dev0.word, value: UInt256(1_000_000))])
        #expect(call.success && call.gasUsed > 21_000
                && call.storageWrites == [.init(slot: dev0.word, value: UInt256(999_975)), .init(slot: Self.fresh.word, value: UInt256(25))]
                    .sorted { $0.slot < $1.slot })
        // dev1 holds no tokens: the call reverts, pays its gas, and its 7 wei stay with dev1.
        #expect(!failed.success && failed.storageWrites.isEmpty && failed.value == UInt256(7))

        let circuit = BatchCircuit(depth: 16, capacity: 6, writes: 4)
        let layout = BatchCircuitProver.layout(circuit)
        let prover = try BatchCircuitProver(circuit: circuit, layout: layout,
                                            srs: SRS.insecureDev(power: layout.size.trailingZeroBitCount + 1, seed: 2))
        let w = try prover.witness(file, binding: Fr(5), claimRoots: true)
        #expect(w.postRoot == StateCommitment.root(trace.postState))
        var rng = SeededRNG(seed: 3)
        let (proof, pis) = try prover.prove(w, rng: &rng)
        try Verifier.verify(proof, publicInputs: pis, vk: prover.provingKey.verificationKey)
        // The token's write to the recipient claimed as another amount: the root is not the sealed one.
        var forged = w
        forged.ops[2].access.newValue! += .one
        #expect { _ = try prover.prove(forged, rng: &rng) } throws: { e in "\(e)".contains("storage op") }
        // Too few storage operations for the batch.
        #expect(throws: BatchWitness.Failure.writes(count: 3, capacity: 2)) {
            _ = try BatchWitness.generate(state: trace.preState, slots: trace.slots, coinbase: trace.coinbase, depth: 16,
                                          capacity: 6, writes: 2)
        }
    }

    @Test func codeReachingOtherAccountsAndPrecompileCallsAreRefusedByName() async throws {
        // Init code that CALLs address 0 with all its gas: PUSH0 ×6, GAS, CALL, STOP.
        let calling: [UInt8] = [0x5f, 0x5f, 0x5f, 0x5f, 0x5f, 0x5f, 0x5a, 0xf1, 0x00]
        let file = try await Self.batchFile([Self.transfer(from: 0, nonce: 0, to: nil, value: 0, data: calling, gas: 100_000)])
        #expect {
            _ = try BatchTrace(file)
        } throws: { e in "\(e)".contains("CALL at depth 1") }
        let pre = try await Self.batchFile([Self.transfer(from: 0, nonce: 0, to: Address(0x04), value: 1, gas: 30_000)])
        #expect {
            _ = try BatchTrace(pre)
        } throws: { e in "\(e)".contains("precompile") }
    }
}
