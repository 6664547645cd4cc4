import EVM

/// The accounts a block changed, as the store writes them (the latest state is persisted as
/// rows; the diff keeps each block's write proportional to what it touched, not to the state).
public struct StateChanges: Sendable {
    /// One changed account.
    public struct AccountChange: Sendable {
        /// The new account (its `storage` is not used; see `storageWrites`), or nil when deleted.
        public var account: Account?
        /// Slots written, a zero value meaning deleted.
        public var storageWrites: [UInt256: UInt256]
        /// Whether all old storage must go first (account deleted or re-created).
        public var clearsStorage: Bool
    }

    /// The changed accounts.
    public var accounts: [Address: AccountChange] = [:]

    /// An empty change set.
    public init() {}

    /// The difference between two states.
    ///
    /// Costs O(accounts) comparisons (plus O(slots) for accounts whose storage changed). Storage
    /// dictionaries are compared for equality first, which is O(1) when both share a buffer.
    public init(from old: WorldState, to new: WorldState) {
        for (address, account) in new.accounts {
            if let before = old.accounts[address] {
                let codeSame = before.code === account.code || before.code.hash == account.code.hash
                let storageSame = before.storage == account.storage
                if before.nonce == account.nonce && before.balance == account.balance && codeSame && storageSame {
                    continue
                }
                var writes: [UInt256: UInt256] = [:]
                if !storageSame {
                    for (k, v) in account.storage where before.storage[k] != v { writes[k] = v }
                    for (k, _) in before.storage where account.storage[k] == nil { writes[k] = .zero }
                }
                accounts[address] = AccountChange(account: account, storageWrites: writes, clearsStorage: false)
            } else {
                accounts[address] = AccountChange(account: account, storageWrites: account.storage, clearsStorage: true)
            }
        }
        for (address, _) in old.accounts where new.accounts[address] == nil {
            accounts[address] = AccountChange(account: nil, storageWrites: [:], clearsStorage: true)
        }
    }
}
