import EVM

/// What one included transaction did to the state beyond its sender's nonce, value and fee and
/// the coinbase's fee: the summary the batch circuit's trace needs for a call or creation.
///
/// It is exact only when `escape` is nil: then the code ran no CALL, CALLCODE, CREATE, CREATE2
/// or SELFDESTRUCT at any depth and wrote only its target's storage, so the sender, the target
/// and the coinbase are the only accounts it changed, the target only by the value and these
/// slots. (DELEGATECALL and STATICCALL stay within that: they run in the caller's context or
/// change nothing.)
public struct TransactionEffect: Sendable, Equatable {
    /// The called account, or the created one (also for a failed creation: the address it
    /// would have had).
    public var target: Address
    /// The target's slots whose value the transaction changed (new value; zero: deleted).
    public var storageWrites: [UInt256: UInt256]
    /// Why the transaction may have changed more than that, or nil.
    public var escape: String?

    public init(target: Address, storageWrites: [UInt256: UInt256] = [:], escape: String? = nil) {
        self.target = target; self.storageWrites = storageWrites; self.escape = escape
    }
}
