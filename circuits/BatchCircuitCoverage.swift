/// What the batch circuit constrains and what it does not, by name: the list behind
/// `zkrollup circuit coverage` and the README's Soundness section (a test keeps the two equal).
///
/// A proof shows only what is constrained. Everything below that is not constrained is, for now,
/// trusted to the sequencer: a proof accepted on v1 says nothing about it. Entries turn to
/// constrained as the batch circuit (`BatchCircuit`) grows; a contract deployed with the
/// settlement stub's key (the dev default) constrains none of them.
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
        Item(name: "nonce and balance checks", constrained: true, note: "transfers: the sender's nonce is the transaction's and goes up by one; its balance covers value + gas limit × fee cap; every amount is range-checked"),
        Item(name: "fee debit and sequencer credit", constrained: true, note: "transfers: gas used (= 21000) × gas price debited, base fee ≤ price ≤ cap; Σ gas × (price − base fee) credited to the coinbase once per batch"),
        Item(name: "value transfers", constrained: true, note: "value moved from sender to recipient, both without code; an absent recipient is created only for a non-zero value (EIP-161)"),
        Item(name: "EVM opcode semantics", constrained: false, note: "contract calls and creations: the witness generator refuses a batch that has one, so no proof claims them yet"),
        Item(name: "Keccak", constrained: false, note: "KECCAK256, code hashes, the data hash, the message-queue hash, the withdraw tree and the public input's binding hash"),
        Item(name: "the state-tree updates", constrained: true, note: "every account write of a slot applied to the Poseidon state tree (depth 32) in order, with canonical inserts; prev and post roots are public inputs"),
        Item(name: "deposit credits", constrained: true, note: "each deposit slot credits its amount to its recipient"),
        Item(name: "deposits match the message queue", constrained: false, note: "that the deposit slots are the queued L1 messages, in order, up to the batch's message-queue hash (a Keccak chain)"),
        Item(name: "withdrawals", constrained: false, note: "the batch's withdraw tree built from its transactions to the bridge (Keccak); the value sent to the bridge is a constrained transfer"),
        Item(name: "the binding of the data hash to the transactions", constrained: false, note: "that the slots (senders, recipients, amounts, gas, prices, coinbase) are the transactions the data hash commits"),
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
