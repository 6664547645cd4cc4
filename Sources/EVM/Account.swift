/// One account of the world state: nonce, balance, code and storage.
public struct Account: Sendable {
    /// Transactions sent (EOA) or contracts created (contract), EIP-161 starts contracts at 1.
    public var nonce: UInt64
    /// Balance in wei.
    public var balance: UInt256
    /// The contract code (empty for externally owned accounts).
    public var code: Code
    /// Non-zero storage slots (a slot set to zero is removed).
    public var storage: [UInt256: UInt256]

    /// An account with the given fields.
    public init(nonce: UInt64 = 0, balance: UInt256 = .zero, code: Code = .empty, storage: [UInt256: UInt256] = [:]) {
        self.nonce = nonce; self.balance = balance; self.code = code; self.storage = storage
    }

    /// EIP-161 emptiness: no nonce, no balance, no code.
    @inlinable
    public var isEmpty: Bool { nonce == 0 && balance.isZero && code.isEmpty }
}

/// A storage slot of one account: the key of warm-slot, transient and original-value maps.
@frozen
public struct SlotKey: Hashable, Sendable {
    /// The account.
    public var address: Address
    /// The slot.
    public var slot: UInt256
    /// The slot `slot` of `address`.
    @inlinable public init(_ address: Address, _ slot: UInt256) { self.address = address; self.slot = slot }
}

/// A log record emitted by LOG0–LOG4.
public struct Log: Sendable, Equatable {
    /// The emitting contract.
    public var address: Address
    /// Zero to four topics.
    public var topics: [UInt256]
    /// The data bytes.
    public var data: [UInt8]
    /// A log record.
    public init(address: Address, topics: [UInt256], data: [UInt8]) {
        self.address = address; self.topics = topics; self.data = data
    }
}
