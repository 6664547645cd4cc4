import EVM

/// A tracer that collects what `TransactionEffect` needs while one transaction runs: the
/// storage slots written, by account, and the first instruction that can reach another account.
final class EffectWatch: Tracer {
    /// CALL, CALLCODE, CREATE, CREATE2, SELFDESTRUCT.
    static let escaping: [UInt8: String] = [0xf1: "CALL", 0xf2: "CALLCODE", 0xf0: "CREATE", 0xf5: "CREATE2", 0xff: "SELFDESTRUCT"]

    /// Slots written (SSTORE), by the account whose storage they are.
    private(set) var written: [Address: Set<UInt256>] = [:]
    /// The first escaping instruction, described.
    private(set) var escape: String?

    func step(_ step: TraceStep) {
        if escape == nil, let name = Self.escaping[step.opcode] {
            escape = "\(name) at depth \(step.depth) in \(step.address) (the circuit applies a transaction's effect on its sender and target only)"
        }
    }

    func storage(address: Address, slot: UInt256, value: UInt256, isWrite: Bool) {
        if isWrite { written[address, default: []].insert(slot) }
    }

    /// The effect on `target`, comparing its storage before with the state after.
    func effect(target: Address, before: [UInt256: UInt256], after: WorldState) -> TransactionEffect {
        var e = TransactionEffect(target: target, escape: escape)
        let now = after.accounts[target]?.storage ?? [:]
        for (address, slots) in written {
            if address != target {
                if e.escape == nil { e.escape = "a write to the storage of \(address), not the transaction's target" }
                continue
            }
            for s in slots where (before[s] ?? .zero) != (now[s] ?? .zero) { e.storageWrites[s] = now[s] ?? .zero }
        }
        return e
    }
}
