import EVM
import Foundation
import Sequencer
import Settlement
import State
import Testing

@Suite struct ChainNodeTests {
    func produce(_ node: ChainNode, now: UInt64 = 1_000) throws -> BlockRecord? {
        let r: Result<BlockRecord?, any Error> = Interpreter.withLargeStack { Result { try node.produceBlock(now: now) } }
        return try r.get()
    }

    @Test func transfersAreIncludedWithReceiptsAndRoots() async throws {
        let dir = TestChain.tempDir()
        let node = try TestChain.openNode(dir: dir)
        let genesisHash = node.head.hash
        var hashes: [UInt256] = []
        for n in 0..<3 {
            hashes.append(try await node.submit(raw: TestChain.tx(from: 0, nonce: UInt64(n), value: UInt256(7)).encoded))
        }
        hashes.append(try await node.submit(raw: TestChain.tx(from: 1, nonce: 0).encoded))
        #expect(node.pendingNonce(of: TestChain.address(0)) == 3)
        let block = try #require(try produce(node))
        #expect(block.header.number == 1)
        #expect(block.header.parentHash == genesisHash)
        #expect(block.transactions.map(\.hash) == hashes)
        #expect(block.header.gasUsed == 4 * 21_000)
        #expect(block.transactions.last?.receipt.cumulativeGasUsed == 4 * 21_000)
        #expect(block.header.baseFeePerGas == UInt256(875_000_000)) // empty genesis parent: −1/8
        #expect(block.header.stateRoot == node.state.stateRoot)
        #expect(node.state.balance(Address(0xbeef)) == UInt256(3 * 7 + 1000))
        #expect(node.state.nonce(TestChain.address(0)) == 3)
        #expect(node.mempoolCount == 0)
        // Stored and re-read.
        let stored = try #require(try node.store.transaction(hash: hashes[2]))
        #expect(stored.blockNumber == 1 && stored.index == 2 && stored.receipt.status)
        #expect(stored.receipt.effectiveGasPrice == UInt256(875_000_000 + 1_000_000_000))
        #expect(try node.store.header(number: 1) == block.header)
        #expect(try produce(node) == nil) // nothing executable: no empty block
    }

    @Test func contractDeployStorageAndLogs() async throws {
        let node = try TestChain.openNode(dir: TestChain.tempDir())
        let deploy = TestChain.tx(from: 2, nonce: 0, to: nil, value: .zero, gas: 200_000,
                                  data: TestChain.deployCode(TestChain.storeAndLogRuntime))
        _ = try await node.submit(raw: deploy.encoded)
        let b1 = try #require(try produce(node))
        let contract = try #require(b1.transactions[0].receipt.contractAddress)
        #expect(contract == Interpreter.createAddress(caller: TestChain.address(2), nonce: 0))
        #expect(node.state.code(contract).bytes == TestChain.storeAndLogRuntime)
        let arg = UInt256(0x1234).bigEndianBytes
        _ = try await node.submit(raw: TestChain.tx(from: 2, nonce: 1, to: contract, value: .zero, gas: 100_000, data: arg).encoded)
        let b2 = try #require(try produce(node))
        let r = b2.transactions[0].receipt
        #expect(r.status)
        #expect(r.logs.count == 1 && r.logs[0].address == contract)
        #expect(r.logs[0].topics == [UInt256(bigEndianAt: [UInt8](repeating: 0xaa, count: 32))])
        #expect(b2.header.logsBloom.mayContain(contract.bytes))
        #expect(node.state.storage(contract, .zero) == UInt256(0x1234))
        let logs = try node.store.logs(LogFilter(fromBlock: 0, toBlock: 2, addresses: [contract]))
        #expect(logs.count == 1 && logs[0].blockNumber == 2)
        #expect(try node.store.logs(LogFilter(fromBlock: 0, toBlock: 2, topics: [[UInt256(1)]])).isEmpty)
        // eth_call sees the new storage without a transaction.
        let out = try node.call(CallRequest(to: contract, data: UInt256(99).bigEndianBytes))
        #expect(out.output == UInt256(99).bigEndianBytes)
        #expect(node.state.storage(contract, .zero) == UInt256(0x1234))
        let gas = try node.estimateGas(CallRequest(from: TestChain.address(2), to: contract, data: arg))
        #expect(gas > 21_000 && gas < 100_000)
    }

    @Test func restartKeepsBlocksStateAndPending() async throws {
        let dir = TestChain.tempDir()
        var root = UInt256.zero, head: UInt64 = 0
        let pendingHash: UInt256
        do {
            let node = try TestChain.openNode(dir: dir)
            _ = try await node.submit(raw: TestChain.tx(from: 0, nonce: 0).encoded)
            _ = try produce(node)
            // Acknowledged but not yet in a block when the node goes away.
            pendingHash = try await node.submit(raw: TestChain.tx(from: 0, nonce: 1).encoded)
            root = node.head.header.stateRoot
            head = node.head.header.number
        }
        let node = try TestChain.openNode(dir: dir)
        #expect(node.head.header.number == head)
        #expect(node.head.header.stateRoot == root)
        #expect(node.state.stateRoot == root)
        #expect(node.pooledTransaction(hash: pendingHash) != nil)
        let b = try #require(try produce(node))
        #expect(b.transactions.map(\.hash) == [pendingHash])
        #expect(try node.store.pendingTransactions().isEmpty)
    }

    @Test func genesisMismatchIsRefused() throws {
        let dir = TestChain.tempDir()
        _ = try TestChain.openNode(dir: dir)
        let store = try SQLiteChainStore(path: dir + "/chain.sqlite")
        var other = Genesis.dev()
        other.gasLimit = 20_000_000
        #expect(throws: SequencerError.self) { try ChainNode(store: store, genesis: other) }
    }

    @Test func batchesRespectTheCircuitsSlotCapacity() async throws {
        // Three slots per batch: five transfers and two deposits make batches of at most three,
        // each sealed as soon as it is full, deposits first.
        let dir = TestChain.tempDir()
        let node = try TestChain.openNode(dir: dir, policy: BatchPolicy(maxBlocks: 1_000, maxAgeSeconds: 3_600, maxSlots: 3))
        var q = MessageQueue()
        try node.enqueue(messages: [q.append(sender: Address(0x51), to: Address(0xa1), value: UInt256(5)),
                                    q.append(sender: Address(0x51), to: Address(0xa2), value: UInt256(6))])
        for i in 0..<5 { _ = try await node.submit(raw: TestChain.tx(from: i, nonce: 0).encoded) }
        var now: UInt64 = 1_000
        while try produce(node, now: now) != nil { now += 1 }
        _ = try produce(node, now: now + 10_000)   // idle: the rest seals by age
        var slots: [Int] = []
        var index: UInt64 = 1
        while let b = try node.store.batch(index: index) {
            slots.append(try node.store.blocks(of: b).reduce(0) { $0 + $1.transactions.count + $1.messages.count })
            index += 1
        }
        #expect(slots.reduce(0, +) == 7)
        #expect(slots.allSatisfy { $0 <= 3 } && slots.count == 3, "\(slots)")
    }

    @Test func batchesSealAndReexecuteFromTheFile() async throws {
        let dir = TestChain.tempDir()
        let node = try TestChain.openNode(dir: dir, policy: BatchPolicy(maxBlocks: 2, maxAgeSeconds: 3600))
        let deploy = TestChain.tx(from: 3, nonce: 0, to: nil, value: .zero, gas: 200_000,
                                  data: TestChain.deployCode(TestChain.storeAndLogRuntime))
        for n in 0..<4 {
            if n == 0 { _ = try await node.submit(raw: deploy.encoded) }
            _ = try await node.submit(raw: TestChain.tx(from: 4, nonce: UInt64(n)).encoded)
            _ = try produce(node, now: 1_000 + UInt64(n))
        }
        let contract = Interpreter.createAddress(caller: TestChain.address(3), nonce: 0)
        _ = try await node.submit(raw: TestChain.tx(from: 3, nonce: 1, to: contract, value: .zero, gas: 100_000,
                                                   data: UInt256(5).bigEndianBytes).encoded)
        _ = try produce(node, now: 1_010)
        let b0 = try #require(try node.store.batch(index: 1))
        let b1 = try #require(try node.store.batch(index: 2))
        #expect(b0.firstBlock == 1 && b0.lastBlock == 2 && b1.firstBlock == 3 && b1.lastBlock == 4)
        #expect(b0.postStateRoot == b1.prevStateRoot)
        // Batch roots are chain v2's Poseidon roots, kept incrementally: the same as a rebuild from the state.
        #expect(b0.postStateRoot != (try node.store.header(number: 2))?.stateRoot)
        #expect(try BatchExporter(store: node.store, genesis: Genesis.dev()).export(index: 1).reexecute().stateRoot == b0.postStateRoot)
        #expect(try node.store.batch(containingBlock: 3)?.index == 2)
        #expect(try node.store.latestBatch()?.index == 2)
        #expect(try node.store.batch(index: 3) == nil) // block 5 is still open
        // Batch 0 is genesis, final as on v1.
        let genesisBatch = try #require(try node.store.batch(index: 0))
        #expect(genesisBatch.lastBlock == 0 && genesisBatch.status == .finalized && genesisBatch.postStateRoot == b0.prevStateRoot)
        // Export batch 2, write it out, read it back and re-execute without the database.
        let file = try BatchExporter(store: node.store, genesis: Genesis.dev()).export(index: 2)
        let parsed = try BatchFile(json: try JSONValue.parse(file.json.serialized))
        let (rootAfter, hashes) = try parsed.reexecute()
        #expect(rootAfter == b1.postStateRoot)
        #expect(hashes == [try node.store.header(number: 3)!.hash, try node.store.header(number: 4)!.hash])
        // Exported in order from the previous export's checkpoint (what the proving sequencer
        // does), the file is the one exported from genesis; a checkpoint past the batch is ignored.
        let exporter = BatchExporter(store: node.store, genesis: Genesis.dev())
        let (_, first) = try exporter.export(index: 1, from: nil)
        #expect(first.number == 0)
        let (chained, second) = try exporter.export(index: 2, from: first)
        #expect(chained.json.serialized == file.json.serialized)
        let header2 = try #require(try node.store.header(number: 2))
        #expect(second.number == 2 && second.header.hash == header2.hash)
        let (again, _) = try exporter.export(index: 1, from: second)
        let fresh = try exporter.export(index: 1)
        #expect(again.json.serialized == fresh.json.serialized)
        // A tampered transaction list no longer matches the data hash.
        var bad = file
        bad.blocks[0].transactions.removeLast()
        #expect(throws: SequencerError.self) { try BatchFile(json: try JSONValue.parse(bad.json.serialized)) }
    }

    @Test func invalidTransactionsAreRejectedBeforeThePool() async throws {
        let node = try TestChain.openNode(dir: TestChain.tempDir())
        await #expect(throws: MempoolError.self) { _ = try await node.submit(raw: [0x02, 0xc0]) }
        await #expect(throws: MempoolError.wrongChainId(expected: 1337, got: 1)) {
            _ = try await node.submit(raw: TestChain.tx(from: 0, nonce: 0, chainId: 1).encoded)
        }
        var unsignable = TestChain.tx(from: 0, nonce: 0)
        unsignable.signature?.r = .zero
        await #expect(throws: MempoolError.invalidSender) { _ = try await node.submit(raw: unsignable.encoded) }
        let big = TestChain.tx(from: 0, nonce: 0, gas: 3_000_000, data: [UInt8](repeating: 1, count: 140_000))
        await #expect(throws: MempoolError.oversized(size: big.encoded.count, limit: 128 * 1024)) {
            _ = try await node.submit(raw: big.encoded)
        }
        #expect(node.mempoolCount == 0)
    }
}

extension ChainNodeTests {
    @Test func transactionsBelowTheBaseFeeWaitInThePool() async throws {
        let node = try TestChain.openNode(dir: TestChain.tempDir())
        // Next base fee is 0.875 gwei; a 0.9 gwei cap is accepted now.
        let t = TestChain.tx(from: 5, nonce: 0, maxFee: UInt256(900_000_000), tip: .zero)
        _ = try await node.submit(raw: t.encoded)
        // A block whose base fee is above the cap (parent of a full block) must skip, not drop, it.
        let parent = node.head.header
        let builder = BlockBuilder(chainId: 1337, coinbase: .zero, gasLimit: parent.gasLimit)
        let out = Interpreter.withLargeStack {
            builder.build(parent: parent, parentHash: node.head.hash, state: node.state, candidates: [TestChain.pooled(t)],
                          timestamp: 1, baseFee: UInt256(1_000_000_000), recentHashes: [:])
        }
        #expect(out.block.transactions.isEmpty)
        #expect(out.invalid.isEmpty)
        // At the real base fee it is included.
        let b = try #require(try produce(node))
        #expect(b.transactions.count == 1)
    }
}

extension ChainNodeTests {
    @Test func idleBatchIsSealedByAge() async throws {
        let node = try TestChain.openNode(dir: TestChain.tempDir(), policy: BatchPolicy(maxBlocks: 100, maxAgeSeconds: 10))
        _ = try await node.submit(raw: TestChain.tx(from: 6, nonce: 0).encoded)
        let b = try #require(try produce(node, now: 1_000))
        #expect(try produce(node, now: 1_005) == nil)
        #expect(try node.store.latestBatch()?.index == 0)   // genesis only
        #expect(try produce(node, now: 1_010) == nil)
        let batch = try #require(try node.store.latestBatch())
        #expect(batch.index == 1 && batch.firstBlock == 1 && batch.lastBlock == 1)
        #expect(batch.postStateRoot == UInt256(bigEndianAt: StateCommitment.root(node.state).bigEndianBytes))
        #expect(batch.postStateRoot != b.header.stateRoot)
        #expect(batch.dataHash == BatchData.hash([BlockContext(b)]))
        #expect(batch.status == .sealed && batch.sealedAt == 1_010)
        // Nothing open: no empty batch later.
        #expect(try produce(node, now: 2_000) == nil)
        #expect(try node.store.batch(index: 2) == nil)
    }
}

extension ChainNodeTests {
    @Test func logIndicesCountAcrossTheBlock() async throws {
        let node = try TestChain.openNode(dir: TestChain.tempDir())
        _ = try await node.submit(raw: TestChain.tx(from: 7, nonce: 0, to: nil, value: .zero, gas: 200_000,
                                                   data: TestChain.deployCode(TestChain.storeAndLogRuntime)).encoded)
        _ = try produce(node)
        let contract = Interpreter.createAddress(caller: TestChain.address(7), nonce: 0)
        // Arrival order is block order: a log-less transfer first, then three calls with one log each.
        var hashes = [try await node.submit(raw: TestChain.tx(from: 8, nonce: 0).encoded)]
        for n in 1...3 {
            hashes.append(try await node.submit(raw: TestChain.tx(from: 7, nonce: UInt64(n), to: contract, value: .zero, gas: 100_000,
                                                                 data: UInt256(UInt64(n)).bigEndianBytes).encoded))
        }
        let block = try #require(try produce(node))
        #expect(block.transactions.map(\.hash) == hashes)
        #expect(block.transactions.map(\.firstLogIndex) == [0, 0, 1, 2])
        let stored = try hashes.map { try #require(try node.store.transaction(hash: $0)) }
        #expect(stored.map(\.firstLogIndex) == [0, 0, 1, 2])
        #expect(try node.store.transactions(block: block.header.number).map(\.firstLogIndex) == [0, 0, 1, 2])
        let logs = try node.store.logs(LogFilter(fromBlock: block.header.number, toBlock: block.header.number))
        #expect(logs.map(\.logIndex) == [0, 1, 2])
    }
}

extension ChainNodeTests {
    /// A replacement that arrives while its original is being executed into a block must never be
    /// acknowledged and then dropped: it is either refused, or it is the one included, or it stays
    /// pending. Replacements are sent throughout a large block's execution, so some land in the window.
    @Test func replacementDuringInclusionIsNeverAcknowledgedAndLost() async throws {
        let node = try TestChain.openNode(dir: TestChain.tempDir())
        for from in 0..<10 {
            for n in 0..<60 { _ = try await node.submit(raw: TestChain.tx(from: from, nonce: UInt64(n)).encoded) }
        }
        let producer = Task.detached { try Interpreter.withLargeStack { Result { try node.produceBlock(now: 1_000) } }.get() }
        var acknowledged: [UInt256] = []
        var refusedWhileIncluding = 0
        var tip = UInt256(1_000_000_000)
        for _ in 0..<400 {
            tip = tip + tip / UInt256(5)
            let replacement = TestChain.tx(from: 9, nonce: 59, value: UInt256(2000), maxFee: tip + UInt256(1_000_000_000), tip: tip)
            do {
                acknowledged.append(try await node.submit(raw: replacement.encoded))
            } catch MempoolError.replacementWhileIncluding(let nonce) {
                #expect(nonce == 59)
                refusedWhileIncluding += 1
            } catch {
                break   // nonce too low: the block with nonce 59 is published
            }
        }
        let block = try #require(try await producer.value)
        // The last acknowledged version of (account 9, nonce 59) is included, or still pooled for the next block.
        if let last = acknowledged.last {
            let included = block.transactions.contains { $0.hash == last }
            #expect(included || node.pooledTransaction(hash: last) != nil,
                    "acknowledged replacement lost (\(acknowledged.count) acknowledged, \(refusedWhileIncluding) refused)")
        }
        let slot = block.transactions.filter { $0.sender == TestChain.address(9) && $0.transaction.nonce == 59 }
        #expect(slot.count <= 1)
        if let s = slot.first, let last = acknowledged.last, node.pooledTransaction(hash: last) == nil { #expect(s.hash == last) }
    }
}

extension ChainNodeTests {
    /// With a data bound, blocks are built into the open batch's room and no sealed batch's data
    /// (what commitBatch receives) exceeds it; every transaction is still included, in order.
    @Test func batchesRespectTheDataBound() async throws {
        let limit = 4096
        let node = try TestChain.openNode(dir: TestChain.tempDir(),
                                          policy: BatchPolicy(maxBlocks: 1000, maxAgeSeconds: 3600, maxDataBytes: limit))
        var hashes: [UInt256] = []
        for from in 0..<5 {
            for n in 0..<20 { hashes.append(try await node.submit(raw: TestChain.tx(from: from, nonce: UInt64(n)).encoded)) }
        }
        var now: UInt64 = 1_000
        while node.mempoolCount > 0 {
            _ = try #require(try produce(node, now: now))
            now += 1
        }
        for h in hashes { #expect(try node.store.transaction(hash: h) != nil) }
        let latest = try #require(try node.store.latestBatch())
        #expect(latest.index >= 2, "11 kB of transfers need several 4 kB batches")
        var next: UInt64 = 1
        for i in 1...latest.index {
            let b = try #require(try node.store.batch(index: i))
            #expect(b.firstBlock == next)
            next = b.lastBlock + 1
            var blocks: [BlockContext] = []
            for n in b.firstBlock...b.lastBlock {
                blocks.append(BlockContext(BlockRecord(header: try node.store.header(number: n)!,
                                                       transactions: try node.store.transactions(block: n))))
            }
            let data = BatchData.encode(blocks)
            #expect(data.count <= limit, "batch \(i): \(data.count) bytes")
            #expect(BatchData.hash(blocks) == b.dataHash)
        }
    }
}
