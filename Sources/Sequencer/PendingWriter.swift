import EVM
import Foundation

/// Group commit of acknowledged transactions: callers wait until their pending row is durable;
/// all rows that arrive while a commit is in flight go into the next commit together.
///
/// With `synchronous=FULL` every commit costs an fsync; grouping makes it one fsync per group
/// instead of per transaction, so throughput rises with concurrency while each acknowledgement
/// still means "on disk". Commits run on a private serial queue, off Swift's cooperative pool.
final class PendingWriter: @unchecked Sendable {
    struct Item {
        var hash: UInt256
        var raw: [UInt8]
        var removing: [UInt256]
        var continuation: CheckedContinuation<Void, any Error>
    }

    let store: any ChainStore
    let lock = NSLock()
    var queued: [Item] = []
    var flushing = false
    let queue = DispatchQueue(label: "zkrollup.pending-writer")

    init(store: any ChainStore) { self.store = store }

    /// Returns once (hash, raw) is in the pending table and `removing` is deleted from it.
    func persist(hash: UInt256, raw: [UInt8], removing: [UInt256]) async throws {
        try await withCheckedThrowingContinuation { (c: CheckedContinuation<Void, any Error>) in
            lock.lock()
            queued.append(Item(hash: hash, raw: raw, removing: removing, continuation: c))
            let start = !flushing
            flushing = true
            lock.unlock()
            if start { queue.async { self.flushLoop() } }
        }
    }

    func flushLoop() {
        while true {
            lock.lock()
            let items = queued
            queued = []
            if items.isEmpty { flushing = false; lock.unlock(); return }
            lock.unlock()
            do {
                try store.insertPending(items.map { ($0.hash, $0.raw) })
                let removing = items.flatMap(\.removing)
                if !removing.isEmpty { try store.deletePending(removing) }
                for i in items { i.continuation.resume() }
            } catch {
                for i in items { i.continuation.resume(throwing: error) }
            }
        }
    }
}
