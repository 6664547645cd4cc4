import BN254
import EVM
import Keccak
import Settlement
import Testing

/// The byte layouts of SPEC.md, recomputed here from raw bytes.
@Suite struct HashingTests {
    static func word(_ hex: String) -> UInt256 { UInt256(hex: hex)! }
    static func keccak(_ bytes: [UInt8]) -> UInt256 { UInt256(bigEndianAt: Keccak256.hash(bytes)) }
    static let r = UInt256(decimal: Fr.modulusDecimal)!

    let header = BatchHeader(index: 7, parentBatchHash: word("0xaa"), prevStateRoot: word("0xbb01"),
                             postStateRoot: word("0xcc0202"), withdrawRoot: word("0xdd"), messageQueueHash: word("0xee"))

    @Test func batchHashIsKeccakOfSevenWords() {
        let data: [UInt8] = Array("some batch data".utf8)
        let dh = BatchHeader.dataHash(data)
        #expect(dh == Self.keccak(data))
        var bytes = [UInt8]()
        for w in [UInt256(7), header.parentBatchHash, header.prevStateRoot, header.postStateRoot,
                  header.withdrawRoot, header.messageQueueHash, dh] { bytes += w.bigEndianBytes }
        #expect(bytes.count == 224)
        #expect(header.batchHash(dataHash: dh) == Self.keccak(bytes))
        // Every field is bound: changing any one changes the hash.
        var h2 = header; h2.withdrawRoot = Self.word("0xde")
        #expect(h2.batchHash(dataHash: dh) != header.batchHash(dataHash: dh))
    }

    @Test func bindingIsKeccakOfFourWordsModR() {
        for i in 0..<50 {
            let dh = Self.keccak([UInt8(i)])
            var bytes = UInt256(53077).bigEndianBytes
            for w in [header.withdrawRoot, header.messageQueueHash, dh] { bytes += w.bigEndianBytes }
            #expect(bytes.count == 128)
            let full = Self.keccak(bytes)
            let binding = header.binding(l2ChainId: 53077, dataHash: dh)
            #expect(binding < Self.r)
            // full = binding + k·r for the k ∈ 0…5 that keeps it below 2^256.
            var found = false
            var multiple = UInt256.zero
            for _ in 0..<6 {
                if multiple &+ binding == full { found = true }
                multiple = multiple &+ Self.r
            }
            #expect(found)
        }
    }

    @Test func publicInputsAreTheBindingThenBothRoots() {
        let dh = Self.keccak(Array("data".utf8))
        let pis = header.publicInputs(l2ChainId: 53077, dataHash: dh)
        #expect(pis == [header.binding(l2ChainId: 53077, dataHash: dh), Self.word("0xbb01"), Self.word("0xcc0202")])
        // The roots are not hashed into the binding: they are public inputs of their own.
        var h = header; h.prevStateRoot = Self.word("0x01"); h.postStateRoot = Self.word("0x02")
        #expect(h.binding(l2ChainId: 53077, dataHash: dh) == pis[0])
        #expect(h.publicInputs(l2ChainId: 53077, dataHash: dh) == [pis[0], 1, 2])
        // Everything else is: chain id, withdraw root, queue hash, data hash.
        h = header; h.withdrawRoot = Self.word("0xde")
        #expect(h.binding(l2ChainId: 53077, dataHash: dh) != pis[0])
        h = header; h.messageQueueHash = Self.word("0xef")
        #expect(h.binding(l2ChainId: 53077, dataHash: dh) != pis[0])
        #expect(header.binding(l2ChainId: 53078, dataHash: dh) != pis[0])
        #expect(header.binding(l2ChainId: 53077, dataHash: dh &+ 1) != pis[0])
    }

    @Test func queueHashChain() {
        var q = MessageQueue()
        #expect(q.head.isZero && q.position(of: .zero) == 0)
        let d0 = q.append(sender: Address(1), to: Address(2), value: 300)
        let d1 = q.append(sender: Address(3), to: Address(4), value: 5)
        var b = [UInt8](repeating: 0, count: 32) + UInt256(0).bigEndianBytes + Address(1).word.bigEndianBytes
            + Address(2).word.bigEndianBytes + UInt256(300).bigEndianBytes
        #expect(d0.queueHash == Self.keccak(b))
        b = d0.queueHash.bigEndianBytes + UInt256(1).bigEndianBytes + Address(3).word.bigEndianBytes
            + Address(4).word.bigEndianBytes + UInt256(5).bigEndianBytes
        #expect(d1.queueHash == Self.keccak(b) && q.head == d1.queueHash)
        #expect(q.position(of: d0.queueHash) == 1 && q.position(of: d1.queueHash) == 2 && q.count == 2)
        #expect(q.position(of: Self.word("0x1234")) == nil)
    }

    @Test func withdrawTreeProofsFoldToTheRoot() {
        #expect(WithdrawTree([]).root == WithdrawTree.zeros[20])
        let ws = (0..<5).map { WithdrawTree.Withdrawal(to: Address(UInt64(100 + $0)), amount: UInt256(UInt64($0 + 1) * 1000)) }
        let t = WithdrawTree(ws)
        // One leaf, by hand: the leaf folded with empty subtrees all the way up.
        var single = WithdrawTree.leaf(index: 0, to: ws[0].to, amount: ws[0].amount)
        for h in 0..<20 { single = Self.keccak(single.bigEndianBytes + WithdrawTree.zeros[h].bigEndianBytes) }
        #expect(WithdrawTree([ws[0]]).root == single)
        for (i, w) in ws.enumerated() {
            let p = t.proof(index: i)
            #expect(WithdrawTree.root(index: UInt256(i), to: w.to, amount: w.amount, proof: p) == t.root)
            #expect(WithdrawTree.root(index: UInt256(i), to: w.to, amount: w.amount &+ 1, proof: p) != t.root)
            var bad = p; bad[i % 20] = bad[i % 20] &+ 1
            #expect(WithdrawTree.root(index: UInt256(i), to: w.to, amount: w.amount, proof: bad) != t.root)
        }
        // Leaf 1's proof does not prove leaf 1's data at index 3.
        #expect(WithdrawTree.root(index: 3, to: ws[1].to, amount: ws[1].amount, proof: t.proof(index: 1)) != t.root)
        #expect(WithdrawTree.root(index: UInt256(1 << 20), to: ws[0].to, amount: ws[0].amount, proof: t.proof(index: 0)) == nil)
    }

    @Test func eventsRoundTrip() {
        let events: [RollupEvent] = [
            .batchCommitted(index: 3, batchHash: Self.word("0x01"), dataHash: Self.word("0x02")),
            .batchFinalized(index: 3, batchHash: Self.word("0x01"), postStateRoot: Self.word("0x03"), withdrawRoot: Self.word("0x04")),
            .batchReverted(index: 2, count: 5),
            .depositQueued(.init(index: 9, sender: Address(5), to: Address(6), value: 7, queueHash: Self.word("0x08"))),
            .withdrawalClaimed(batchIndex: 1, leafIndex: 2, to: Address(3), amount: 4),
        ]
        for e in events {
            let (topics, data) = e.encoded
            #expect(RollupEvent(topics: topics, data: data) == e)
            #expect(RollupEvent(topics: topics, data: data + [0]) == nil)
        }
        #expect(RollupEvent.topics[0] == Self.keccak(Array("BatchCommitted(uint256,bytes32,bytes32)".utf8)))
    }
}
