import EVM
import Foundation
import Sequencer
import Settlement
import Testing
import TestSupport

/// `zkrollup prove --batch` and `zkrollup verify` through the built executable, on a batch the
/// sequencer sealed: the proof verifies with the contract's checks and carries the public
/// inputs the contract recomputes from the header; a changed batch file is refused by the
/// witness checker with the failing constraint named; a changed proof is rejected.
@Suite struct ProveBatchCommandTests {
    static let shape = "batch:8:4"

    func temp(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString)-\(name)").path
    }

    func write(_ file: BatchFile, to path: String) throws {
        try Data(file.json.serialized).write(to: URL(fileURLWithPath: path))
    }

    func json(_ path: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any] ?? [:]
    }

    static func sealedBatch() async throws -> BatchFile {
        let dev1 = Address(hex: DevAccounts.addresses[1])!
        return try await BatchTraceTests.batchFile([
            BatchTraceTests.transfer(from: 0, nonce: 0, to: BatchTraceTests.fresh, value: 1_000),
            BatchTraceTests.transfer(from: 0, nonce: 1, to: dev1, value: 2_000),
            BatchTraceTests.transfer(from: 1, nonce: 0, to: BatchTraceTests.fresh, value: 3),
        ], deposits: BatchTraceTests.deposits())
    }

    @Test func provesASealedBatchAndRefusesChangedOnes() async throws {
        let file = try await Self.sealedBatch()
        let batch = temp("batch.json"), proof = temp("proof.json"), vk = temp("vk.json"), bad = temp("bad.json")
        let changed = temp("changed.json"), otherVK = temp("othervk.json")
        defer { for p in [batch, proof, vk, bad, changed, otherVK] { try? FileManager.default.removeItem(atPath: p) } }
        try write(file, to: batch)

        let r = try CLI.run(["prove", "--batch", batch, "--circuit", Self.shape, "--out", proof, "--vk-out", vk])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("tracing batch 1") && r.stderr.contains("round 5/5") && r.stderr.contains("100%"), "\(r.stderr)")
        #expect(r.stdout.contains("4 of 4 slots"), "\(r.stdout)")
        // The public inputs are the ones finalizeBatch recomputes from the committed header.
        let header = BatchHeader(index: UInt256(file.batch.index), parentBatchHash: .zero, prevStateRoot: file.batch.prevStateRoot,
                                 postStateRoot: file.batch.postStateRoot, withdrawRoot: WithdrawTree(file.withdrawals).root,
                                 messageQueueHash: file.batch.messageQueueHash)
        let expected = header.publicInputs(l2ChainId: UInt256(file.chainId), dataHash: file.batch.dataHash).map { Hex.encode(word: $0) }
        #expect(try json(proof)["publicInputs"] as? [String] == expected)
        let ok = try CLI.run(["verify", "--proof", proof, "--vk", vk])
        #expect(ok.status == 0 && ok.stdout.contains("settlement contract"), "\(ok.stdout) \(ok.stderr)")

        // A proof scalar changed (the last word, still below r): the pairing fails.
        var p = try json(proof)
        var hex = Array((p["proof"] as? String ?? "").utf8)
        hex[hex.count - 1] = hex[hex.count - 1] == UInt8(ascii: "1") ? UInt8(ascii: "2") : UInt8(ascii: "1")
        p["proof"] = String(decoding: hex, as: UTF8.self)
        try JSONSerialization.data(withJSONObject: p).write(to: URL(fileURLWithPath: bad))
        let flipped = try CLI.run(["verify", "--proof", bad, "--vk", vk])
        #expect(flipped.status == 1 && flipped.stderr.contains("rejected"), "\(flipped.stderr)")
        // Claiming another post root with the same proof.
        p = try json(proof)
        var inputs = p["publicInputs"] as? [String] ?? []
        inputs[2] = Hex.encode(word: file.batch.prevStateRoot)
        p["publicInputs"] = inputs
        try JSONSerialization.data(withJSONObject: p).write(to: URL(fileURLWithPath: bad))
        let root = try CLI.run(["verify", "--proof", bad, "--vk", vk])
        #expect(root.status == 1 && root.stderr.contains("pairing check failed"), "\(root.stderr)")
        // The key of another shape.
        #expect(try CLI.run(["vk", "--circuit", "batch:8:5", "--out", otherVK]).status == 0)
        let wrongKey = try CLI.run(["verify", "--proof", proof, "--vk", otherVK])
        #expect(wrongKey.status == 1 && wrongKey.stderr.contains("another verification key"), "\(wrongKey.stderr)")

        // A pre-state balance changed in the file: the batch no longer starts at its prev root.
        let dev1 = Address(hex: DevAccounts.addresses[1])!
        var richer = file
        richer.preState.accounts[dev1]!.balance = richer.preState.accounts[dev1]!.balance + UInt256(1)
        try write(richer, to: changed)
        let balance = try CLI.run(["prove", "--batch", changed, "--circuit", Self.shape, "--out", bad])
        #expect(balance.status == 1 && balance.stderr.contains("public input 1 (prev state root)"), "\(balance.stderr)")
        // A post root the batch does not reach.
        var wrongPost = file
        wrongPost.batch.postStateRoot = wrongPost.batch.postStateRoot + UInt256(1)
        try write(wrongPost, to: changed)
        let post = try CLI.run(["prove", "--batch", changed, "--circuit", Self.shape, "--out", bad])
        #expect(post.status == 1 && post.stderr.contains("public input 2 (post state root)"), "\(post.stderr)")
        // More slots than the circuit has.
        let small = try CLI.run(["prove", "--batch", batch, "--circuit", "batch:8:3", "--out", bad])
        #expect(small.status == 1 && small.stderr.contains("not provable"), "\(small.stderr)")
    }

    @Test func refusesWhatIsNotABatchFile() throws {
        let bad = temp("garbage.json"), out = temp("out.json")
        defer { for p in [bad, out] { try? FileManager.default.removeItem(atPath: p) } }
        try Data("{\"version\": 1}".utf8).write(to: URL(fileURLWithPath: bad))
        let garbage = try CLI.run(["prove", "--batch", bad, "--circuit", Self.shape, "--out", out])
        #expect(garbage.status == 1 && garbage.stderr.contains("not a batch file"), "\(garbage.stderr)")
        let missing = try CLI.run(["prove", "--batch", bad + ".absent", "--out", out])
        #expect(missing.status == 1 && missing.stderr.contains("not a batch file"), "\(missing.stderr)")
        try Data("{}".utf8).write(to: URL(fileURLWithPath: bad))
        let sample = try CLI.run(["prove", "--batch", bad, "--circuit", "poseidon:2", "--out", out])
        #expect(sample.status == 1 && sample.stderr.contains("a batch is proven with batch"), "\(sample.stderr)")
        let neither = try CLI.run(["prove", "--out", out])
        #expect(neither.status == 1 && neither.stderr.contains("--batch FILE"), "\(neither.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
