import BN254
import EVM

/// Chain v2's state commitment kept up to date by the sequencer: the account tree and one
/// storage tree per account with storage (`StateCommitment`'s encoding), both pruning, updated
/// per sealed batch with the accounts and slots the batch changed. Its root is the batch's
/// post-state root that the settlement contract stores and the batch circuit proves.
///
/// Built from a whole state when the node starts (O(accounts + slots) hashing) and then
/// incrementally: a batch costs about log₂(accounts) hashes per account it touched, not one
/// pass over the state.
public struct StateTree: Sendable {
    /// The account tree.
    public private(set) var accounts = SparseMerkleTree(prunes: true)
    /// Storage trees by account (absent: no storage).
    var storage: [Address: SparseMerkleTree] = [:]

    /// The tree of `state`.
    public init(_ state: WorldState) {
        for (address, account) in state.accounts {
            update(address, account: account, storageWrites: account.storage, clearsStorage: true)
        }
    }

    /// The state root.
    public var root: Fr { accounts.root }

    /// Applies one account's change: its new fields (nil: deleted), the slots written since the
    /// last update (zero: deleted) and whether its old storage is gone first.
    public mutating func update(_ address: Address, account: Account?, storageWrites: [UInt256: UInt256], clearsStorage: Bool) {
        let key = StateCommitment.accountKey(address)
        guard let account else {
            storage[address] = nil
            accounts.update(key, .zero)
            return
        }
        var slots = clearsStorage ? SparseMerkleTree(prunes: true) : (storage[address] ?? SparseMerkleTree(prunes: true))
        for (slot, value) in storageWrites {
            slots.update(StateCommitment.storageKey(slot), value.isZero ? .zero : StateCommitment.storageValue(value))
        }
        storage[address] = slots.root.isZero ? nil : slots
        accounts.update(key, StateCommitment.accountValue(account, storageRoot: slots.root))
    }
}
