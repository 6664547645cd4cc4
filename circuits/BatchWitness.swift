import BN254
import EVM
import State

/// Everything the batch circuit's assignment is made of, computed natively by running the
/// batch's slots over the state tree in the circuit's own order: per slot the sender's access
/// (debit of value and fee, nonce + 1) and the recipient's (credit), then once per batch the
/// coinbase's credit of every priority fee. Fees are credited at the end rather than per
/// transaction (as the EVM does): the coinbase's final balance is the same, and the circuit
/// pays one access for it instead of one per transaction; a batch in which the coinbase sends
/// a transaction is refused, since its balance in between would differ.
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

    /// One slot: the transition (nil for padding) and its two accesses.
    public struct Slot: Sendable {
        /// The transition, or nil for a padding slot (two reads, no change).
        public var slot: BatchSlot?
        /// The sender's access (a read for deposits and padding) and fields before it.
        public var sender: SparseMerkleAccess, senderFields: Fields
        /// The recipient's access and fields before it.
        public var recipient: SparseMerkleAccess, recipientFields: Fields
    }

    /// Why a batch has no witness.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// More slots than the circuit has.
        case capacity(slots: Int, capacity: Int)
        /// The coinbase sends a transaction (see the type's comment).
        case coinbaseSends(slot: Int)
        /// A key cannot be laid out at the circuit's depth.
        case tree(slot: Int, SparseMerkleAccessError)

        public var description: String {
            switch self {
            case let .capacity(s, c): "batch has \(s) slots, the circuit \(c)"
            case let .coinbaseSends(s): "slot \(s): the coinbase sends a transaction, which the circuit's end-of-batch fee credit cannot order"
            case let .tree(s, e): "slot \(s): \(e)"
            }
        }
    }

    /// The state tree depth of the circuit.
    public var depth: Int
    /// The public inputs: the settlement contract's binding of the batch's other data, and
    /// the state roots before and after.
    public var binding: Fr, prevRoot: Fr, postRoot: Fr
    /// Exactly `capacity` slots, padding last.
    public var slots: [Slot]
    /// The fee recipient, its access and its fields before it.
    public var coinbase: Address
    public var coinbaseAccess: SparseMerkleAccess, coinbaseFields: Fields
    /// Σ gasUsed × (gasPrice − baseFee) over the transfers.
    public var fees: Fr

    /// Runs `slots` over `state` for a circuit of `capacity` slots at tree `depth`. The post
    /// root is the one the run reaches unless `claimedPostRoot` says otherwise, and the prev
    /// root likewise (the claimed roots are what the settlement contract binds).
    public static func generate(state: WorldState, slots: [BatchSlot], coinbase: Address, depth: Int, capacity: Int,
                                binding: Fr = .zero, claimedPrevRoot: Fr? = nil, claimedPostRoot: Fr? = nil) throws(Failure) -> BatchWitness {
        guard slots.count <= capacity else { throw .capacity(slots: slots.count, capacity: capacity) }
        var tree = SparseMerkleTree()
        var fields: [Address: Fields] = [:]
        for (address, account) in state.accounts {
            let f = Fields(nonce: Fr(account.nonce), balance: StateCommitment.scalar(account.balance),
                           codeStorage: StateCommitment.codeStorage(codeHash: account.code.hash,
                                                                    storageRoot: StateCommitment.storageTree(account.storage).root))
            fields[address] = f
            tree.update(StateCommitment.accountKey(address), f.leafValue)
        }
        let prevRoot = tree.root
        var out: [Slot] = []
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
        for (i, s) in slots.enumerated() {
            switch s.kind {
            case .transfer:
                if s.from == coinbase { throw .coinbaseSends(slot: i) }
                let before = fields[s.from] ?? .absent
                var after = before
                after.nonce += .one
                after.balance -= StateCommitment.scalar(s.value) + Fr(s.gasUsed) * StateCommitment.scalar(s.gasPrice)
                let sender = try access(i, s.from, after.leafValue)
                fields[s.from] = after
                let (recipient, rf) = try credit(i, s.to, StateCommitment.scalar(s.value))
                out.append(Slot(slot: s, sender: sender, senderFields: before, recipient: recipient, recipientFields: rf))
                fees += Fr(s.gasUsed) * (StateCommitment.scalar(s.gasPrice) - StateCommitment.scalar(s.baseFee))
            case .deposit:
                let read = try access(i, s.to, nil)
                let (recipient, rf) = try credit(i, s.to, StateCommitment.scalar(s.value))
                out.append(Slot(slot: s, sender: read, senderFields: .absent, recipient: recipient, recipientFields: rf))
            }
        }
        for i in slots.count..<capacity {
            let read = try access(i, .zero, nil)
            out.append(Slot(slot: nil, sender: read, senderFields: .absent, recipient: read, recipientFields: fields[.zero] ?? .absent))
        }
        let (cb, cf) = try credit(capacity, coinbase, fees)
        return BatchWitness(depth: depth, binding: binding, prevRoot: claimedPrevRoot ?? prevRoot,
                            postRoot: claimedPostRoot ?? tree.root, slots: out, coinbase: coinbase,
                            coinbaseAccess: cb, coinbaseFields: cf, fees: fees)
    }
}
