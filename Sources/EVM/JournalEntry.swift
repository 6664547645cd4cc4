/// One undoable change to the world state, recorded so a failed call frame can be rolled back
/// to its checkpoint (geth's `journal`, revm's `JournalEntry`).
@usableFromInline
internal enum JournalEntry: Sendable {
    /// The account did not exist (nil) or had this value before it was (re)created.
    case account(Address, Account?)
    case balance(Address, UInt256)
    case nonce(Address, UInt64)
    case code(Address, Code)
    case storage(Address, UInt256, UInt256)
    case transient(SlotKey, UInt256)
    case warmAddress(Address)
    case warmSlot(SlotKey)
    case touched(Address)
    case created(Address)
    case selfDestructed(Address)
    case refund(Int)
    case log
}
