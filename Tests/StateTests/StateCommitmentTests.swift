import BN254
import EVM
import Poseidon
import State
import Testing

/// The state encoding: halves, keys, account and storage values, and what changes the root.
@Suite struct StateCommitmentTests {
    @Test func halvesSplitAt128Bits() {
        let w = UInt256(hex: "0x000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f")!
        let (hi, lo) = StateCommitment.halves(w)
        #expect(hi == Fr(bigEndianBytes: [UInt8](repeating: 0, count: 16) + Array(0..<16))!)
        #expect(lo == Fr(bigEndianBytes: [UInt8](repeating: 0, count: 16) + Array(16..<32))!)
    }

    @Test func everyFieldOfTheStateMovesTheRoot() {
        let a = Address(0xaaaa), b = Address(0xbbbb)
        var state = WorldState()
        #expect(StateCommitment.root(state) == .zero)
        state.accounts[a] = Account(nonce: 1, balance: UInt256(10), code: .empty)
        let one = StateCommitment.root(state)
        #expect(one == SparseMerkleTree.leafHash(key: StateCommitment.accountKey(a),
                                                 value: StateCommitment.accountValue(state.accounts[a]!)))
        var roots: Set<Fr> = [one]
        func record(_ s: WorldState, _ what: String) {
            let r = StateCommitment.root(s)
            #expect(roots.insert(r).inserted, "\(what) must change the root")
        }
        var s = state; s.accounts[a]!.nonce = 2; record(s, "nonce")
        s = state; s.accounts[a]!.balance = UInt256(11); record(s, "balance low half")
        s = state; s.accounts[a]!.balance = UInt256(10) + UInt256(0, 1 << 60, 0, 0); record(s, "balance high bits")
        s = state; s.accounts[a]!.code = Code([0x60, 0x00]); record(s, "code")
        s = state; s.accounts[a]!.storage[UInt256(1)] = UInt256(5); record(s, "a storage slot")
        s = state; s.accounts[b] = Account(nonce: 0, balance: UInt256(1), code: .empty); record(s, "another account")
        // Nonce and balance share one scalar without overlapping: nonce 1 with balance 10 is not
        // nonce 0 with balance 2^128 + 10 (which the encoding refuses to exist).
        #expect(StateCommitment.packed(nonce: 1, balance: UInt256(10)) == StateCommitment.nonceShift + Fr(10))
        #expect(StateCommitment.accountKey(a) == Fr(0xaaaa))
        // A zero slot is absent: the same root as no slot.
        s = state; s.accounts[a]!.storage[UInt256(1)] = .zero
        #expect(StateCommitment.root(s) == one)
    }
}
