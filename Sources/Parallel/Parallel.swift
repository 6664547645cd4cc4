import Dispatch

/// Chunked data parallelism for CPU kernels (MSM, NTT, quotient evaluation).
///
/// Kernels are synchronous: they split an index range into chunks whose sizes
/// differ by at most one and run them with `DispatchQueue.concurrentPerform`.
/// Results must never depend on the thread count; callers combine per-chunk
/// partials in chunk order.
public enum Parallel {
    /// Threads kernels use; defaults to the active processor count. The
    /// benchmark's `--threads` sets it. Reads and writes are not synchronised:
    /// set it once at start-up.
    nonisolated(unsafe) public static var threadCount: Int = ProcessInfo.processInfoActiveCount

    /// Splits `0..<count` into `min(threadCount, count / minChunk)` contiguous
    /// chunks (sizes differ by at most one) and calls `body(chunkIndex, range)`
    /// for each, concurrently when there is more than one.
    /// - Parameters:
    ///   - count: number of items.
    ///   - minChunk: the smallest chunk worth a thread; below it, runs serially.
    ///   - body: work on one chunk; must touch only its own range of shared buffers.
    public static func forEachChunk(count: Int, minChunk: Int = 1, _ body: @Sendable (Int, Range<Int>) -> Void) {
        let chunks = chunkCount(count: count, minChunk: minChunk)
        if chunks <= 1 {
            if count > 0 { body(0, 0..<count) }
            return
        }
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            body(c, chunkRange(c, of: chunks, count: count))
        }
    }

    /// Runs `body(i)` for i in 0..<iterations on up to `threadCount` threads.
    /// Worker w takes indices w, w + workers, …, so uneven tasks interleave.
    public static func forEach(_ iterations: Int, _ body: @Sendable (Int) -> Void) {
        let workers = min(threadCount, iterations)
        if workers <= 1 {
            for i in 0..<iterations { body(i) }
            return
        }
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            var i = w
            while i < iterations { body(i); i += workers }
        }
    }

    /// The number of chunks `forEachChunk` uses.
    public static func chunkCount(count: Int, minChunk: Int = 1) -> Int {
        max(1, min(threadCount, count / max(1, minChunk)))
    }

    /// The c-th of `chunks` balanced ranges over 0..<count.
    public static func chunkRange(_ c: Int, of chunks: Int, count: Int) -> Range<Int> {
        let base = count / chunks, extra = count % chunks
        let start = c * base + min(c, extra)
        return start..<(start + base + (c < extra ? 1 : 0))
    }
}

/// A buffer pointer that may cross into `concurrentPerform`'s closure.
///
/// Swift 6 rejects capturing `UnsafeMutableBufferPointer` in a `@Sendable`
/// closure. Kernels promise that each chunk writes a disjoint range, which the
/// compiler cannot see; this is the one place that promise is made.
public struct SendableBuffer<Element>: @unchecked Sendable {
    /// The wrapped buffer.
    public let buffer: UnsafeMutableBufferPointer<Element>
    /// Wraps `buffer`.
    public init(_ buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }
    /// Element access without bounds checks in release builds.
    @inlinable
    public subscript(i: Int) -> Element {
        get { buffer[i] }
        nonmutating set { buffer[i] = newValue }
    }
    /// Number of elements.
    @inlinable public var count: Int { buffer.count }
}

import Foundation

extension ProcessInfo {
    fileprivate static var processInfoActiveCount: Int { ProcessInfo.processInfo.activeProcessorCount }
}
