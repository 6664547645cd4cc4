import EVM
import Foundation
import Settlement
import Testing
import Sequencer

/// Withdrawals to v1: value sent to the bridge by a top-level transaction, derived from blocks,
/// listed in batch files and re-checked on re-execution.
@Suite struct WithdrawalTests {
    func produce(_ node: ChainNode, now: UInt64) throws -> BlockRecord? {
        let r: Result<BlockRecord?, any Error> = Interpreter.withLargeStack { Result { try node.produceBlock(now: now) } }
        return try r.get()
    }

    @Test func bridgeTransfersBecomeTheBatchsWithdrawals() async throws {
        let node = try TestChain.openNode(dir: TestChain.tempDir(), policy: BatchPolicy(maxBlocks: 2, maxAgeSeconds: 3600))
        let recipient = Address(0xd00d)
        _ = try await node.submit(raw: TestChain.tx(from: 1, nonce: 0, to: L2Withdrawals.bridge, value: UInt256(700), gas: 60_000,
                                                   data: recipient.bytes).encoded)
        _ = try await node.submit(raw: TestChain.tx(from: 2, nonce: 0, to: L2Withdrawals.bridge, value: UInt256(5), gas: 60_000).encoded)
        _ = try await node.submit(raw: TestChain.tx(from: 3, nonce: 0).encoded)   // an ordinary transfer
        await #expect(throws: MempoolError.malformedWithdrawal(dataLength: 3)) {
            _ = try await node.submit(raw: TestChain.tx(from: 4, nonce: 0, to: L2Withdrawals.bridge, gas: 60_000, data: [1, 2, 3]).encoded)
        }
        _ = try #require(try produce(node, now: 1_000))
        _ = try await node.submit(raw: TestChain.tx(from: 3, nonce: 1).encoded)
        _ = try #require(try produce(node, now: 1_001))
        let batch = try #require(try node.store.batch(index: 1))
        let expected = [WithdrawTree.Withdrawal(to: recipient, amount: UInt256(700)),
                        WithdrawTree.Withdrawal(to: TestChain.address(2), amount: UInt256(5))]
        #expect(try L2Withdrawals.of(batch: batch, in: node.store) == expected)
        #expect(node.state.balance(L2Withdrawals.bridge) == UInt256(705))   // locked on chain v2

        let file = try BatchExporter(store: node.store, genesis: Genesis.dev()).export(index: 1)
        let parsed = try BatchFile(json: try JSONValue.parse(file.json.serialized))
        #expect(parsed.withdrawals == expected)
        #expect(try parsed.reexecute().stateRoot == batch.postStateRoot)
        var forged = parsed
        forged.withdrawals[0].amount = UInt256(701)
        #expect(throws: SequencerError.self) { _ = try forged.reexecute() }
    }
}
