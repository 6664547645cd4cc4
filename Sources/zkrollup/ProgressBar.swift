import Foundation

/// A one-line progress bar on stderr: phase, percent, elapsed time and ETA.
/// Redraws in place on a terminal; on a pipe it prints one line per phase so
/// logs stay readable.
final class ProgressBar: @unchecked Sendable {
    private let start = DispatchTime.now()
    private let isTerminal = isatty(2) != 0
    private var lastPhase = ""
    private let lock = NSLock()
    /// Where the ETA is extrapolated from: (seconds elapsed, fraction done) at the last `restartETA`.
    private var etaOrigin = (seconds: 0.0, fraction: 0.0)

    /// Seconds since the bar was created.
    var elapsed: Double { Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9 }

    /// Shows `phase` at `fraction` (0…1) of the whole job.
    func update(phase: String, fraction: Double) {
        lock.lock(); defer { lock.unlock() }
        let f = min(max(fraction, 0), 1)
        let width = 30
        let filled = Int((f * Double(width)).rounded(.down))
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let t = elapsed
        let done = f - etaOrigin.fraction, spent = t - etaOrigin.seconds
        let eta = done > 0.01 ? String(format: "%.1fs", spent / done * (1 - f)) : "?"
        let line = String(format: "[%@] %3.0f%% %@  elapsed %.1fs  ETA %@", bar, f * 100, phase, t, eta)
        if isTerminal {
            printError("\r\u{1B}[2K" + line, terminator: "")
        } else if phase != lastPhase {
            printError(line)
        }
        lastPhase = phase
    }

    /// Extrapolates the ETA from now on only: a phase whose pace says nothing about the rest
    /// (preprocessing before the prover's rounds) no longer skews it.
    func restartETA(at fraction: Double) {
        lock.lock(); defer { lock.unlock() }
        etaOrigin = (elapsed, min(max(fraction, 0), 1))
    }

    /// Runs `body` as the job's measured part, its ETA counted from `fraction`: on success the
    /// bar shows done and ends, and the seconds `body` took come back; on failure the bar ends
    /// and `failure` says what to throw.
    func measure<T>(from fraction: Double, failure: (any Error) -> CLIError, _ body: () throws -> T) throws -> (T, seconds: Double) {
        let started = elapsed
        restartETA(at: fraction)
        let value: T
        do { value = try body() } catch {
            finish()
            throw failure(error)
        }
        let seconds = elapsed - started
        update(phase: "done", fraction: 1)
        finish()
        return (value, seconds)
    }

    /// Ends the bar's line.
    func finish() {
        lock.lock(); defer { lock.unlock() }
        if isTerminal { printError("") }
    }
}
