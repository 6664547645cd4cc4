import BN254
import EVM
import Poseidon

/// Chain v2's state as `SparseMerkleTree`s (the proposed encoding the batch circuit will fix):
/// one account tree, and per account with storage a storage tree whose root goes into the
/// account's leaf.
///
/// 256-bit words do not fit a BN254 scalar, so they enter as two 128-bit halves (hi, lo):
/// - account key = `Poseidon(address, 0)`, storage key = `Poseidon(slot.hi, slot.lo)`: hashed keys
///   keep paths about log₂(size) deep, and growing a deep shared prefix costs 2^depth hashing work;
/// - account value = `Poseidon(nonce, balance.hi, balance.lo, Poseidon(codeHash.hi, codeHash.lo,
///   storageRoot))` with the code's keccak hash, so code stays keccak-addressed as in the EVM;
/// - storage value = `Poseidon(value.hi, value.lo)`; zero slots are absent.
public enum StateCommitment {
    /// (hi, lo) 128-bit halves of a word as scalars.
    public static func halves(_ w: UInt256) -> (hi: Fr, lo: Fr) {
        let (l0, l1, l2, l3) = w.limbs
        return (Fr(canonicalLimbs: (l2, l3, 0, 0))!, Fr(canonicalLimbs: (l0, l1, 0, 0))!)
    }

    /// The account tree key of `address`.
    public static func accountKey(_ address: Address) -> Fr {
        Poseidon.hash(Fr(canonicalLimbs: address.word.limbs)!, .zero)
    }

    /// The storage tree key of `slot`.
    public static func storageKey(_ slot: UInt256) -> Fr {
        let (hi, lo) = halves(slot)
        return Poseidon.hash(hi, lo)
    }

    /// The storage tree of an account.
    public static func storageTree(_ storage: [UInt256: UInt256]) -> SparseMerkleTree {
        var t = SparseMerkleTree()
        for (slot, value) in storage where !value.isZero {
            let (hi, lo) = halves(value)
            t.update(storageKey(slot), Poseidon.hash(hi, lo))
        }
        return t
    }

    /// An account's leaf value.
    public static func accountValue(_ account: Account) -> Fr {
        let (bh, bl) = halves(account.balance)
        let (ch, cl) = halves(account.code.hash)
        let storageRoot = storageTree(account.storage).root
        return Poseidon.hash([Fr(account.nonce), bh, bl, Poseidon.hash([ch, cl, storageRoot])])
    }

    /// The account tree of a whole state.
    public static func tree(_ state: WorldState) -> SparseMerkleTree {
        var t = SparseMerkleTree()
        for (address, account) in state.accounts { t.update(accountKey(address), accountValue(account)) }
        return t
    }

    /// The state root of chain v2 under this encoding.
    public static func root(_ state: WorldState) -> Fr { tree(state).root }
}
