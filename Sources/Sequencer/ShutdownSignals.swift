#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Logging
import Synchronization

/// SIGTERM and SIGINT as a graceful shutdown that cannot be lost, with a deadline.
///
/// Why not swift-service-lifecycle's own signal handling: on Linux it rests on libdispatch's
/// signal sources, which read a signalfd and so only see a signal that every thread blocks. The
/// main thread of an async program parks in `sigsuspend` with an empty mask, so a signal the
/// kernel hands to it (or to any thread created before the source) is consumed there and the
/// source never fires. That race left `zkrollup sequencer` running after a SIGTERM until CI's
/// timeout killed the job. Here the handler is a plain `sigaction` that writes the signal's
/// number to a pipe (the self-pipe trick, async-signal-safe, whichever thread takes it), and one
/// thread of its own reads the pipe, so neither the thread the kernel picks nor a busy
/// cooperative pool can swallow it.
///
/// The first signal runs every registered shutdown (the HTTP server's graceful shutdown). A
/// second one, or `deadline` seconds without the process ending, exits at once with status 1
/// (geth does the same on repeated interrupts): every transaction the node acknowledged is
/// already durable in its store, so an exit here loses nothing acknowledged.
public final class ShutdownSignals: Sendable {
    public static let shared = ShutdownSignals()

    /// Seconds from the first signal to the forced exit.
    public static let deadline: Int32 = 30

    private struct State {
        var installed = false
        var next = 0
        var actions: [Int: @Sendable () -> Void] = [:]
        var logger = Logger(label: "zkrollup.shutdown")
    }
    private let state = Mutex(State())

    /// Runs `action` on the first SIGTERM or SIGINT while the returned token is held; call
    /// `remove` with it when the thing it stops has stopped.
    public func onSignal(logger: Logger, _ action: @escaping @Sendable () -> Void) -> Int {
        let (token, install) = state.withLock { s -> (Int, Bool) in
            s.next += 1
            s.actions[s.next] = action
            s.logger = logger
            defer { s.installed = true }
            return (s.next, !s.installed)
        }
        if install { self.install() }
        return token
    }

    public func remove(_ token: Int) {
        _ = state.withLock { $0.actions.removeValue(forKey: token) }
    }

    private func install() {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return }
        _ = fcntl(fds[1], F_SETFL, fcntl(fds[1], F_GETFL) | O_NONBLOCK)
        signalPipe.store(fds[1], ordering: .sequentiallyConsistent)
        for sig in [SIGTERM, SIGINT] {
            var action = sigaction()
            #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = writeSignal
            #else
            action.__sigaction_u.__sa_handler = writeSignal
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            sigaction(sig, &action, nil)
        }
        let reader = fds[0]
        let thread = Thread { self.watch(reader) }
        thread.name = "zkrollup-signals"
        thread.start()
    }

    private func watch(_ fd: Int32) {
        guard let first = Self.nextSignal(fd, timeoutMilliseconds: -1) else { return }
        let (actions, logger) = state.withLock { ($0.actions.values.map { $0 }, $0.logger) }
        let name = Self.name(first)
        logger.notice("\(name) received: shutting down (another signal, or \(Self.deadline) s, exits at once)")
        for action in actions { action() }
        if let second = Self.nextSignal(fd, timeoutMilliseconds: Self.deadline * 1000) {
            logger.warning("\(Self.name(second)) received while shutting down: exiting now")
        } else {
            logger.critical("still running \(Self.deadline) s after \(name): exiting now (acknowledged transactions are already durable)")
        }
        _exit(1)
    }

    /// The next signal number from the pipe; nil on timeout (or if the pipe fails).
    private static func nextSignal(_ fd: Int32, timeoutMilliseconds: Int32) -> Int32? {
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        while true {
            let ready = poll(&poller, 1, timeoutMilliseconds)
            if ready == 0 { return nil }
            if ready < 0 { if errno == EINTR { continue }; return nil }
            var byte: UInt8 = 0
            if read(fd, &byte, 1) == 1 { return Int32(byte) }
        }
    }

    private static func name(_ sig: Int32) -> String {
        switch sig {
        case SIGTERM: "SIGTERM"
        case SIGINT: "SIGINT"
        default: "signal \(sig)"
        }
    }
}

/// The write end of the signal pipe, read by the signal handler (an atomic: nothing else is
/// safe to touch there).
private let signalPipe = Atomic<Int32>(-1)

/// The signal handler: the signal's number, one byte, into the pipe (write is async-signal-safe).
private func writeSignal(_ sig: Int32) {
    var byte = UInt8(truncatingIfNeeded: sig)
    _ = write(signalPipe.load(ordering: .relaxed), &byte, 1)
}
