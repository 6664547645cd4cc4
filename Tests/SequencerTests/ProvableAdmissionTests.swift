import EVM
import Foundation
import Sequencer
import Testing

/// A node whose batches the batch circuit proves (`provableTransfersOnly`) refuses, at
/// admission and with the reason, what the circuit cannot prove yet; plain transfers and
/// withdrawals to the bridge still go in. A node without the setting admits all of them.
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
}
