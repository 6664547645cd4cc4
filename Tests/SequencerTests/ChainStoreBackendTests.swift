import EVM
import Foundation
import Settlement
import Testing
import Sequencer

/// The same chain on both storage backends: SQLite always, PostgreSQL when a server is given in
/// `ZKROLLUP_TEST_POSTGRES` (the test command starts one with `scripts/with-postgres`). Blocks,
/// receipts, logs, batches, deposits and the pending set must read back identically, and survive
/// reopening the store.
@Suite(.serialized) struct ChainStoreBackendTests {
    /// What a scenario leaves in a store, compared across backends.
    struct Snapshot: Equatable {
        var headHash: UInt256
        var stateRoot: UInt256
        var receipts: [String]
        var logs: [LogRecord]
        var batches: [BatchRecord]
        var pending: [[UInt8]]
        var messages: [[L1Message]]
        var reopenedRoot: UInt256
    }

    static var postgresURL: String? { ProcessInfo.processInfo.environment["ZKROLLUP_TEST_POSTGRES"] }

    /// A fresh PostgreSQL database on the test server (psql, which ships with the server).
    static func freshPostgres() throws -> String {
        let base = try #require(postgresURL)
        let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["psql", base, "-qtAc", "CREATE DATABASE \(name)"]
        try p.run()
        p.waitUntilExit()
        try #require(p.terminationStatus == 0, "psql could not create a database")
        return String(base[..<base.lastIndex(of: "/")!]) + "/" + name
    }

    func produce(_ node: ChainNode, now: UInt64) throws -> BlockRecord? {
        let r: Result<BlockRecord?, any Error> = Interpreter.withLargeStack { Result { try node.produceBlock(now: now) } }
        return try r.get()
    }

    func scenario(_ open: () throws -> any ChainStore) async throws -> Snapshot {
        let node = try ChainNode(store: try open(), genesis: Genesis.dev(),
                                 configuration: NodeConfiguration(batchPolicy: BatchPolicy(maxBlocks: 2, maxAgeSeconds: 3600)))
        var q = MessageQueue()
        try node.enqueue(messages: [q.append(sender: Address(0x51), to: Address(0xa1), value: UInt256(500))])
        _ = try await node.submit(raw: TestChain.tx(from: 3, nonce: 0, to: nil, value: .zero, gas: 200_000,
                                                   data: TestChain.deployCode(TestChain.storeAndLogRuntime)).encoded)
        let contract = Interpreter.createAddress(caller: TestChain.address(3), nonce: 0)
        for n in 0..<3 { _ = try await node.submit(raw: TestChain.tx(from: 4, nonce: UInt64(n)).encoded) }
        _ = try #require(try produce(node, now: 1_000))
        try node.enqueue(messages: [q.append(sender: Address(0x52), to: Address(0xa2), value: UInt256(7))])
        for v in 1...3 {
            _ = try await node.submit(raw: TestChain.tx(from: 3, nonce: UInt64(v), to: contract, value: .zero, gas: 100_000,
                                                       data: UInt256(v).bigEndianBytes).encoded)
        }
        _ = try #require(try produce(node, now: 1_001))
        _ = try await node.submit(raw: TestChain.tx(from: 5, nonce: 1).encoded)   // gapped: stays pending
        _ = try await node.submit(raw: TestChain.tx(from: 6, nonce: 0).encoded)
        _ = try #require(try produce(node, now: 1_002))
        _ = try await node.submit(raw: TestChain.tx(from: 6, nonce: 1).encoded)   // acknowledged, not yet included
        let store = node.store
        let head = node.head
        var receipts: [String] = []
        var messages: [[L1Message]] = []
        for n in 1...head.header.number {
            for t in try store.transactions(block: n) {
                receipts.append("\(n):\(t.index):\(t.receipt.status):\(t.receipt.gasUsed):\(t.receipt.logs.count):\(t.firstLogIndex)")
                #expect(try store.transaction(hash: t.hash)?.receipt.cumulativeGasUsed == t.receipt.cumulativeGasUsed)
            }
            messages.append(try store.messages(block: n))
            #expect(try store.blockNumber(hash: try #require(try store.header(number: n)).hash) == n)
        }
        let logs = try store.logs(LogFilter(fromBlock: 0, toBlock: head.header.number, addresses: [contract]))
        #expect(logs.count == 3)
        var batches: [BatchRecord] = []
        var i: UInt64 = 0
        while let b = try store.batch(index: i) { batches.append(b); i += 1 }
        let pending = try store.pendingTransactions()
        #expect(try store.unincludedMessages().isEmpty && store.lastMessage()?.index == 1)
        // Reopen: same head and state; the pending transactions are re-admitted.
        let reopened = try ChainNode(store: try open(), genesis: Genesis.dev())
        #expect(reopened.head.hash == head.hash)
        #expect(reopened.mempoolCount == 2)
        return Snapshot(headHash: head.hash, stateRoot: node.state.stateRoot, receipts: receipts, logs: logs, batches: batches,
                        pending: pending, messages: messages, reopenedRoot: try reopened.store.loadState().stateRoot)
    }

    @Test func sqliteAndPostgresHoldTheSameChain() async throws {
        let dir = TestChain.tempDir()
        let sqlite = try await scenario { try SQLiteChainStore(path: dir + "/chain.sqlite") }
        #expect(sqlite.reopenedRoot == sqlite.stateRoot)
        #expect(sqlite.batches.count == 2 && sqlite.batches[1].messageCount == 2)
        #expect(sqlite.pending.count == 2)
        guard Self.postgresURL != nil else {
            print("ChainStoreBackendTests: ZKROLLUP_TEST_POSTGRES not set, PostgreSQL backend not exercised")
            return
        }
        let url = try Self.freshPostgres()
        let postgres = try await scenario { try PostgresChainStore(url: url) }
        #expect(postgres == sqlite)
    }

    @Test func postgresRejectsABadURL() throws {
        #expect(throws: SequencerError.self) { try PostgresChainStore(url: "mysql://x@y/z") }
        #expect(throws: SequencerError.self) { try PostgresChainStore(url: "postgres://nobody@127.0.0.1:1/none") }
    }
}
