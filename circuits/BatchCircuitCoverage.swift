/// What the batch circuit constrains and what it does not, by name: the list behind
/// `zkrollup circuit coverage` and the README's Soundness section (a test keeps the two equal).
///
/// A proof shows only what is constrained. Everything below that is not constrained is, for now,
/// trusted to the sequencer: a proof accepted on v1 says nothing about it. The batch-circuit issue
/// turns entries to constrained one by one; until the batch circuit exists, every entry is open
/// and batches are finalized on the dev chain with the settlement stub, which constrains none.
public enum BatchCircuitCoverage {
    /// One part of chain v2's semantics.
    public struct Item: Sendable, Equatable {
        /// Its name, as the README's Soundness section spells it.
        public var name: String
        /// Whether the batch circuit constrains it.
        public var constrained: Bool
        /// What it covers, and where it stands.
        public var note: String
    }

    /// The items, in the order of the state transition.
    public static let items: [Item] = [
        Item(name: "ECDSA sender recovery", constrained: false, note: "the sender of each transaction is taken from the sequencer"),
        Item(name: "nonce and balance checks", constrained: false, note: "nonce = account nonce, balance ≥ value + gas × price"),
        Item(name: "fee debit and sequencer credit", constrained: false, note: "gas × price debited, fees credited to the coinbase"),
        Item(name: "value transfers", constrained: false, note: "value moved from sender to recipient"),
        Item(name: "EVM opcode semantics", constrained: false, note: "execution of contract calls and creations"),
        Item(name: "Keccak", constrained: false, note: "KECCAK256, code hashes, the data hash"),
        Item(name: "the state-tree updates", constrained: false, note: "every account and storage write applied to the Poseidon state tree"),
        Item(name: "deposits", constrained: false, note: "queued L1 messages credited in order up to the batch's message-queue hash"),
        Item(name: "withdrawals", constrained: false, note: "the batch's withdraw tree built from its transactions to the bridge"),
        Item(name: "the binding of the data hash to the transactions", constrained: false, note: "the data hash commits exactly the transactions the circuit processed"),
    ]

    /// The report `zkrollup circuit coverage` prints.
    public static var report: String {
        let open = items.filter { !$0.constrained }.count
        var lines = ["batch circuit coverage: \(items.count - open) of \(items.count) constrained"]
        for i in items {
            lines.append("\(i.constrained ? "constrained    " : "NOT constrained") \(i.name): \(i.note)")
        }
        if open > 0 { lines.append("a proof says nothing about the \(open) parts NOT constrained: they are trusted to the sequencer") }
        return lines.joined(separator: "\n")
    }
}
