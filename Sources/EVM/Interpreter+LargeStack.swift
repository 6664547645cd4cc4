import Foundation

extension Interpreter {
    /// Runs `body` on a thread with a 256 MiB stack and waits for it: call frames nest through
    /// Swift recursion, and 1024 of them need more than a default thread stack.
    /// The caller blocks until `body` returns, so `body` needs not be `Sendable`.
    public static func withLargeStack<T>(_ body: @escaping () -> T) -> T {
        let box = LargeStackBox<T>(body)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.value = box.body()
            done.signal()
        }
        thread.stackSize = 256 << 20
        thread.start()
        done.wait()
        return box.value!
    }
}

/// Carries a result out of the large-stack thread: written once there, read after the semaphore.
final class LargeStackBox<T>: @unchecked Sendable {
    let body: () -> T
    var value: T?
    init(_ body: @escaping () -> T) { self.body = body }
}
