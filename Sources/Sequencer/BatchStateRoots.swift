import EVM
import State

/// The Poseidon state roots of batches (chain v2's state root, `StateTree`), kept by the block
/// producer: each block's changes are merged into the open batch's, and when a batch seals they
/// are applied to the tree at once, so an account touched by a thousand transactions of the
/// batch is hashed into the tree once. Block headers keep Ethereum's Merkle-Patricia root for
/// Ethereum tooling; the batch roots are what v1 stores and the batch circuit proves.
///
/// Used only under the producer's lock. If a block's commit fails after its root was taken,
/// `invalidate()` drops the tree, and the next seal rebuilds it from the state.
struct BatchStateRoots {
    private var tree: StateTree?
    private var pending: [Address: StateChanges.AccountChange] = [:]

    /// The root of a whole state (batch 0's, or when nothing is tracked).
    static func root(of state: WorldState) -> UInt256 { UInt256(bigEndianAt: StateTree(state).root.bigEndianBytes) }

    /// Merges a committed block's changes into the open batch's.
    mutating func record(_ changes: StateChanges) {
        pending = Self.merged(pending, changes)
    }

    /// The root after the open batch plus `changes` (a block not yet committed; nil: none),
    /// where `state` is the state at that point; the open batch's changes are then consumed.
    mutating func seal(adding changes: StateChanges?, state: WorldState) -> UInt256 {
        let all = changes.map { Self.merged(pending, $0) } ?? pending
        pending = [:]
        if tree == nil {
            tree = StateTree(state)
        } else {
            for (address, c) in all {
                tree!.update(address, account: c.account, storageWrites: c.storageWrites, clearsStorage: c.clearsStorage)
            }
        }
        return UInt256(bigEndianAt: tree!.root.bigEndianBytes)
    }

    /// Forgets the tree (a commit failed after `seal`): the next seal rebuilds it.
    mutating func invalidate() {
        tree = nil
        pending = [:]
    }

    static func merged(_ base: [Address: StateChanges.AccountChange], _ changes: StateChanges) -> [Address: StateChanges.AccountChange] {
        var out = base
        for (address, c) in changes.accounts {
            if var e = out[address], !c.clearsStorage, c.account != nil {
                e.account = c.account
                e.storageWrites.merge(c.storageWrites) { _, new in new }
                out[address] = e
            } else {
                out[address] = c
            }
        }
        return out
    }
}
