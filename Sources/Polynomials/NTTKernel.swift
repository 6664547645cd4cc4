import BN254
import Dispatch
import Parallel
import Synchronization

/// The radix-2 butterfly network behind `Domain`'s transforms: the drivers and
/// their schedule. The butterfly loops are in `NTTKernel+Forward.swift` and
/// `NTTKernel+Inverse.swift`.
///
/// Both directions walk the "CRT tree" of Xⁿ − 1 (Bernstein, "Fast
/// multiplication and its applications", 2008, §2): a block of 2h values
/// holding p mod (X²ʰ − c²) splits into p mod (Xʰ − c) and p mod (Xʰ + c) by
/// the Cooley–Tukey butterfly (lo, hi) → (lo + c·hi, lo − c·hi). Block k of a
/// stage with m blocks has c = ω^(bitrev(k)) = T[k] (bit reversal over
/// log₂(n/2) bits), so every stage reads a prefix of one table, one twiddle per
/// block, in order. The leaves end up holding p(ω^(bitrev(i))): natural order in,
/// bit-reversed order out. The inverse runs the tree upwards with the
/// Gentleman–Sande butterfly (u, v) → (u + v, (u − v)·c⁻¹), bit-reversed in,
/// natural out, and the factor 2 each stage leaves is removed by n⁻¹ folded
/// into the last stage.
///
/// Schedule: first a few "breadth" passes over the whole array, until it
/// splits into `blocks` independent blocks; then each block is finished depth
/// first, so it stays in cache through its remaining stages (the inverse runs
/// the same steps mirrored). Passes do two stages at once where they can
/// (radix-2², four values per step), halving the trips through memory. With
/// several threads, a breadth pass is cut into tasks and the blocks are tasks;
/// threads take the next task as they finish one, so an uneven share of the
/// CPU (a shared machine) costs little. Everything is exact field
/// arithmetic, so no schedule changes the result.
enum _NTTKernel {
    /// Blocks up to this many elements (32 KiB) run their remaining stages
    /// stage by stage; larger ones do two stages and recurse on their quarters.
    static let leafSize = 1 << 10

    /// Transforms `a` (n = 2^logN values) into p(ω^(bitrev(i))). The coset
    /// variant scales coefficient i by gⁱ first, fused into the first pass.
    static func forward(_ a: UnsafeMutableBufferPointer<Fr>, logN: Int, twiddles: _Twiddles, coset: Fr?) {
        let n = 1 << logN
        precondition(a.count == n, "NTT input must have exactly the domain's size")
        if n == 1 { return }
        let (parallel, blocks) = plan(n)
        let buf = SendableBuffer(a)
        let stages = blocks.trailingZeroBitCount

        // The first pass holds the stage with one block and, for an even
        // number of breadth stages, the next one too.
        var m: Int
        if stages % 2 == 0 {
            let logQ = logN - 2
            chunked(n >> 2, parallel) { range in
                twiddles.withReader { tw in
                    if let g = coset {
                        firstPairCosetCT(buf.buffer.baseAddress!, logQ: logQ, range: range, g: g, tw: tw)
                    } else {
                        pairCT(buf.buffer.baseAddress!, logQ: logQ, range: range, tw: tw)
                    }
                }
            }
            m = 4
        } else {
            let h = n >> 1
            chunked(h, parallel) { range in
                if let g = coset {
                    firstStageCosetCT(buf.buffer.baseAddress!, h: h, range: range, g: g)
                } else {
                    unitButterfliesCT(buf.buffer.baseAddress!, h: h, range.lowerBound, range.upperBound)
                }
            }
            m = 2
        }
        while m < blocks {
            let logQ = logN - 2 - m.trailingZeroBitCount
            chunked(n >> 2, parallel) { range in
                twiddles.withReader { tw in pairCT(buf.buffer.baseAddress!, logQ: logQ, range: range, tw: tw) }
            }
            m <<= 2
        }
        let size = n / blocks
        if size > 1 {
            each(blocks, parallel) { k in
                twiddles.withReader { tw in blockCT(buf.buffer.baseAddress! + k * size, size: size, k: k, tw: tw) }
            }
        }
    }

    /// Inverts `forward`: from p(ω^(bitrev(i))) back to coefficients, each
    /// multiplied by `scale` (n⁻¹) and, for a coset, by g⁻ⁱ, fused into the
    /// last pass. `twiddles` must hold the powers of ω⁻¹.
    static func inverse(_ a: UnsafeMutableBufferPointer<Fr>, logN: Int, twiddles: _Twiddles, scale: Fr, cosetInverse: Fr?) {
        let n = 1 << logN
        precondition(a.count == n, "NTT input must have exactly the domain's size")
        if n == 1 { return }
        let (parallel, blocks) = plan(n)
        let buf = SendableBuffer(a)
        let stages = blocks.trailingZeroBitCount

        let size = n / blocks
        if size > 1 {
            each(blocks, parallel) { k in
                twiddles.withReader { tw in blockGS(buf.buffer.baseAddress! + k * size, size: size, k: k, tw: tw) }
            }
        }
        // Pairs of stages downwards; the last pass holds the one-block stage
        // and the scaling, paired with the stage before it when `stages` is even.
        var m = blocks >> 1
        if stages % 2 == 1 && m > 1 {
            let logH = logN - 1 - m.trailingZeroBitCount
            chunked(n >> 1, parallel) { range in
                twiddles.withReader { tw in stageGS(buf.buffer.baseAddress!, logH: logH, range: range, tw: tw) }
            }
            m >>= 1
        }
        while m > 2 {
            // Stages m and m/2, as a pair over blocks of the coarser level.
            let logQ = logN - 1 - m.trailingZeroBitCount
            chunked(n >> 2, parallel) { range in
                twiddles.withReader { tw in pairGS(buf.buffer.baseAddress!, logQ: logQ, range: range, tw: tw) }
            }
            m >>= 2
        }
        if m == 2 {
            let logQ = logN - 2
            chunked(n >> 2, parallel) { range in
                twiddles.withReader { tw in
                    lastPairGS(buf.buffer.baseAddress!, logQ: logQ, range: range, tw: tw, scale: scale, cosetInverse: cosetInverse)
                }
            }
        } else {
            let h = n >> 1
            chunked(h, parallel) { range in
                if let gi = cosetInverse {
                    lastStageCosetGS(buf.buffer.baseAddress!, h: h, range: range, scale: scale, gInverse: gi)
                } else {
                    lastStageGS(buf.buffer.baseAddress!, h: h, range: range, scale: scale)
                }
            }
        }
    }

    // MARK: - Scheduling

    /// Whether a transform of n values runs on several threads, and into how
    /// many independent blocks its breadth passes split it (a power of two,
    /// 2 ≤ blocks ≤ n): 4 on one thread; with several, at least 8 per thread,
    /// so that threads that get less CPU time (the machine is shared) finish
    /// fewer blocks rather than hold up the others.
    static func plan(_ n: Int) -> (parallel: Bool, blocks: Int) {
        let threads = Parallel.threadCount
        let parallel = n >= Domain.parallelThreshold && threads > 1
        let want = parallel ? 8 * threads : 4
        let blocks = 1 << (Int.bitWidth - (want - 1).leadingZeroBitCount)
        return (parallel, min(n, blocks))
    }

    /// How many tasks a pass over `count` steps is cut into: about 4096 steps
    /// each, at least 8 per thread, at most one per 256 steps.
    static func passTasks(_ count: Int, threads: Int) -> Int {
        max(1, min(count >> 8, max(8 * threads, count >> 12)))
    }

    /// `body` over balanced ranges covering 0..<count: as tasks shared by
    /// `Parallel.threadCount` threads when `parallel`, else once over the whole
    /// range on the calling thread.
    @inline(__always)
    static func chunked(_ count: Int, _ parallel: Bool, _ body: @Sendable (Range<Int>) -> Void) {
        if !parallel { body(0..<count); return }
        let tasks = passTasks(count, threads: Parallel.threadCount)
        each(tasks, parallel) { t in body(Parallel.chunkRange(t, of: tasks, count: count)) }
    }

    /// `body(k)` for k in 0..<count: when `parallel`, on `Parallel.threadCount`
    /// threads that each take the next unclaimed k.
    @inline(__always)
    static func each(_ count: Int, _ parallel: Bool, _ body: @Sendable (Int) -> Void) {
        let threads = min(Parallel.threadCount, count)
        if !parallel || threads <= 1 {
            for k in 0..<count { body(k) }
            return
        }
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            while true {
                let k = next.wrappingAdd(1, ordering: .relaxed).oldValue
                if k >= count { break }
                body(k)
            }
        }
    }
}
