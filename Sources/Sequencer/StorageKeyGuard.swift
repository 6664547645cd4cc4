import BN254
import EVM
import State

/// `StateKeyGuard` for storage: keeps each contract's slots within what the batch circuit's
/// storage trees can hold. A storage tree has the circuit's depth D and a slot's key is
/// `H(slot.hi, slot.lo)` read from the least significant bit, so two slots of one contract whose
/// keys agree in their low D bits could never be proven together. Slots are chosen by the
/// contract's code from its callers' input (a token's `keccak(holder ‖ 1)`), so such a pair costs
/// an attacker about 2^(D/2) tries; the node drops the transaction that would write the second one
/// (at block building, where the writes are known) instead of sealing a batch that stops
/// finalization.
///
/// It records, per contract and low-D-bit value, the first slot that took it: every slot of the
/// state it starts from, then each slot a transaction it includes writes. Entries are never
/// removed (a cleared slot, or one written by a transaction that was then undone, stays), which can
/// only refuse another slot with the same low bits, which an honest contract meets by a 2^−D chance.
struct StorageKeyGuard: Sendable {
    /// The circuit's tree depth.
    let depth: Int
    private var owners: [Address: LowBitsClaims<UInt256>] = [:]

    init(depth: Int, state: WorldState) {
        precondition((1...63).contains(depth), "the guard covers depths 1…63")
        self.depth = depth
        for (address, account) in state.accounts {
            for slot in account.storage.keys.sorted() { _ = claim(address, slot) }
        }
    }

    /// Records `slot` of `contract` and returns nil, or returns the other slot of the contract
    /// whose key has the same low bits (then nothing is recorded).
    mutating func claim(_ contract: Address, _ slot: UInt256) -> UInt256? {
        let low = StateCommitment.storageKey(slot).canonicalLimbs.0 & ((1 << UInt64(depth)) - 1)
        return owners[contract, default: LowBitsClaims()].claim(low, by: slot)
    }

    /// Claims every non-zero slot `writes` sets; the reason a batch could not hold them, or nil.
    mutating func admit(_ contract: Address, _ writes: [UInt256: UInt256]) -> String? {
        for (slot, value) in writes.sorted(by: { $0.key < $1.key }) where !value.isZero {
            if let other = claim(contract, slot) {
                return "storage slot \(Hex.encode(word: slot)) of \(contract), whose storage-tree key shares its low \(depth) bits with slot \(Hex.encode(word: other))'s (the circuit's storage trees have depth \(depth))"
            }
        }
        return nil
    }
}
