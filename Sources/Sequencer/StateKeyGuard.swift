import EVM

/// Keeps a proving node's accounts within what the batch circuit's state tree can hold. The
/// circuit's tree has a fixed depth D and an account's key is its address read from the least
/// significant bit, so two accounts whose addresses agree in their low D bits need a path longer
/// than D: the batch creating the second one could never be proven, and the chain would stop
/// finalizing. Anyone can send to any 20-byte address, so such a pair costs an attacker nothing
/// to make; the node refuses the transfer that would create the second account instead.
///
/// It records, per low-D-bit value, the first address that took it: every account of the state
/// it starts from, then each recipient it admits and each deposit's recipient. Entries are never
/// removed (a refused or dropped transaction leaves its recipient recorded), which can only
/// refuse another address of the same low bits — never one an honest wallet will meet except by
/// a 2^−D chance.
struct StateKeyGuard: Sendable {
    /// The circuit's state tree depth.
    let depth: Int
    private var owners = LowBitsClaims<Address>()

    init(depth: Int, accounts: some Sequence<Address>) {
        precondition((1...63).contains(depth), "the guard covers depths 1…63")
        self.depth = depth
        for a in accounts { _ = claim(a) }
    }

    /// The low `depth` bits of `address`'s state-tree key.
    func slot(_ address: Address) -> UInt64 {
        let b = address.bytes
        var low: UInt64 = 0
        for i in (b.count - 8)..<b.count { low = low << 8 | UInt64(b[i]) }
        return low & ((1 << UInt64(depth)) - 1)
    }

    /// Records `address` and returns nil, or returns the other address that already has its
    /// low bits (then nothing is recorded).
    mutating func claim(_ address: Address) -> Address? {
        owners.claim(slot(address), by: address)
    }
}
