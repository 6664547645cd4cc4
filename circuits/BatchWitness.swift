import BN254
import EVM
import Poseidon
import State

/// Everything the batch circuit's assignment is made of, computed natively by running the
/// batch's slots over the state trees in the circuit's own order: per slot the sender's access
/// (debit of the value moved and the fee, nonce + 1) and the target's (credit, and for a call or
/// creation its new code hash and storage root), then once per batch the coinbase's credit of
/// every priority fee. Fees are credited at the end rather than per transaction (as the EVM
/// does): the coinbase's final balance is the same, and the circuit pays one access for it
/// instead of one per transaction; a batch in which the coinbase sends a transaction is refused,
/// since its balance in between would differ.
///
/// The storage writes of calls and creations are the batch's storage operations, in slot order:
/// each one access to its contract's storage tree, the writes of one slot chained root to root
/// (`StorageOp`); a deletion is laid out as the insertion it undoes.
///
/// The values are taken as given and never checked here: a batch whose transfer overdraws, or
/// whose claimed roots are wrong, still yields a witness, and the circuit's checker names the
/// constraint it breaks. That is how a wrong batch is reported, and why it cannot be proven.
public struct BatchWitness: Sendable {
    /// An account's fields as the circuit reads them (`StateCommitment.accountValue`).
    public struct Fields: Sendable, Equatable {
        /// Nonce and balance as scalars, and H(H(codeHash), storageRoot).
        public var nonce: Fr, balance: Fr, codeStorage: Fr

        /// Fields from their scalars.
        public init(nonce: Fr, balance: Fr, codeStorage: Fr) {
            self.nonce = nonce; self.balance = balance; self.codeStorage = codeStorage
        }

        /// The fields of an absent account.
        public static let absent = Fields(nonce: .zero, balance: .zero, codeStorage: StateCommitment.externallyOwned)

        /// The leaf value: H(nonce·2¹²⁸ + balance, codeStorage).
        public var leafValue: Fr { StateCommitment.leafValue(nonce: nonce, balance: balance, codeStorage: codeStorage) }
    }

    /// The two halves of a target's codeStorage = H(codeHash, storageRoot), before and after
    /// its slot, where codeHash here is H(codeHash.hi, codeHash.lo).
    public struct Code: Sendable, Equatable {
        public var codeHashBefore: Fr, storageRootBefore: Fr, codeHashAfter: Fr, storageRootAfter: Fr
        /// Whether the slot has storage operations (its storage root changes).
        public var hasWrites: Bool

        /// An account without code or storage, unchanged.
        public static let none = Code(codeHashBefore: emptyCodeHash, storageRootBefore: .zero,
                                      codeHashAfter: emptyCodeHash, storageRootAfter: .zero, hasWrites: false)
    }

    /// H(codeHash.hi, codeHash.lo) of empty code.
    public static let emptyCodeHash = codeHashScalar(EVM.Code.empty.hash)

    /// H(codeHash.hi, codeHash.lo).
    public static func codeHashScalar(_ codeHash: UInt256) -> Fr {
        let (hi, lo) = StateCommitment.halves(codeHash)
        return Poseidon.hash(hi, lo)
    }

    /// One slot: the transition (nil for padding) and its two accesses.
    public struct Slot: Sendable {
        /// The transition, or nil for a padding slot (two reads, no change).
        public var slot: BatchSlot?
        /// The sender's access (a read for deposits and padding) and fields before it.
        public var sender: SparseMerkleAccess, senderFields: Fields
        /// The recipient's access and fields before it.
        public var recipient: SparseMerkleAccess, recipientFields: Fields
        /// The target's code hash and storage root around the slot.
        public var code: Code = .none
    }

    /// One storage operation: an access to a contract's storage tree. `first` starts a slot's
    /// run of operations (its root before is the slot's storage root before), `last` ends it.
    public struct StorageOp: Sendable {
        /// Off for padding (a read of an empty tree, linked to nothing).
        public var active: Bool, first: Bool, last: Bool
        /// A deletion: `access` is then the insertion of the old value into the tree after.
        public var delete: Bool
        /// The access at the circuit's depth.
        public var access: SparseMerkleAccess

        /// The storage root before and after the operation.
        public var rootBefore: Fr { delete ? access.newRoot : access.oldRoot }
        public var rootAfter: Fr { delete ? access.oldRoot : access.newRoot }
    }

    /// Why a batch has no witness.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// More slots than the circuit has.
        case capacity(slots: Int, capacity: Int)
        /// More storage writes than the circuit has operations.
        case writes(count: Int, capacity: Int)
        /// The coinbase sends a transaction (see the type's comment).
        case coinbaseSends(slot: Int)
        /// A creation at an address that already has code, storage or a nonce.
        case createOver(slot: Int, Address)
        /// A failed transaction with storage writes.
        case failedWrites(slot: Int)
        /// A key cannot be laid out at the circuit's depth.
        case tree(slot: Int, SparseMerkleAccessError)

        public var description: String {
            switch self {
            case let .capacity(s, c): "batch has \(s) slots, the circuit \(c)"
            case let .writes(n, c): "batch has \(n) storage writes, the circuit \(c)"
            case let .coinbaseSends(s): "slot \(s): the coinbase sends a transaction, which the circuit's end-of-batch fee credit cannot order"
            case let .createOver(s, a): "slot \(s): a contract created at \(a), which already has code, storage or a nonce"
            case let .failedWrites(s): "slot \(s): a failed transaction with storage writes"
            case let .tree(s, e): "slot \(s): \(e)"
            }
        }
    }

    /// The state tree depth of the circuit (storage trees have the same).
    public var depth: Int
    /// The public inputs: the settlement contract's binding of the batch's other data, and
    /// the state roots before and after.
    public var binding: Fr, prevRoot: Fr, postRoot: Fr
    /// Exactly `capacity` slots, padding last.
    public var slots: [Slot]
    /// Exactly `writes` storage operations, padding last.
    public var ops: [StorageOp]
    /// The fee recipient, its access and its fields before it.
    public var coinbase: Address
    public var coinbaseAccess: SparseMerkleAccess, coinbaseFields: Fields
    /// Σ gasUsed × (gasPrice − baseFee) over the transactions.
    public var fees: Fr

    /// Runs `slots` over `state` for a circuit of `capacity` slots and `writes` storage
    /// operations at tree `depth`. The post root is the one the run reaches unless
    /// `claimedPostRoot` says otherwise, and the prev root likewise (the claimed roots are what
    /// the settlement contract binds).
    public static func generate(state: WorldState, slots: [BatchSlot], coinbase: Address, depth: Int, capacity: Int,
                                writes: Int = 0, binding: Fr = .zero, claimedPrevRoot: Fr? = nil,
                                claimedPostRoot: Fr? = nil) throws(Failure) -> BatchWitness {
        guard slots.count <= capacity else { throw .capacity(slots: slots.count, capacity: capacity) }
        let writeCount = slots.reduce(0) { $0 + $1.storageWrites.count }
        guard writeCount <= writes else { throw .writes(count: writeCount, capacity: writes) }
        var tree = SparseMerkleTree()
        var fields: [Address: Fields] = [:]
        var codeHashes: [Address: Fr] = [:]
        var storage: [Address: SparseMerkleTree] = [:]
        for (address, account) in state.accounts {
            let slotsTree = StateCommitment.storageTree(account.storage)
            if !account.storage.isEmpty { storage[address] = slotsTree }
            if !account.code.isEmpty { codeHashes[address] = codeHashScalar(account.code.hash) }
            let f = Fields(nonce: Fr(account.nonce), balance: StateCommitment.scalar(account.balance),
                           codeStorage: StateCommitment.codeStorage(codeHash: account.code.hash, storageRoot: slotsTree.root))
            fields[address] = f
            tree.update(StateCommitment.accountKey(address), f.leafValue)
        }
        let prevRoot = tree.root
        var out: [Slot] = []
        var ops: [StorageOp] = []
        var fees = Fr.zero
        func access(_ i: Int, _ a: Address, _ write: Fr?) throws(Failure) -> SparseMerkleAccess {
            do { return try tree.access(StateCommitment.accountKey(a), write: write, depth: depth) } catch { throw .tree(slot: i, error) }
        }
        /// Credits `amount` to `a` (creating it unless the amount is zero, as EIP-161 has it).
        func credit(_ i: Int, _ a: Address, _ amount: Fr) throws(Failure) -> (SparseMerkleAccess, Fields) {
            let before = fields[a] ?? .absent
            guard fields[a] != nil || !amount.isZero else { return (try access(i, a, nil), before) }
            var after = before
            after.balance += amount
            let acc = try access(i, a, after.leafValue)
            fields[a] = after
            return (acc, before)
        }
        /// Debits the sender of transaction `s`: nonce + 1, the value moved and the fee.
        func debit(_ i: Int, _ s: BatchSlot) throws(Failure) -> (SparseMerkleAccess, Fields) {
            if s.from == coinbase { throw .coinbaseSends(slot: i) }
            let before = fields[s.from] ?? .absent
            var after = before
            after.nonce += .one
            let moved = s.success ? StateCommitment.scalar(s.value) : .zero
            after.balance -= moved + Fr(s.gasUsed) * StateCommitment.scalar(s.gasPrice)
            let acc = try access(i, s.from, after.leafValue)
            fields[s.from] = after
            fees += Fr(s.gasUsed) * (StateCommitment.scalar(s.gasPrice) - StateCommitment.scalar(s.baseFee))
            return (acc, before)
        }
        /// Applies a call's or creation's storage writes to its target's storage tree.
        func write(_ i: Int, _ a: Address, _ w: [BatchSlot.StorageWrite]) throws(Failure) {
            var t = storage[a] ?? SparseMerkleTree()
            for (j, x) in w.enumerated() {
                let key = StateCommitment.storageKey(x.slot)
                let delete = x.value.isZero
                // A deletion is the insertion of the old value into the tree without it; clearing
                // an absent slot changes nothing, and the trace never lists one.
                let old = t.value(of: key)
                if delete && old == nil { throw .tree(slot: i, .deletion(key: key)) }
                if delete { t.update(key, .zero) }
                let access: SparseMerkleAccess
                do {
                    if delete {
                        var undo = t   // the insertion is laid out on a copy, never applied
                        access = try undo.access(key, write: old!, depth: depth)
                    } else {
                        access = try t.access(key, write: StateCommitment.storageValue(x.value), depth: depth)
                    }
                } catch { throw .tree(slot: i, error) }
                ops.append(StorageOp(active: true, first: j == 0, last: j == w.count - 1, delete: delete, access: access))
            }
            storage[a] = t.root.isZero ? nil : t
        }
        for (i, s) in slots.enumerated() {
            switch s.kind {
            case .transfer:
                let (sender, sf) = try debit(i, s)
                let (recipient, rf) = try credit(i, s.to, StateCommitment.scalar(s.value))
                out.append(Slot(slot: s, sender: sender, senderFields: sf, recipient: recipient, recipientFields: rf))
            case .deposit:
                let read = try access(i, s.to, nil)
                let (recipient, rf) = try credit(i, s.to, StateCommitment.scalar(s.value))
                out.append(Slot(slot: s, sender: read, senderFields: .absent, recipient: recipient, recipientFields: rf))
            case .call, .create:
                if !s.success && !s.storageWrites.isEmpty { throw .failedWrites(slot: i) }
                let (sender, sf) = try debit(i, s)
                let before = fields[s.to] ?? .absent
                let creates = s.kind == .create && s.success
                if creates && (before.codeStorage != StateCommitment.externallyOwned || !before.nonce.isZero) {
                    throw .createOver(slot: i, s.to)
                }
                var code = Code(codeHashBefore: codeHashes[s.to] ?? emptyCodeHash, storageRootBefore: storage[s.to]?.root ?? .zero,
                                codeHashAfter: .zero, storageRootAfter: .zero, hasWrites: !s.storageWrites.isEmpty)
                try write(i, s.to, s.storageWrites)
                code.codeHashAfter = creates ? codeHashScalar(s.codeHash ?? EVM.Code.empty.hash) : code.codeHashBefore
                code.storageRootAfter = storage[s.to]?.root ?? .zero
                if creates { codeHashes[s.to] = code.codeHashAfter }
                let moved = s.success ? StateCommitment.scalar(s.value) : .zero
                let changesCode = creates || code.hasWrites
                var after = before
                after.balance += moved
                if creates { after.nonce += .one }
                if changesCode { after.codeStorage = Poseidon.hash(code.codeHashAfter, code.storageRootAfter) }
                let writes = fields[s.to] != nil || !moved.isZero || changesCode
                let recipient = try access(i, s.to, writes ? after.leafValue : nil)
                if writes { fields[s.to] = after }
                out.append(Slot(slot: s, sender: sender, senderFields: sf, recipient: recipient, recipientFields: before, code: code))
            }
        }
        for i in slots.count..<capacity {
            let read = try access(i, .zero, nil)
            out.append(Slot(slot: nil, sender: read, senderFields: .absent, recipient: read, recipientFields: fields[.zero] ?? .absent))
        }
        var empty = SparseMerkleTree()
        let padding = try! empty.access(.zero, write: nil, depth: depth)
        while ops.count < writes { ops.append(StorageOp(active: false, first: false, last: false, delete: false, access: padding)) }
        let (cb, cf) = try credit(capacity, coinbase, fees)
        return BatchWitness(depth: depth, binding: binding, prevRoot: claimedPrevRoot ?? prevRoot,
                            postRoot: claimedPostRoot ?? tree.root, slots: out, ops: ops, coinbase: coinbase,
                            coinbaseAccess: cb, coinbaseFields: cf, fees: fees)
    }
}
