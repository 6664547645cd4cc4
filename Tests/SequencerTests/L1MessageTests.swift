import EVM
import Foundation
import Settlement
import Testing
import Sequencer

/// v1 deposits on chain v2: recorded in queue order only, credited at the start of a block,
/// committed by the header and the batch data, carried by batches and batch files, kept across restarts.
@Suite struct L1MessageTests {
    func produce(_ node: ChainNode, now: UInt64) throws -> BlockRecord? {
        let r: Result<BlockRecord?, any Error> = Interpreter.withLargeStack { Result { try node.produceBlock(now: now) } }
        return try r.get()
    }

    /// Three deposits as the contract queues them.
    func queue() -> [L1Message] {
        var q = MessageQueue()
        return [q.append(sender: Address(0x51), to: Address(0xa1), value: UInt256(500)),
                q.append(sender: Address(0x52), to: Address(0xa2), value: UInt256(70)),
                q.append(sender: Address(0x51), to: Address(0xa1), value: UInt256(9))]
    }

    @Test func depositsAreCreditedInOrderAndCommitted() async throws {
        let dir = TestChain.tempDir()
        let node = try TestChain.openNode(dir: dir, policy: BatchPolicy(maxBlocks: 2, maxAgeSeconds: 3600))
        let q = queue()
        // Out of order, or with a hash that does not follow: refused, nothing recorded.
        #expect(throws: SequencerError.self) { try node.enqueue(messages: [q[1]]) }
        var forged = q[0]; forged.value = UInt256(501)
        #expect(throws: SequencerError.self) { try node.enqueue(messages: [forged]) }
        #expect(node.messageQueueTip.count == 0)
        try node.enqueue(messages: [q[0], q[1]])
        try node.enqueue(messages: [q[0], q[1], q[2]])   // re-read range: only deposit 2 is new
        #expect(node.messageQueueTip == (3, q[2].queueHash))
        let before = node.state.stateRoot
        let block = try #require(try produce(node, now: 1_000))   // no transactions: deposits alone make a block
        #expect(block.messages == q && block.transactions.isEmpty)
        #expect(node.state.balance(Address(0xa1)) == UInt256(509) && node.state.balance(Address(0xa2)) == UInt256(70))
        #expect(block.header.stateRoot != before)
        #expect(block.header.messagesRoot == Receipt.indexedRoot(q.map(\.rlp)))
        #expect(block.header.messagesRoot != MerklePatriciaTrie.emptyRoot)
        #expect(try BlockHeader(rlp: block.header.rlp) == block.header)
        #expect(try node.store.messages(block: 1) == q)
        #expect(node.includedMessages == (3, q[2].queueHash))
        #expect(try produce(node, now: 1_001) == nil)            // nothing left to credit
        _ = try await node.submit(raw: TestChain.tx(from: 0, nonce: 0).encoded)
        _ = try #require(try produce(node, now: 1_002))
        let batch = try #require(try node.store.batch(index: 1))
        #expect(batch.messageCount == 3 && batch.messageQueueHash == q[2].queueHash)

        // The batch file carries the deposits and re-executes to the same root; altering one breaks the data hash.
        let file = try BatchExporter(store: node.store, genesis: Genesis.dev()).export(index: 1)
        let parsed = try BatchFile(json: try JSONValue.parse(file.json.serialized))
        #expect(parsed.blocks[0].messages == q)
        #expect(try parsed.reexecute().stateRoot == batch.postStateRoot)
        var bad = file
        bad.blocks[0].messages[1].value = UInt256(71)
        #expect(throws: SequencerError.self) { try BatchFile(json: try JSONValue.parse(bad.json.serialized)) }
    }

    @Test func recordedDepositsSurviveARestart() throws {
        let dir = TestChain.tempDir()
        let q = queue()
        do {
            let node = try TestChain.openNode(dir: dir)
            try node.enqueue(messages: [q[0]])
            _ = try #require(try produce(node, now: 1_000))
            try node.enqueue(messages: [q[1], q[2]])   // recorded, not yet credited
        }
        let node = try TestChain.openNode(dir: dir)
        #expect(node.includedMessages == (1, q[0].queueHash))
        #expect(node.messageQueueTip == (3, q[2].queueHash))
        let block = try #require(try produce(node, now: 1_001))
        #expect(block.messages == [q[1], q[2]])
        #expect(node.state.balance(Address(0xa1)) == UInt256(509))
    }
}
