import Parallel

/// Multi-scalar multiplication Σ [s_i]·P_i by Pippenger's bucket method
/// (Pippenger 1976; as in Bernstein et al., "Faster batch forgery
/// identification", §4, and gnark-crypto `ecc/bn254/multiexp.go`).
///
/// 1. Every scalar is cut into signed c-bit digits (`SignedDigits`), so each
///    window needs only 2^(c−1) buckets. When the plan says so, each scalar is
///    first split by GLV into two halves below 2^127 (the second for φ(P_i)),
///    which halves the number of windows and so of bucket reductions.
/// 2. For each window, ±P_i is added into bucket |d| − 1; windows with many
///    buckets use batch-affine buckets (`BatchAffineBuckets`, eprint
///    2022/1396), several windows sharing one array and batch when that
///    keeps batches large, the rest extended-Jacobian ones (`XYZZBuckets`).
/// 3. Each window's buckets are reduced to Σ b·B_b with running sums, and the
///    window sums are combined by Horner's rule with c doublings per window.
///
/// c and the work split come from `MSMPlan`'s cost model for n and
/// `Parallel.threadCount`. Window groups (and, when there are too few,
/// chunks of points within a group) are independent tasks, spread over the
/// threads with `Parallel.forEach`; their partial sums are combined in a
/// fixed order. The returned point is the same group element for every thread
/// count (its Jacobian coordinates depend on the chosen plan).
extension G1Projective {
    /// Σ [scalars[i]]·points[i].
    /// - Parameters:
    ///   - points: the bases; may contain infinity and repeats.
    ///   - scalars: any elements of Fr (zero included); `scalars.count == points.count`.
    /// - Returns: the sum in Jacobian form; the identity for empty input.
    ///   Not constant time.
    public static func msm(points: [G1Affine], scalars: [Fr]) -> G1Projective {
        precondition(points.count == scalars.count, "msm: \(points.count) points but \(scalars.count) scalars")
        let n = points.count
        if n == 0 { return .identity }
        if let (ps, ss) = compactedNonZero(points: points, scalars: scalars) {
            return msm(points: ps, scalars: ss)
        }
        guard let plan = MSMPlan.choose(count: n, threads: Parallel.threadCount) else {
            var acc = G1Projective.identity
            for i in 0..<n { acc = acc.adding(points[i] * scalars[i]) }
            return acc
        }
        return pippenger(points: points, scalars: scalars, plan: plan)
    }

    /// `msm` with a forced plan, for tests and tuning: window width
    /// `windowBits` (1...16), `windowsPerTask` consecutive windows sharing one
    /// bucket array, each group split into `pointChunks` tasks, batch-affine
    /// buckets for all windows (true), none (false) or as the cost model says
    /// (nil), and the GLV split on or off.
    public static func _msm(points: [G1Affine], scalars: [Fr], windowBits: Int, windowsPerTask: Int = 1,
                            pointChunks: Int = 1, batchAffine: Bool? = nil, glv: Bool = false) -> G1Projective {
        precondition(points.count == scalars.count)
        if points.isEmpty { return .identity }
        let plan = MSMPlan(glv: glv, windowBits: windowBits, windowsPerTask: windowsPerTask,
                           pointChunks: pointChunks, batchAffine: batchAffine)
        return pippenger(points: points, scalars: scalars, plan: plan)
    }

    /// The plan `msm` picks for n points on the current thread count: window
    /// width (0 for separate scalar multiplications), GLV, windows per task,
    /// point chunks per window group.
    public static func _msmPlan(count n: Int) -> (windowBits: Int, glv: Bool, windowsPerTask: Int, pointChunks: Int) {
        guard let p = MSMPlan.choose(count: n, threads: Parallel.threadCount) else { return (0, false, 1, 1) }
        return (p.windowBits, p.glv, p.windowsPerTask, p.pointChunks)
    }

    /// The terms with non-zero scalars, or nil when at least 7/8 of the
    /// scalars are non-zero. Zero digits already cost no bucket additions, but
    /// the GLV split, the digit pass and every window's bucket reduction still
    /// scale with n and the plan picked for n: a commitment to a polynomial
    /// that is pure blinding (the PLONK lookup columns of a circuit without
    /// lookups: 6 non-zero coefficients out of n + 3) would cost as much as a
    /// dense one. Dropping zero terms leaves the sum unchanged.
    static func compactedNonZero(points: [G1Affine], scalars: [Fr]) -> ([G1Affine], [Fr])? {
        let n = scalars.count
        var nonZero = 0
        scalars.withUnsafeBufferPointer { ss in
            for i in 0..<n where !ss[i].isZero { nonZero += 1 }
        }
        if nonZero >= n - n / 8 { return nil }
        var ps = [G1Affine](), ss = [Fr]()
        ps.reserveCapacity(nonZero); ss.reserveCapacity(nonZero)
        for i in 0..<n where !scalars[i].isZero {
            ps.append(points[i]); ss.append(scalars[i])
        }
        return (ps, ss)
    }

    static func pippenger(points: [G1Affine], scalars: [Fr], plan: MSMPlan) -> G1Projective {
        if plan.glv {
            let (pts, digits) = glvSplit(points: points, scalars: scalars, windowBits: plan.windowBits)
            return pippenger(points: pts, digits: digits, plan: plan)
        }
        return pippenger(points: points, digits: SignedDigits(scalars, windowBits: plan.windowBits), plan: plan)
    }

    /// The GLV form of the input: 2n points ±P_i, ±φ(P_i) with the digits of
    /// |k1_i| and |k2_i|, where s_i ≡ k1_i + k2_i·λ; signs move to the points.
    static func glvSplit(points: [G1Affine], scalars: [Fr], windowBits c: Int) -> ([G1Affine], SignedDigits) {
        let n = points.count, n2 = 2 * points.count
        let w = SignedDigits.windowCount(c, scalarBits: 127)
        var pts = [G1Affine](repeating: .infinity, count: n2)
        var codes = [UInt16](repeating: 0, count: n2 * w)
        let beta = G1Projective.glvBeta
        pts.withUnsafeMutableBufferPointer { pb in
            codes.withUnsafeMutableBufferPointer { cb in
                let outPoints = SendableBuffer(pb), outCodes = SendableBuffer(cb)
                Parallel.forEachChunk(count: n, minChunk: 4096) { _, range in
                    points.withUnsafeBufferPointer { ps in
                        scalars.withUnsafeBufferPointer { ss in
                            for i in range {
                                let p = ps[i]
                                if p.isInfinity { continue }
                                let (k1, neg1, k2, neg2) = G1Projective._glvDecompose(ss[i])
                                outPoints[i] = neg1 ? G1Affine(x: p.x, y: -p.y) : p
                                outPoints[n + i] = G1Affine(x: p.x * beta, y: neg2 ? -p.y : p.y)
                                let l1 = (UInt64(truncatingIfNeeded: k1), UInt64(truncatingIfNeeded: k1 >> 64), UInt64(0), UInt64(0))
                                let l2 = (UInt64(truncatingIfNeeded: k2), UInt64(truncatingIfNeeded: k2 >> 64), UInt64(0), UInt64(0))
                                SignedDigits.encode(l1, windowBits: c, windowCount: w) { j, code in
                                    outCodes[j * n2 + i] = code
                                }
                                SignedDigits.encode(l2, windowBits: c, windowCount: w) { j, code in
                                    outCodes[j * n2 + n + i] = code
                                }
                            }
                        }
                    }
                }
            }
        }
        return (pts, SignedDigits(codes: codes, count: n2, windowBits: c, windowCount: w))
    }

    /// Buckets, reductions and the Horner combination for prepared digits.
    static func pippenger(points: [G1Affine], digits: SignedDigits, plan: MSMPlan) -> G1Projective {
        let n = points.count
        precondition(digits.count == n && digits.windowCount == plan.windowCount)
        let windows = plan.windowCount, chunks = plan.pointChunks, stride = plan.bucketStride
        let tasks = plan.groupCount * chunks
        // partial[w·chunks + k]: window w summed over point chunk k.
        var partial = [G1Projective](repeating: .identity, count: windows * chunks)
        let workers = MSMPlan.workers(tasks: tasks, additions: n * windows, threads: Parallel.threadCount)
        partial.withUnsafeMutableBufferPointer { buf in
            let out = SendableBuffer(buf)
            // Each worker takes a contiguous run of tasks and reuses its scratch.
            Parallel.forEach(workers) { worker in
                var affine: BatchAffineBuckets?
                var xyzz: XYZZBuckets?
                digits.codes.withUnsafeBufferPointer { codes in
                    points.withUnsafeBufferPointer { pts in
                        for task in Parallel.chunkRange(worker, of: workers, count: tasks) {
                            let group = task / chunks, k = task % chunks
                            let r = Parallel.chunkRange(k, of: chunks, count: n)
                            let pointPtr = pts.baseAddress! + r.lowerBound
                            let ba = plan.batchAffineWindows(ofGroup: group)
                            if !ba.isEmpty {
                                if affine == nil {
                                    affine = BatchAffineBuckets(maxBuckets: plan.windowsPerTask * stride,
                                                                maxBatch: MSMPlan.maxBatch)
                                }
                                affine!.reset(bucketCount: ba.count * stride, batch: plan.batchCapacity(group: group))
                                affine!.accumulate(codes: codes.baseAddress! + ba.lowerBound * n + r.lowerBound,
                                                   codeStride: n, windows: ba.count, bucketStride: stride,
                                                   points: pointPtr, count: r.count)
                                affine!.finish()
                                for w in ba {
                                    let sum = affine!.reduce(offset: (w - ba.lowerBound) * stride,
                                                             count: plan.bucketCount(window: w))
                                    out[w * chunks + k] = sum.toProjective()
                                }
                            }
                            for w in ba.upperBound..<plan.windows(ofGroup: group).upperBound {
                                if xyzz == nil { xyzz = XYZZBuckets(maxBuckets: stride) }
                                xyzz!.reset(bucketCount: plan.bucketCount(window: w))
                                xyzz!.accumulate(codes: codes.baseAddress! + w * n + r.lowerBound,
                                                 points: pointPtr, count: r.count)
                                out[w * chunks + k] = xyzz!.reduce().toProjective()
                            }
                        }
                    }
                }
                affine?.deallocate()
                xyzz?.deallocate()
            }
        }
        var acc = G1Projective.identity
        var w = windows - 1
        while w >= 0 {
            if !acc.isIdentity {
                for _ in 0..<plan.windowBits { acc = acc.doubled() }
            }
            for k in 0..<chunks { acc = acc.adding(partial[w * chunks + k]) }
            w -= 1
        }
        return acc
    }
}
