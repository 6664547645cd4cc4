import EVM
import Foundation
import Keccak
import Testing
import TestSupport

/// Trie roots against py-trie (fixtures/mpt-roots-pytrie.json, scripts/gen-mpt-vectors.py).
@Suite struct MerklePatriciaTrieTests {
    @Test func emptyRoot() {
        #expect(MerklePatriciaTrie.emptyRoot.hexString == "0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421")
        #expect(MerklePatriciaTrie.root([]) == MerklePatriciaTrie.emptyRoot)
        #expect(WorldState().stateRoot == MerklePatriciaTrie.emptyRoot)
    }

    @Test func matchesPyTrie() throws {
        let json = try JSONSerialization.jsonObject(with: Fixtures.data("fixtures/mpt-roots-pytrie.json")) as! [String: Any]
        let cases = json["cases"] as! [[String: Any]]
        #expect(cases.count == 15)
        for c in cases {
            let pairs = (c["pairs"] as! [[String]]).map { (key: Fixtures.hexBytes($0[0])!, value: Fixtures.hexBytes($0[1])!) }
            let expected = try #require(UInt256(hex: c["root"] as! String))
            #expect(MerklePatriciaTrie.root(pairs) == expected, "\(c["name"]!)")
            // Insertion order must not matter.
            #expect(MerklePatriciaTrie.root(pairs.reversed()) == expected)
        }
    }

    @Test func secureRootHashesKeys() {
        let pairs: [(key: [UInt8], value: [UInt8])] = [([1, 2, 3], [4]), ([9], [5, 6])]
        #expect(MerklePatriciaTrie.secureRoot(pairs) == MerklePatriciaTrie.root(pairs.map { (Keccak256.hash($0.key), $0.value) }))
    }

    /// One account with no storage and no code: the leaf is RLP([nonce, balance, emptyRoot, emptyCodeHash]).
    @Test func singleAccountStateRoot() {
        let a = Address(hex: "0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b")!
        let state = WorldState(accounts: [a: Account(nonce: 0, balance: UInt256(1_000_000_000_000_000_000))])
        let leaf = WorldState.encodeAccount(Account(nonce: 0, balance: UInt256(1_000_000_000_000_000_000)))
        #expect(state.stateRoot == MerklePatriciaTrie.secureRoot([(a.bytes, leaf)]))
        #expect(WorldState.storageRoot([:]) == MerklePatriciaTrie.emptyRoot)
        #expect(Code.empty.hash.hexString == "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")
    }
}
