import BN254
import EVM
import Poseidon

/// Chain v2's state as `SparseMerkleTree`s, in the encoding the batch circuit constrains: one
/// account tree, and per account with storage a storage tree whose root goes into the account's
/// leaf. Every hash is the t = 3 permutation (the one gate the settlement contract knows), with
/// `H(x, y)` = circomlib's `Poseidon(x, y)`:
/// - account key = the address (160 bits, already a uniform scalar: hashing it again would cost
///   the circuit a permutation per access and buy no protection against ground addresses, which
///   cost the same 2^depth work either way);
/// - account value = `H(nonce·2¹²⁸ + balance, H(H(codeHash.hi, codeHash.lo), storageRoot))`:
///   nonce (< 2⁶⁴) and balance (< 2¹²⁸, guaranteed by a genesis of less than 2¹²⁸ wei in total,
///   since nothing mints) share one scalar, so the transfer gadget hashes once per side, and the
///   second input (`codeStorage`) is a constant for accounts without code or storage;
/// - storage key = `H(slot.hi, slot.lo)`, storage value = `H(value.hi, value.lo)` (128-bit
///   halves); zero slots are absent.
public enum StateCommitment {
    /// 2¹²⁸, the nonce's place in the packed scalar.
    public static let nonceShift = Fr(canonicalLimbs: (0, 0, 1, 0))!

    /// The bound every balance stays below (total supply at genesis is held under it).
    public static let balanceLimit = UInt256(0, 0, 1, 0)

    /// (hi, lo) 128-bit halves of a word as scalars.
    public static func halves(_ w: UInt256) -> (hi: Fr, lo: Fr) {
        let (l0, l1, l2, l3) = w.limbs
        return (Fr(canonicalLimbs: (l2, l3, 0, 0))!, Fr(canonicalLimbs: (l0, l1, 0, 0))!)
    }

    /// A word below r as a scalar (balances, values, prices).
    public static func scalar(_ w: UInt256) -> Fr { Fr(canonicalLimbs: w.limbs)! }

    /// The account tree key of `address`.
    public static func accountKey(_ address: Address) -> Fr { scalar(address.word) }

    /// The storage tree key of `slot`.
    public static func storageKey(_ slot: UInt256) -> Fr {
        let (hi, lo) = halves(slot)
        return Poseidon.hash(hi, lo)
    }

    /// The storage tree value of a non-zero slot value.
    public static func storageValue(_ value: UInt256) -> Fr {
        let (hi, lo) = halves(value)
        return Poseidon.hash(hi, lo)
    }

    /// The storage tree of an account.
    public static func storageTree(_ storage: [UInt256: UInt256]) -> SparseMerkleTree {
        var t = SparseMerkleTree()
        for (slot, value) in storage where !value.isZero { t.update(storageKey(slot), storageValue(value)) }
        return t
    }

    /// `H(H(codeHash.hi, codeHash.lo), storageRoot)`: the half of an account's value that
    /// transfers leave alone.
    public static func codeStorage(codeHash: UInt256, storageRoot: Fr) -> Fr {
        let (ch, cl) = halves(codeHash)
        return Poseidon.hash(Poseidon.hash(ch, cl), storageRoot)
    }

    /// `codeStorage` of an account without code or storage.
    public static let externallyOwned = codeStorage(codeHash: Code.empty.hash, storageRoot: .zero)

    /// nonce·2¹²⁸ + balance.
    public static func packed(nonce: UInt64, balance: UInt256) -> Fr {
        precondition(balance < balanceLimit, "balances stay below 2^128")
        return Fr(nonce) * nonceShift + scalar(balance)
    }

    /// The leaf value H(nonce·2¹²⁸ + balance, codeStorage), from the fields as scalars.
    public static func leafValue(nonce: Fr, balance: Fr, codeStorage: Fr) -> Fr {
        Poseidon.hash(nonce * nonceShift + balance, codeStorage)
    }

    /// An account's leaf value, given its storage tree's root.
    public static func accountValue(_ account: Account, storageRoot: Fr) -> Fr {
        precondition(account.balance < balanceLimit, "balances stay below 2^128")
        return leafValue(nonce: Fr(account.nonce), balance: scalar(account.balance),
                         codeStorage: codeStorage(codeHash: account.code.hash, storageRoot: storageRoot))
    }

    /// An account's leaf value.
    public static func accountValue(_ account: Account) -> Fr {
        accountValue(account, storageRoot: storageTree(account.storage).root)
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
