/// The first owner of each value of a key's low tree-depth bits: the record behind
/// `StateKeyGuard` (accounts) and `StorageKeyGuard` (each contract's slots). Two keys whose low
/// bits agree need a path deeper than the batch circuit's trees; the guards refuse the second.
struct LowBitsClaims<Owner: Hashable & Sendable>: Sendable {
    private var owners: [UInt64: Owner] = [:]

    /// Records `owner` for `low` and returns nil, or returns the other owner already recorded
    /// for it (then nothing is recorded).
    mutating func claim(_ low: UInt64, by owner: Owner) -> Owner? {
        if let o = owners[low] { return o == owner ? nil : o }
        owners[low] = owner
        return nil
    }
}
