/// The accounts plus the per-transaction substate, with a journal for call-frame reverts.
///
/// Accounts live in one dictionary keyed by address. Everything a transaction changes is
/// journaled (`checkpoint()` / `revert(to:)`), including the EIP-2929 warm sets, transient
/// storage (EIP-1153), the refund counter (EIP-3529), logs, EIP-6780's created-in-this-tx
/// set and EIP-161's touched set. `finalizeTransaction()` deletes self-destructed and touched
/// empty accounts and clears the substate.
public struct WorldState: Sendable {
    /// The accounts by address.
    public var accounts: [Address: Account]

    @usableFromInline internal var _journal: [JournalEntry] = []
    @usableFromInline internal var _warmAddresses: Set<Address> = []
    @usableFromInline internal var _transient: [SlotKey: UInt256] = [:]
    /// Per touched slot: EIP-2929 warmth and the EIP-2200 original value, in one map so SSTORE
    /// does one lookup for both.
    @usableFromInline internal var _slots: [SlotKey: SlotState] = [:]
    @usableFromInline internal var _created: Set<Address> = []
    @usableFromInline internal var _selfDestructed: Set<Address> = []
    @usableFromInline internal var _touched: Set<Address> = []
    /// The EIP-3529 refund counter of the running transaction (may dip below zero mid-transaction).
    public internal(set) var refund: Int = 0
    /// Logs of the running transaction.
    public internal(set) var logs: [Log] = []

    /// A state holding `accounts`.
    public init(accounts: [Address: Account] = [:]) { self.accounts = accounts }

    // MARK: Reads

    /// The balance (zero for a missing account).
    @inlinable public func balance(_ a: Address) -> UInt256 { accounts[a]?.balance ?? .zero }
    /// The nonce (zero for a missing account).
    @inlinable public func nonce(_ a: Address) -> UInt64 { accounts[a]?.nonce ?? 0 }
    /// The code (empty for a missing account).
    @inlinable public func code(_ a: Address) -> Code { accounts[a]?.code ?? .empty }
    /// True when the account exists.
    @inlinable public func exists(_ a: Address) -> Bool { accounts[a] != nil }
    /// EIP-161 "dead": missing or empty.
    @inlinable public func isDead(_ a: Address) -> Bool { accounts[a]?.isEmpty ?? true }
    /// The current value of a storage slot.
    @inlinable public func storage(_ a: Address, _ k: UInt256) -> UInt256 { accounts[a]?.storage[k] ?? .zero }
    /// The slot's value at the start of the transaction (EIP-2200's "original value").
    @inlinable public func originalStorage(_ a: Address, _ k: UInt256) -> UInt256 {
        if let st = _slots[SlotKey(a, k)], st.hasOriginal { return st.original }
        return storage(a, k)
    }
    /// The transient value (EIP-1153).
    @inlinable public func transient(_ a: Address, _ k: UInt256) -> UInt256 { _transient[SlotKey(a, k)] ?? .zero }
    /// True when the account was created by the running transaction (EIP-6780).
    @inlinable public func isCreatedInTransaction(_ a: Address) -> Bool { _created.contains(a) }

    // MARK: Journal

    /// The current journal position, to revert to on a failed frame.
    @inlinable public var checkpoint: Int { _journal.count }

    /// Undoes every change made after `checkpoint`.
    public mutating func revert(to checkpoint: Int) {
        while _journal.count > checkpoint {
            switch _journal.removeLast() {
            case .account(let a, let prev): accounts[a] = prev
            case .balance(let a, let v): accounts[a]?.balance = v
            case .nonce(let a, let v): accounts[a]?.nonce = v
            case .code(let a, let c): accounts[a]?.code = c
            case .storage(let a, let k, let v):
                if v.isZero { accounts[a]?.storage.removeValue(forKey: k) } else { accounts[a]?.storage[k] = v }
            case .transient(let k, let v):
                if v.isZero { _transient.removeValue(forKey: k) } else { _transient[k] = v }
            case .warmAddress(let a): _warmAddresses.remove(a)
            case .warmSlot(let k): _slots[k]?.warm = false
            case .touched(let a): _touched.remove(a)
            case .created(let a): _created.remove(a)
            case .selfDestructed(let a): _selfDestructed.remove(a)
            case .refund(let r): refund = r
            case .log: logs.removeLast()
            }
        }
    }

    // MARK: Writes

    mutating func touch(_ a: Address) {
        if _touched.insert(a).inserted { _journal.append(.touched(a)) }
    }

    /// Makes sure `a` exists (an empty account otherwise), journaled.
    mutating func ensureAccount(_ a: Address) {
        if accounts[a] == nil {
            _journal.append(.account(a, nil))
            accounts[a] = Account()
        }
        touch(a)
    }

    /// Adds wei; a zero amount only touches the account (EIP-161).
    public mutating func addBalance(_ a: Address, _ v: UInt256) {
        if v.isZero { touch(a); return }
        ensureAccount(a)
        let old = accounts[a]!.balance
        _journal.append(.balance(a, old))
        accounts[a]!.balance = old &+ v
    }

    /// Subtracts wei.
    /// - Precondition: the balance covers `v` (callers check first).
    public mutating func subtractBalance(_ a: Address, _ v: UInt256) {
        if v.isZero { touch(a); return }
        ensureAccount(a)
        let old = accounts[a]!.balance
        _journal.append(.balance(a, old))
        accounts[a]!.balance = old &- v
    }

    /// Sets the nonce.
    public mutating func setNonce(_ a: Address, _ n: UInt64) {
        ensureAccount(a)
        _journal.append(.nonce(a, accounts[a]!.nonce))
        accounts[a]!.nonce = n
    }

    /// Sets the code.
    public mutating func setCode(_ a: Address, _ c: Code) {
        ensureAccount(a)
        _journal.append(.code(a, accounts[a]!.code))
        accounts[a]!.code = c
    }

    /// Writes a storage slot, remembering its original value for EIP-2200 gas.
    public mutating func setStorage(_ a: Address, _ k: UInt256, _ v: UInt256) {
        ensureAccount(a)
        let old = accounts[a]!.storage[k] ?? .zero
        let key = SlotKey(a, k)
        recordOriginal(key, old)
        _journal.append(.storage(a, k, old))
        if v.isZero { accounts[a]!.storage.removeValue(forKey: k) } else { accounts[a]!.storage[k] = v }
    }

    /// The interpreter's SSTORE write: `current` is the slot's present value (already read) and
    /// `firstWrite` says the original value is not yet recorded. The executing account always
    /// exists and is never empty, so no EIP-161 touch is needed.
    mutating func _writeStorage(_ a: Address, _ k: UInt256, _ v: UInt256, current: UInt256) {
        _journal.append(.storage(a, k, current))
        if accounts[a] == nil { ensureAccount(a) }
        if v.isZero { accounts[a]!.storage.removeValue(forKey: k) } else { accounts[a]!.storage[k] = v }
    }

    /// SSTORE's bookkeeping in one map access: warms the slot and returns whether it was cold and
    /// its original value. Before the first write of the transaction the present value is the
    /// original (every write records it first), so `current` is recorded then.
    mutating func _prepareStore(_ key: SlotKey, current: UInt256) -> (cold: Bool, original: UInt256) {
        if let i = _slots.index(forKey: key) {
            var cold = false
            if !_slots.values[i].warm {
                _slots.values[i].warm = true
                _journal.append(.warmSlot(key))
                cold = true
            }
            if !_slots.values[i].hasOriginal {
                _slots.values[i].original = current
                _slots.values[i].hasOriginal = true
            }
            return (cold, _slots.values[i].original)
        }
        _slots[key] = SlotState(original: current, hasOriginal: true, warm: true)
        _journal.append(.warmSlot(key))
        return (true, current)
    }

    /// Records a slot's original value unless already recorded (not journaled: it is the
    /// transaction-start value whatever is reverted later).
    mutating func recordOriginal(_ key: SlotKey, _ value: UInt256) {
        if let i = _slots.index(forKey: key) {
            if !_slots.values[i].hasOriginal {
                _slots.values[i].original = value
                _slots.values[i].hasOriginal = true
            }
        } else {
            _slots[key] = SlotState(original: value, hasOriginal: true, warm: false)
        }
    }

    /// Writes a transient slot (EIP-1153).
    public mutating func setTransient(_ a: Address, _ k: UInt256, _ v: UInt256) {
        let key = SlotKey(a, k)
        let old = _transient[key] ?? .zero
        _journal.append(.transient(key, old))
        if v.isZero { _transient.removeValue(forKey: key) } else { _transient[key] = v }
    }

    /// Marks an address warm (EIP-2929).
    /// - Returns: true when it was cold.
    @discardableResult
    public mutating func warmAddress(_ a: Address) -> Bool {
        if Precompiles.contains(a) { return false } // always warm (EIP-2929)
        if _warmAddresses.insert(a).inserted { _journal.append(.warmAddress(a)); return true }
        return false
    }

    /// True when the address is warm (precompiles always are).
    @inlinable public func isWarm(_ a: Address) -> Bool { Precompiles.contains(a) || _warmAddresses.contains(a) }

    /// Marks a slot warm (EIP-2929).
    /// - Returns: true when it was cold.
    @discardableResult
    public mutating func warmSlot(_ a: Address, _ k: UInt256) -> Bool {
        let key = SlotKey(a, k)
        if let i = _slots.index(forKey: key) {
            if _slots.values[i].warm { return false }
            _slots.values[i].warm = true
        } else {
            _slots[key] = SlotState(original: .zero, hasOriginal: false, warm: true)
        }
        _journal.append(.warmSlot(key))
        return true
    }

    /// Adds to the refund counter (negative to subtract).
    public mutating func addRefund(_ delta: Int) {
        _journal.append(.refund(refund))
        refund += delta
    }

    /// Appends a log.
    public mutating func addLog(_ log: Log) {
        _journal.append(.log)
        logs.append(log)
    }

    /// Creates a contract account at `a` (nonce 1, EIP-161), keeping a pre-existing balance, and
    /// marks it created in this transaction (EIP-6780).
    public mutating func createContractAccount(_ a: Address) {
        let prev = accounts[a]
        _journal.append(.account(a, prev))
        accounts[a] = Account(nonce: 1, balance: prev?.balance ?? .zero)
        touch(a)
        if _created.insert(a).inserted { _journal.append(.created(a)) }
    }

    /// Marks `a` for deletion at the end of the transaction and zeroes its balance (EIP-6780: only
    /// for accounts created in the same transaction; the caller checks).
    public mutating func markSelfDestructed(_ a: Address) {
        if _selfDestructed.insert(a).inserted { _journal.append(.selfDestructed(a)) }
        if let b = accounts[a]?.balance, !b.isZero {
            _journal.append(.balance(a, b))
            accounts[a]!.balance = .zero
        }
    }

    // MARK: Transaction boundaries

    /// Deletes self-destructed accounts and touched empty accounts (EIP-161), then clears the
    /// journal, warm sets, transient storage, refund counter and logs.
    public mutating func finalizeTransaction() {
        for a in _selfDestructed { accounts.removeValue(forKey: a) }
        for a in _touched where accounts[a]?.isEmpty == true { accounts.removeValue(forKey: a) }
        _journal.removeAll(keepingCapacity: true)
        _warmAddresses.removeAll(keepingCapacity: true)
        _transient.removeAll()
        _slots.removeAll(keepingCapacity: true)
        _created.removeAll()
        _selfDestructed.removeAll()
        _touched.removeAll(keepingCapacity: true)
        refund = 0
        logs.removeAll()
    }

    /// Marks an account touched (EIP-161) without changing it, as paying a zero fee does.
    public mutating func touchAccount(_ a: Address) { touch(a) }
}

/// What the current transaction knows about one storage slot.
@usableFromInline
struct SlotState: Sendable {
    /// The value at the start of the transaction (valid when `hasOriginal`).
    @usableFromInline var original: UInt256
    /// True once `original` is recorded.
    @usableFromInline var hasOriginal: Bool
    /// EIP-2929: accessed in this transaction (journaled).
    @usableFromInline var warm: Bool
    @usableFromInline init(original: UInt256, hasOriginal: Bool, warm: Bool) {
        self.original = original; self.hasOriginal = hasOriginal; self.warm = warm
    }
}
