import Parallel

/// Multi-scalar multiplication over bases fixed in advance (the KZG SRS),
/// trading memory for speed.
///
/// For bases P_0…P_{n−1} and window width c it stores the W = ⌈255/c⌉
/// multiples 2^(c·j)·P_i in affine form. With the signed digits d_{i,j} of
/// s_i, Σ s_i·P_i = Σ_{i,j} d_{i,j}·(2^(c·j)·P_i): one Pippenger window over
/// n·W points, so all windows share a single set of 2^(c−1) buckets, one
/// running-sum reduction and no doublings between windows (the precomputation
/// of gnark-crypto's and arkworks' fixed-base MSMs; Brickell, Gordon, McCurley,
/// Wilson, "Fast exponentiation with precomputation", EUROCRYPT 1992).
///
/// Memory: 64·W·n bytes, e.g. c = 16 (W = 16) costs 1 KiB per base: 64 MiB
/// for 2^16 bases, 1 GiB for 2^20 (there the plain `msm`, which needs no
/// table, is the better trade). Building costs about 254 doublings per base
/// plus a batch inversion, in parallel; do it once per SRS. Against the plain
/// GLV `msm` it saves the per-window reductions and, with c = 16 instead of
/// 13, a fifth of the bucket additions: about 0.6–0.8× its time at 2^16.
public struct G1FixedBaseMSM: Sendable {
    /// Number of bases.
    public let count: Int
    /// Window width c.
    public let windowBits: Int
    /// Windows per scalar, ⌈255/c⌉.
    public let windowCount: Int
    /// table[i·windowCount + j] = 2^(c·j)·bases[i]; y = 0 marks infinity.
    let table: [PackedG1Affine]

    /// Bytes the precomputed table occupies.
    public var memoryBytes: Int { table.count * MemoryLayout<PackedG1Affine>.stride }

    /// Precomputes the multiples of `bases`.
    /// - Parameters:
    ///   - bases: the fixed points (infinity allowed).
    ///   - windowBits: c in 2...16; by default the width the cost model picks
    ///     for this many bases (larger c: fewer table entries to add but more
    ///     buckets to reduce; memory is 64·⌈255/c⌉ bytes per base).
    public init(bases: [G1Affine], windowBits: Int? = nil) {
        let n = bases.count
        let c = windowBits ?? G1FixedBaseMSM.defaultWindowBits(count: n)
        precondition(c >= 2 && c <= 16, "windowBits must be in 2...16")
        let w = SignedDigits.windowCount(c)
        count = n
        self.windowBits = c
        windowCount = w
        var table = [PackedG1Affine](repeating: PackedG1Affine(x: .zero, y: .zero), count: n * w)
        table.withUnsafeMutableBufferPointer { buf in
            let out = SendableBuffer(buf)
            Parallel.forEachChunk(count: n, minChunk: 64) { _, range in
                let block = 256
                var jac = [G1Projective](repeating: .identity, count: block * w)
                var start = range.lowerBound
                while start < range.upperBound {
                    let end = min(start + block, range.upperBound)
                    for i in start..<end {
                        var q = G1Projective(bases[i])
                        for j in 0..<w {
                            jac[(i - start) * w + j] = q
                            if j < w - 1 { for _ in 0..<c { q = q.doubled() } }
                        }
                    }
                    let used = (end - start) * w
                    let affine = G1Projective.batchToAffine(Array(jac[0..<used]))
                    for e in 0..<used { out[start * w + e] = PackedG1Affine(affine[e]) }
                    start = end
                }
            }
        }
        self.table = table
    }

    /// Cost-model window width for n bases: minimises n·⌈255/c⌉ additions
    /// plus one reduction of 2^(c−1) buckets per thread.
    static func defaultWindowBits(count n: Int) -> Int {
        let threads = Double(max(1, Parallel.threadCount))
        var best = 2, bestCost = Double.infinity
        for c in 2...16 {
            let m = 1 << (c - 1)
            let add = m >= MSMPlan.batchAffineThreshold(windowsPerTask: 1)
                ? MSMPlan.batchAffineAddCost + MSMPlan.inversionCost / Double(MSMPlan.batchCapacity(buckets: m))
                : MSMPlan.xyzzAddCost
            let cost = Double(n * SignedDigits.windowCount(c)) * add / threads
                + Double(m) * MSMPlan.reductionCostPerBucket
            if cost < bestCost { bestCost = cost; best = c }
        }
        return best
    }

    /// Σ scalars[i]·bases[i] over the first `scalars.count` bases.
    /// - Parameter scalars: at most `count` elements of Fr (fewer uses a prefix
    ///   of the bases, as a KZG commitment to a short polynomial does).
    /// - Returns: the sum in Jacobian form; the identity for no scalars.
    ///   The group element does not depend on the thread count.
    public func msm(_ scalars: [Fr]) -> G1Projective {
        precondition(scalars.count <= count, "more scalars than precomputed bases")
        let n = scalars.count
        if n == 0 { return .identity }
        let c = windowBits, w = windowCount, m = 1 << (c - 1)
        let useBatchAffine = m >= MSMPlan.batchAffineThreshold(windowsPerTask: 1)
        let batch = MSMPlan.batchCapacity(buckets: m)
        // Each chunk needs enough additions to pay for its own reduction.
        let chunks = Parallel.chunkCount(count: n * w, minChunk: max(1 << 14, 8 * m))
        var partial = [G1Projective](repeating: .identity, count: chunks)
        let table = self.table
        partial.withUnsafeMutableBufferPointer { buf in
            let out = SendableBuffer(buf)
            Parallel.forEach(chunks) { chunk in
                let range = Parallel.chunkRange(chunk, of: chunks, count: n)
                let block = 512
                let codes = UnsafeMutablePointer<UInt16>.allocate(capacity: block * w)
                defer { codes.deallocate() }
                var affine = useBatchAffine ? BatchAffineBuckets(maxBuckets: m, maxBatch: batch) : nil
                var xyzz = useBatchAffine ? nil : XYZZBuckets(maxBuckets: m)
                affine?.reset(bucketCount: m, batch: batch)
                xyzz?.reset(bucketCount: m)
                scalars.withUnsafeBufferPointer { sc in
                    table.withUnsafeBufferPointer { tab in
                        var start = range.lowerBound
                        while start < range.upperBound {
                            let end = min(start + block, range.upperBound)
                            for i in start..<end {
                                let row = (i - start) * w
                                SignedDigits.encode(sc[i].canonicalLimbs, windowBits: c, windowCount: w) { j, code in
                                    codes[row + j] = code
                                }
                            }
                            let pts = tab.baseAddress! + start * w
                            let k = (end - start) * w
                            if useBatchAffine {
                                affine!.accumulate(codes: codes, codeStride: 0, windows: 1, bucketStride: 0,
                                                   points: pts, count: k)
                            } else {
                                xyzz!.accumulate(codes: codes, points: pts, count: k)
                            }
                            start = end
                        }
                    }
                }
                affine?.finish()
                let sum = useBatchAffine ? affine!.reduce(offset: 0, count: m) : xyzz!.reduce()
                out[chunk] = sum.toProjective()
                affine?.deallocate()
                xyzz?.deallocate()
            }
        }
        var acc = G1Projective.identity
        for p in partial { acc = acc.adding(p) }
        return acc
    }
}
