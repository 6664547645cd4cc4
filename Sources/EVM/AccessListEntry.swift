/// One element of an EIP-2930 access list: an address and storage keys to pre-warm.
public struct AccessListEntry: Equatable, Hashable, Sendable {
    /// The account.
    public var address: Address
    /// Storage slots of that account (each encoded as exactly 32 bytes).
    public var storageKeys: [UInt256]

    /// An entry.
    public init(address: Address, storageKeys: [UInt256] = []) {
        self.address = address; self.storageKeys = storageKeys
    }
}
