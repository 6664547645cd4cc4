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
        Item(name: "nonce and balance checks", constrained: true, note: "every transaction (transfer, call, creation): the sender's nonce is the transaction's and goes up by one; its balance covers value + gas limit × fee cap; every amount is range-checked"),
        Item(name: "fee debit and sequencer credit", constrained: true, note: "gas used × gas price debited, base fee ≤ price ≤ cap, gas used ≤ gas limit (= 21000 for a transfer, ≥ 21000 for a call or creation); Σ gas × (price − base fee) credited to the coinbase once per batch"),
        Item(name: "value transfers", constrained: true, note: "value moved from sender to target when the transaction succeeds (a transfer always, to an account without code); an absent target is created only for a non-zero value or new code (EIP-161)"),
        Item(name: "storage writes", constrained: true, note: "each call's or creation's changed slots applied to its contract's Poseidon storage tree (depth 32) in order, inserts, updates and deletions, and the contract's leaf moved to the new storage root; a creation gives a fresh account nonce 1 and its code hash"),
        Item(name: "EVM opcode semantics", constrained: false, note: "calls and creations: which slots change and to what, the gas used, success, the created code are the trace's; the sequencer refuses code that reaches another account (CALL, CALLCODE, CREATE, CREATE2, SELFDESTRUCT)"),
        Item(name: "Keccak", constrained: false, note: "KECCAK256, code hashes, created contract addresses, the data hash, the message-queue hash, the withdraw tree and the public input's binding hash"),
        Item(name: "the state-tree updates", constrained: true, note: "every account write of a slot applied to the Poseidon state tree (depth 32) in order, with canonical inserts; prev and post roots are public inputs"),
        Item(name: "deposit credits", constrained: true, note: "each deposit slot credits its amount to its recipient"),
        Item(name: "deposits match the message queue", constrained: false, note: "that the deposit slots are the queued L1 messages, in order, up to the batch's message-queue hash (a Keccak chain)"),
        Item(name: "withdrawals", constrained: false, note: "the batch's withdraw tree built from its transactions to the bridge (Keccak); the value sent to the bridge is a constrained transfer"),
        Item(name: "the binding of the data hash to the transactions", constrained: false, note: "that the slots (senders, targets, amounts, gas, prices, storage writes, coinbase) are the transactions the data hash commits"),
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
