import EVM
import Foundation
import Sequencer
import State
import Stress
import Testing

/// A node whose batches the batch circuit proves (`provableTransfersOnly`) refuses, at
/// admission and with the reason, what the circuit cannot prove; plain transfers and
/// withdrawals to the bridge still go in. A node without the setting admits all of them. With
/// room for storage writes, calls and creations go in, batches seal before their writes exceed
/// it, and code that reaches another account is dropped at block building, by name.
@Suite struct ProvableAdmissionTests {
    func produce(_ node: ChainNode, now: UInt64) throws -> BlockRecord? {
        let r: Result<BlockRecord?, any Error> = Interpreter.withLargeStack { Result { try node.produceBlock(now: now) } }
        return try r.get()
    }

    @Test func refusesWhatTheCircuitCannotProve() async throws {
        let dir = TestChain.tempDir()
        // First an ordinary node deploys a contract, so that the state holds code.
        var contract: Address
        do {
            let open = try TestChain.openNode(dir: dir)
            _ = try await open.submit(raw: TestChain.tx(from: 0, nonce: 0, to: nil, value: .zero, gas: 200_000,
                                                        data: TestChain.deployCode(TestChain.storeAndLogRuntime)).encoded)
            let block = try #require(try produce(open, now: 1_000))
            contract = try #require(block.transactions[0].receipt.contractAddress)
        }
        var config = NodeConfiguration()
        config.provableTransfersOnly = true
        let node = try ChainNode(store: try SQLiteChainStore(path: dir + "/chain.sqlite"), genesis: Genesis.dev(), configuration: config)
        #expect(!node.state.code(contract).bytes.isEmpty)

        func refused(_ t: Transaction, _ reason: String) async {
            await #expect(throws: MempoolError.notProvable(reason: reason)) { _ = try await node.submit(raw: t.encoded) }
        }
        await refused(TestChain.tx(from: 1, nonce: 0, to: nil, value: .zero, gas: 200_000, data: TestChain.deployCode([0x00])),
                      "contract creation")
        await refused(TestChain.tx(from: 1, nonce: 0, to: Address(0xbeef), gas: 30_000, data: [1, 2]), "calldata (2 bytes)")
        await refused(TestChain.tx(from: 1, nonce: 0, to: Address(0x02), gas: 30_000), "a call to precompile \(Address(0x02))")
        await refused(TestChain.tx(from: 1, nonce: 0, to: contract, gas: 60_000), "a call to contract \(contract)")
        let message = MempoolError.notProvable(reason: "calldata (2 bytes)").description
        #expect(message.contains("not provable by this rollup's batch circuit"), "\(message)")

        // What the circuit proves is admitted and included.
        _ = try await node.submit(raw: TestChain.tx(from: 1, nonce: 0, to: Address(0xbeef)).encoded)
        _ = try await node.submit(raw: TestChain.tx(from: 2, nonce: 0, to: L2Withdrawals.bridge, value: UInt256(5)).encoded)
        let block = try #require(try produce(node, now: 1_001))
        #expect(block.transactions.count == 2 && block.transactions.allSatisfy { $0.receipt.status })

        // The same calldata transaction on a node without the setting is admitted.
        let plain = try TestChain.openNode(dir: TestChain.tempDir())
        _ = try await plain.submit(raw: TestChain.tx(from: 1, nonce: 0, to: Address(0xbeef), gas: 30_000, data: [1, 2]).encoded)
    }

    /// At state tree depth D, a second account whose address agrees with another's in the low D
    /// bits could never be proven: the transfer that would create it is refused, whether the
    /// other account exists or is only the recipient of an admitted transfer; after a restart the
    /// guard is rebuilt from the state.
    @Test func refusesAccountsTheTreeDepthCannotHold() async throws {
        let dir = TestChain.tempDir()
        var config = NodeConfiguration()
        config.provableTransfersOnly = true
        config.provableTreeDepth = 16
        let dev0 = TestChain.address(0)
        let low = UInt64(dev0.bytes[18]) << 8 | UInt64(dev0.bytes[19])
        let twin = Address(0x7_0000 + low)   // dev 0's low 16 bits, another address
        #expect(twin != dev0)
        do {
            let node = try ChainNode(store: try SQLiteChainStore(path: dir + "/chain.sqlite"), genesis: Genesis.dev(), configuration: config)
            await #expect {
                _ = try await node.submit(raw: TestChain.tx(from: 1, nonce: 0, to: twin).encoded)
            } throws: { e in "\(e)".contains("shares its low 16 bits with account \(dev0)") }
            // A fresh recipient is admitted and holds its bits; a second one with them is refused.
            _ = try await node.submit(raw: TestChain.tx(from: 1, nonce: 0, to: Address(0xbeef)).encoded)
            await #expect {
                _ = try await node.submit(raw: TestChain.tx(from: 2, nonce: 0, to: Address(0x3_beef)).encoded)
            } throws: { e in "\(e)".contains("account \(Address(0xbeef))") }
            // Sending to an existing account, or again to the admitted recipient, is fine.
            _ = try await node.submit(raw: TestChain.tx(from: 2, nonce: 0, to: dev0).encoded)
            _ = try await node.submit(raw: TestChain.tx(from: 3, nonce: 0, to: Address(0xbeef)).encoded)
            let block = try #require(try produce(node, now: 1_000))
            #expect(block.transactions.count == 3)
        }
        let reopened = try ChainNode(store: try SQLiteChainStore(path: dir + "/chain.sqlite"), genesis: Genesis.dev(), configuration: config)
        await #expect {
            _ = try await reopened.submit(raw: TestChain.tx(from: 4, nonce: 0, to: Address(0x5_beef)).encoded)
        } throws: { e in "\(e)".contains("account \(Address(0xbeef))") }
        // Without the depth setting the same transfer is admitted.
        let plain = try TestChain.openNode(dir: TestChain.tempDir())
        _ = try await plain.submit(raw: TestChain.tx(from: 1, nonce: 0, to: twin).encoded)
    }

    @Test func callsAndCreationsFitTheBatchsStorageWrites() async throws {
        let dir = TestChain.tempDir()
        var config = NodeConfiguration(batchPolicy: BatchPolicy(maxBlocks: 100, maxAgeSeconds: 3600, maxSlots: 10))
        config.provableTransfersOnly = true
        config.provableStorageWrites = 3
        let store = try SQLiteChainStore(path: dir + "/chain.sqlite")
        let node = try ChainNode(store: store, genesis: Genesis.dev(), configuration: config)
        let dev0 = TestChain.address(0)
        let token = Interpreter.createAddress(caller: dev0, nonce: 0)
        // The deploy writes 1 slot and each token transfer 2: deploy + one transfer fill the 3.
        let txs = [TestChain.tx(from: 0, nonce: 0, to: nil, value: .zero, gas: 300_000, data: StressToken.initCode(supply: UInt256(1_000))),
                   TestChain.tx(from: 0, nonce: 1, to: token, value: .zero, gas: 100_000,
                                data: StressToken.transferCall(to: Address(0xaa), amount: UInt256(10))),
                   TestChain.tx(from: 0, nonce: 2, to: token, value: .zero, gas: 100_000,
                                data: StressToken.transferCall(to: Address(0xbb), amount: UInt256(20)))]
        for t in txs { _ = try await node.submit(raw: t.encoded) }
        _ = try await node.submit(raw: TestChain.tx(from: 2, nonce: 0, to: Address(0xbeef)).encoded)
        let first = try #require(try produce(node, now: 1_000))
        // dev 0's third waits; another sender's plain transfer still goes in.
        #expect(first.transactions.filter { $0.sender == dev0 }.map(\.transaction.nonce) == [0, 1])
        #expect(first.transactions.count == 3 && first.transactions.contains { $0.sender == TestChain.address(2) })
        // The third waits: the batch holding the first two is sealed, and the next block takes it.
        let sealed = try #require(try store.latestBatch())
        #expect(sealed.lastBlock == first.header.number)
        let second = try #require(try produce(node, now: 1_001))
        #expect(second.transactions.count == 1 && second.transactions[0].receipt.status)
        #expect(node.state.accounts[token]?.storage[Address(0xbb).word] == UInt256(20))
        // Init code that CALLs address 0 (PUSH0 ×6, GAS, CALL): executed, undone, dropped.
        let calling = TestChain.tx(from: 1, nonce: 0, to: nil, value: .zero, gas: 100_000, data: [0x5f, 0x5f, 0x5f, 0x5f, 0x5f, 0x5f, 0x5a, 0xf1, 0x00])
        let callingHash = try await node.submit(raw: calling.encoded)
        let third = try #require(try produce(node, now: 1_002))
        #expect(third.transactions.isEmpty && node.pooledTransaction(hash: callingHash) == nil && node.mempoolCount == 0)
        #expect(node.state.nonce(TestChain.address(1)) == 0)
        // After a restart the reopened batch counts as full of writes: a token transfer waits for it to seal.
        _ = try await node.submit(raw: TestChain.tx(from: 0, nonce: 3, to: token, value: .zero, gas: 100_000,
                                                    data: StressToken.transferCall(to: Address(0xcc), amount: UInt256(1))).encoded)
        let open = try #require(try store.latestBatch()).index
        let reopened = try ChainNode(store: try SQLiteChainStore(path: dir + "/chain.sqlite"), genesis: Genesis.dev(), configuration: config)
        _ = try produce(reopened, now: 1_003)
        #expect(try store.latestBatch()!.index == open + 1)
        let after = try #require(try produce(reopened, now: 1_004))
        #expect(after.transactions.count == 1 && reopened.state.accounts[token]?.storage[Address(0xcc).word] == UInt256(1))
        // A creation whose address shares its low key bits with an account is refused too.
        var guarded = config
        guarded.provableTreeDepth = 8
        let g = try ChainNode(store: try SQLiteChainStore(path: TestChain.tempDir() + "/chain.sqlite"), genesis: Genesis.dev(),
                              configuration: guarded)
        let created = Interpreter.createAddress(caller: TestChain.address(5), nonce: 0)
        let twin = Address(0x4200 + UInt64(created.bytes[19]))
        _ = try await g.submit(raw: TestChain.tx(from: 6, nonce: 0, to: twin).encoded)
        await #expect {
            _ = try await g.submit(raw: TestChain.tx(from: 5, nonce: 0, to: nil, value: .zero, gas: 300_000,
                                                     data: StressToken.initCode(supply: UInt256(1))).encoded)
        } throws: { e in "\(e)".contains("a transaction to \(created)") }
    }

    /// Two slots of one contract whose storage-tree keys share their low D bits could never be
    /// proven together: the call writing the second is dropped at block building, by name.
    @Test func dropsStorageWritesTheTreeDepthCannotHold() async throws {
        var config = NodeConfiguration(batchPolicy: BatchPolicy(maxBlocks: 100, maxAgeSeconds: 3600, maxSlots: 10))
        config.provableTransfersOnly = true
        config.provableStorageWrites = 8
        config.provableTreeDepth = 10
        let node = try ChainNode(store: try SQLiteChainStore(path: TestChain.tempDir() + "/chain.sqlite"), genesis: Genesis.dev(),
                                 configuration: config)
        let dev0 = TestChain.address(0)
        let token = Interpreter.createAddress(caller: dev0, nonce: 0)
        // The token keeps a holder's balance at slot = the holder's address: find a holder whose
        // slot's key agrees with the deployer's in the low 10 bits.
        func low(_ a: Address) -> UInt64 { StateCommitment.storageKey(a.word).canonicalLimbs.0 & 1023 }
        let twin = try #require((1...100_000).lazy.map { Address(0x5_0000_0000 + UInt64($0)) }.first { low($0) == low(dev0) })
        let txs = [TestChain.tx(from: 0, nonce: 0, to: nil, value: .zero, gas: 300_000, data: StressToken.initCode(supply: UInt256(1_000))),
                   TestChain.tx(from: 0, nonce: 1, to: token, value: .zero, gas: 100_000, data: StressToken.transferCall(to: twin, amount: UInt256(1))),
                   TestChain.tx(from: 0, nonce: 1, to: token, value: .zero, gas: 100_000, data: StressToken.transferCall(to: Address(0xaa), amount: UInt256(2)))]
        _ = try await node.submit(raw: txs[0].encoded)
        let colliding = try await node.submit(raw: txs[1].encoded)
        let first = try #require(try produce(node, now: 1_000))
        #expect(first.transactions.count == 1 && node.pooledTransaction(hash: colliding) == nil)
        #expect(node.state.accounts[token]?.storage[twin.word] == nil)
        // Another holder is fine, with the same nonce the dropped transfer had.
        _ = try await node.submit(raw: txs[2].encoded)
        let second = try #require(try produce(node, now: 1_001))
        #expect(second.transactions.count == 1 && node.state.accounts[token]?.storage[Address(0xaa).word] == UInt256(2))
        // Without the depth setting, the same colliding transfer is included.
        config.provableTreeDepth = nil
        let plain = try ChainNode(store: try SQLiteChainStore(path: TestChain.tempDir() + "/chain.sqlite"), genesis: Genesis.dev(),
                                  configuration: config)
        for t in txs.prefix(2) { _ = try await plain.submit(raw: t.encoded) }
        let both = try #require(try produce(plain, now: 1_000))
        #expect(both.transactions.count == 2 && plain.state.accounts[token]?.storage[twin.word] == UInt256(1))
    }
}
