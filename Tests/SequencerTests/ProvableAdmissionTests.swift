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
}
