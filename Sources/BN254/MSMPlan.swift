import Parallel

/// How one Pippenger MSM is cut up: whether scalars are split by GLV, window
/// width, which windows use batch-affine buckets, how many consecutive
/// windows one task handles together, and how many point chunks each
/// window group is split into.
///
/// `choose(count:threads:)` minimises a cost model counted in field
/// multiplications (constants below, calibrated with callgrind instruction
/// counts and CPU times of `msm.g1` at 2^12…2^20): one bucket addition per
/// non-zero digit plus two extended-Jacobian additions per bucket for the
/// running-sum reduction; the groups × chunks tasks are spread over
/// `workers` threads in contiguous runs and the slowest thread sets the
/// time. Large bucket sets (2^15 × 64 bytes, about L2) showed no measurable
/// cache penalty, so none is modelled.
struct MSMPlan: Sendable {
    /// Whether each scalar s is split by GLV into s1 + s2·λ with |s_i| < 2^127,
    /// turning n points with 254-bit scalars into 2n points (P_i, φ(P_i)) with
    /// 127-bit scalars: half the windows, so half the bucket reductions.
    let glv: Bool
    /// Bits of the scalars the digits cover: 254, or 127 with GLV.
    let scalarBits: Int
    /// Window width c (1...16).
    let windowBits: Int
    /// ⌈(scalarBits + 1)/c⌉.
    let windowCount: Int
    /// Consecutive windows one task handles; their batch-affine buckets share
    /// one array and one batch, so small windows still fill large batches.
    let windowsPerTask: Int
    /// Each window group's points are split into this many chunks, each its own task.
    let pointChunks: Int
    /// Windows with at least this many buckets use batch-affine buckets.
    let batchAffineMinBuckets: Int

    // MARK: Cost model, in field multiplications

    /// Extended-Jacobian mixed addition (8M + 2S) plus loop overhead.
    static let xyzzAddCost = 10.0
    /// Batch-affine addition (6M) plus bookkeeping and queueing, before the shared inversion.
    static let batchAffineAddCost = 6.8
    /// One field inversion (Fermat, about 300 multiplications).
    static let inversionCost = 330.0
    /// Running-sum reduction per batch-affine bucket (one mixed plus one full XYZZ addition).
    static let reductionCostPerBucket = 25.0
    /// Running-sum reduction per XYZZ bucket (two full XYZZ additions).
    static let xyzzReductionCostPerBucket = 28.0
    /// A GLV scalar multiplication, for comparing with Pippenger on tiny inputs.
    static let scalarMulCost = 1800.0
    /// Per input point with GLV: scalar decomposition, φ(P) and the copies.
    static let glvCostPerPoint = 5.0
    /// Starting and joining one more thread (a few microseconds).
    static let threadCost = 200.0
    /// Fewest bucket additions (about a millisecond) worth a thread of their own.
    static let minAdditionsPerThread = 1 << 12
    /// Largest shared bucket array for a window group (1 MiB, half of L2).
    static let maxGroupBuckets = 1 << 14
    /// Windows with fewer buckets than this conflict too often for batches.
    static let minBatchAffineBuckets = 64
    /// Largest batch: beyond it the gain is under 1% (measured at 2^16).
    static let maxBatch = 1024

    /// Batch size for a shared array of m buckets: large enough to amortise
    /// the inversion, small enough that few points find their bucket busy.
    /// Measured (instruction counts, n = 2^12 and 2^16): half the bucket count
    /// beats smaller batches although more points then wait in the queue.
    static func batchCapacity(buckets m: Int) -> Int { min(maxBatch, max(32, m / 2)) }

    /// Buckets per window in the shared array: 2^(c−1).
    var bucketStride: Int { 1 << (windowBits - 1) }

    /// Buckets window w needs (the top window holds smaller digits).
    func bucketCount(window w: Int) -> Int {
        w == windowCount - 1 ? SignedDigits.topWindowMaxDigit(windowBits, scalarBits: scalarBits) : bucketStride
    }

    /// Whether window w uses batch-affine buckets.
    func usesBatchAffine(window w: Int) -> Bool { bucketCount(window: w) >= batchAffineMinBuckets }

    /// Number of window groups.
    var groupCount: Int { (windowCount + windowsPerTask - 1) / windowsPerTask }

    /// The windows of group g.
    func windows(ofGroup g: Int) -> Range<Int> {
        (g * windowsPerTask)..<min(windowCount, (g + 1) * windowsPerTask)
    }

    /// The batch-affine windows of group g: a prefix of its windows, since
    /// only the top window can have fewer buckets than the rest.
    func batchAffineWindows(ofGroup g: Int) -> Range<Int> {
        let ws = windows(ofGroup: g)
        var end = ws.lowerBound
        while end < ws.upperBound && usesBatchAffine(window: end) { end += 1 }
        return ws.lowerBound..<end
    }

    /// Additions per batch inversion in group g.
    func batchCapacity(group g: Int) -> Int {
        MSMPlan.batchCapacity(buckets: batchAffineWindows(ofGroup: g).count * bucketStride)
    }

    /// A plan with the given windows and chunking; `batchAffine` nil lets the
    /// cost model pick per window, true/false forces it for every window.
    init(glv: Bool, windowBits c: Int, windowsPerTask: Int = 1, pointChunks: Int, batchAffine: Bool? = nil) {
        precondition(c >= 1 && c <= 16 && pointChunks >= 1 && windowsPerTask >= 1)
        self.glv = glv
        scalarBits = glv ? 127 : 254
        windowBits = c
        windowCount = SignedDigits.windowCount(c, scalarBits: scalarBits)
        self.windowsPerTask = min(windowsPerTask, windowCount)
        self.pointChunks = pointChunks
        switch batchAffine {
        case true?: batchAffineMinBuckets = 0
        case false?: batchAffineMinBuckets = Int.max
        case nil: batchAffineMinBuckets = MSMPlan.batchAffineThreshold(windowsPerTask: self.windowsPerTask)
        }
    }

    /// The smallest bucket count for which batch-affine additions are
    /// modelled cheaper, when `windowsPerTask` windows share a batch.
    static func batchAffineThreshold(windowsPerTask g: Int) -> Int {
        var m = minBatchAffineBuckets
        while m < (1 << 16) {
            let ba = batchAffineAddCost + inversionCost / Double(batchCapacity(buckets: g * m))
            if ba < xyzzAddCost { return m }
            m <<= 1
        }
        return Int.max
    }

    /// Modelled cost of group g over `points` points.
    func groupCost(group g: Int, points: Int) -> Double {
        let nonZero = Double(points) * (1 - 1 / Double(1 << windowBits))
        let ba = batchAffineWindows(ofGroup: g)
        let baAdd = MSMPlan.batchAffineAddCost + MSMPlan.inversionCost / Double(batchCapacity(group: g))
        var cost = 0.0
        for w in windows(ofGroup: g) {
            let m = Double(bucketCount(window: w))
            if ba.contains(w) {
                cost += nonZero * baAdd + m * MSMPlan.reductionCostPerBucket
            } else {
                cost += nonZero * MSMPlan.xyzzAddCost + m * MSMPlan.xyzzReductionCostPerBucket
            }
        }
        return cost
    }

    /// Modelled time on `threads` threads for `count` input points: the
    /// slowest thread's share of the groups × chunks tasks, plus the GLV
    /// split, the final doublings and the threads' start-up.
    func cost(count inputs: Int, threads: Int) -> Double {
        let n = glv ? 2 * inputs : inputs
        let tasks = groupCount * pointChunks
        let chunkPoints = (0..<pointChunks).map { Parallel.chunkRange($0, of: pointChunks, count: n).count }
        let workers = MSMPlan.workers(tasks: tasks, additions: n * windowCount, threads: threads)
        var slowest = 0.0
        for t in 0..<workers {
            var sum = 0.0
            for task in Parallel.chunkRange(t, of: workers, count: tasks) {
                sum += groupCost(group: task / pointChunks, points: chunkPoints[task % pointChunks])
            }
            slowest = max(slowest, sum)
        }
        let split = glv ? Double(inputs) * MSMPlan.glvCostPerPoint / Double(max(1, threads)) : 0
        return slowest + split + Double(windowCount * windowBits) * 7 + Double(workers - 1) * MSMPlan.threadCost
    }

    /// Threads worth using for `tasks` tasks with `additions` bucket additions
    /// in all: at most one per task, and each must get `minAdditionsPerThread`.
    static func workers(tasks: Int, additions: Int, threads: Int) -> Int {
        max(1, min(threads, tasks, additions / minAdditionsPerThread))
    }

    /// The cheapest plan for `n` points on `threads` threads, or nil when
    /// separate scalar multiplications are modelled cheaper (tiny n).
    static func choose(count n: Int, threads: Int) -> MSMPlan? {
        var best: MSMPlan?
        var bestCost = Double.infinity
        for glv in [false, true] {
            for c in 2...16 {
                if (1 << (c - 1)) > 4 * max(n, 1) && c > 2 { break }
                let windows = SignedDigits.windowCount(c, scalarBits: glv ? 127 : 254)
                // Grouping only matters for windows that can use batch-affine buckets.
                let canGroup = (1 << (c - 1)) >= minBatchAffineBuckets
                for perTask in 1...windows where perTask == 1 || (canGroup && perTask << (c - 1) <= maxGroupBuckets) {
                    var k = 1
                    while k <= max(1, threads) {
                        let plan = MSMPlan(glv: glv, windowBits: c, windowsPerTask: perTask, pointChunks: k)
                        let cost = plan.cost(count: n, threads: threads)
                        if cost < bestCost { bestCost = cost; best = plan }
                        k *= 2
                    }
                }
            }
        }
        let naive = Double(n) * scalarMulCost   // `msm` runs these serially
        return naive < bestCost ? nil : best
    }
}
