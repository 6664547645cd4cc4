/// Pippenger buckets kept in affine form and filled by batched affine
/// additions (Aztec's "batch affine" trick; Botrel and El Housni, "Faster
/// Montgomery multiplication and multi-scalar-multiplication for SNARKs",
/// eprint 2022/1396).
///
/// An affine addition B + P costs one inversion, two multiplications and a
/// squaring. Additions into *distinct* buckets are independent, so up to
/// `batchCapacity` of them are collected, their denominators inverted
/// together with Montgomery's trick (3 multiplications each plus one shared
/// inversion), and then finished: about 6 multiplications per addition
/// instead of 10 for an extended-Jacobian mixed addition.
///
/// A point whose bucket already has a pending addition in the batch waits in
/// a queue and enters a later batch. When the queue fills while the batch is
/// still under a quarter full and stays over half full after the flush
/// (skewed input, e.g. one point repeated with one scalar), its points are
/// added into lazily allocated extended-Jacobian side buckets instead, so
/// adversarial inputs cost about one mixed addition per point rather than
/// one inversion each. Uniform digits never spill. Special cases are settled when a point is scheduled for a
/// bucket: an empty bucket takes the point, B = −P empties the bucket, and
/// B = P becomes a doubling (numerator 3x², denominator 2y) in the same batch.
///
/// Several windows can share one bucket array (window j of a group owns
/// buckets j·stride ..< (j+1)·stride) and hence one batch: small windows then
/// still fill large batches, and each point is read once for all of them.
///
/// The struct owns raw scratch sized for the largest group; a worker thread
/// makes one, runs many groups through it, then calls `deallocate()`.
struct BatchAffineBuckets {
    let maxBuckets: Int
    /// Allocated batch and queue length.
    let maxBatch: Int
    /// Batch length for the current window (≤ maxBatch); the queue holds as many.
    var batchCapacity: Int
    var queueCapacity: Int
    /// Affine buckets; y = 0 marks an empty bucket.
    let buckets: UnsafeMutablePointer<PackedG1Affine>
    /// stamps[b] == generation while bucket b has a pending addition.
    let stamps: UnsafeMutablePointer<UInt32>
    // The pending batch: bucket, x of the added point, λ numerator and denominator.
    let batchBucket: UnsafeMutablePointer<Int32>
    let batchX: UnsafeMutablePointer<Fq>
    let batchNum: UnsafeMutablePointer<Fq>
    let batchDen: UnsafeMutablePointer<Fq>
    let prefix: UnsafeMutablePointer<Fq>
    // Points waiting for their bucket to leave the batch.
    let queueBucket: UnsafeMutablePointer<Int32>
    let queuePoint: UnsafeMutablePointer<PackedG1Affine>
    /// Extended-Jacobian side buckets for spilled queue entries, nil until needed.
    var side: UnsafeMutablePointer<G1XYZZ>?
    var bucketCount = 0
    var batchCount = 0
    var queueCount = 0
    var generation: UInt32 = 1

    init(maxBuckets: Int, maxBatch: Int) {
        self.maxBuckets = maxBuckets
        self.maxBatch = maxBatch
        self.batchCapacity = maxBatch
        self.queueCapacity = maxBatch
        buckets = PackedG1Affine.allocate(maxBuckets)
        stamps = .allocate(capacity: maxBuckets)
        stamps.initialize(repeating: 0, count: maxBuckets)
        batchBucket = .allocate(capacity: maxBatch)
        batchX = .allocate(capacity: maxBatch)
        batchNum = .allocate(capacity: maxBatch)
        batchDen = .allocate(capacity: maxBatch)
        prefix = .allocate(capacity: maxBatch)
        queueBucket = .allocate(capacity: maxBatch)
        queuePoint = PackedG1Affine.allocate(maxBatch)
    }

    func deallocate() {
        UnsafeMutableRawPointer(buckets).deallocate()
        stamps.deallocate()
        batchBucket.deallocate(); batchX.deallocate(); batchNum.deallocate(); batchDen.deallocate()
        prefix.deallocate()
        queueBucket.deallocate()
        UnsafeMutableRawPointer(queuePoint).deallocate()
        side?.deallocate()
    }

    /// Empties the first `count` buckets for a new window group, whose batches
    /// hold `batch` additions.
    mutating func reset(bucketCount count: Int, batch: Int) {
        precondition(count <= maxBuckets && batch <= maxBatch && batch >= 2)
        bucketCount = count
        batchCapacity = batch
        queueCapacity = batch
        for b in 0..<count { buckets[b].y = .zero }
        if let s = side { s.update(repeating: .identity, count: maxBuckets) }
        batchCount = 0
        queueCount = 0
        generation &+= 1
    }

    /// For each of `windows` windows j and each point i, adds ±points[i] into
    /// bucket j·bucketStride + |d| − 1 for the non-zero digit code
    /// codes[j·codeStride + i], with the sign in the code's low bit (see
    /// `SignedDigits`).
    mutating func accumulate<P: MSMPoint>(codes: UnsafePointer<UInt16>, codeStride: Int, windows: Int,
                                          bucketStride: Int, points: UnsafePointer<P>, count: Int) {
        if windows == 1 {   // the common large-n case, 2% fewer instructions
            for i in 0..<count {
                let c = codes[i]
                if c == 0 { continue }
                let p = points[i]
                if p.isInfinity { continue }
                add(SignedDigits.bucket(c), p.x, c & 1 == 0 ? p.y : -p.y)
            }
            return
        }
        for i in 0..<count {
            let p = points[i]
            if p.isInfinity { continue }
            var code = codes + i
            var offset = 0
            for _ in 0..<windows {
                let c = code.pointee
                if c != 0 { add(offset + SignedDigits.bucket(c), p.x, c & 1 == 0 ? p.y : -p.y) }
                code += codeStride
                offset += bucketStride
            }
        }
    }

    /// Adds (px, py) into bucket b: scheduled, or queued if b is busy.
    @inline(__always)
    mutating func add(_ b: Int, _ px: Fq, _ py: Fq) {
        if stamps[b] == generation {
            queueBucket[queueCount] = Int32(truncatingIfNeeded: b)
            queuePoint[queueCount] = PackedG1Affine(x: px, y: py)
            queueCount += 1
            if queueCount == queueCapacity { flush() }
            return
        }
        schedule(b, px, py)
        if batchCount == batchCapacity { flush() }
    }

    /// Queues B[b] += (px, py), settling empty, opposite and equal cases now.
    /// Requires bucket b to have no pending addition.
    @inline(__always)
    mutating func schedule(_ b: Int, _ px: Fq, _ py: Fq) {
        let bk = buckets[b]
        if bk.y.isZero {
            buckets[b] = PackedG1Affine(x: px, y: py)
            return
        }
        if bk.x == px {
            if bk.y != py {
                buckets[b].y = .zero   // B + (−B)
            } else {
                scheduleDoubling(b, px, py)
            }
            return
        }
        push(b, px, num: py - bk.y, den: px - bk.x)
    }

    /// Queues B[b] = 2·B[b] for B[b] = (px, py): tangent slope 3x²/2y. Kept
    /// out of line: rare, and inlined its squaring gets hoisted out of the
    /// accumulation loops and paid for every point.
    @inline(never)
    mutating func scheduleDoubling(_ b: Int, _ px: Fq, _ py: Fq) {
        let xx = px.square()
        push(b, px, num: xx.double() + xx, den: py.double())
    }

    /// Appends an addition with slope num/den to the batch and marks b busy.
    @inline(__always)
    mutating func push(_ b: Int, _ px: Fq, num: Fq, den: Fq) {
        let k = batchCount
        batchBucket[k] = Int32(truncatingIfNeeded: b)
        batchX[k] = px
        batchNum[k] = num
        batchDen[k] = den
        stamps[b] = generation
        batchCount = k + 1
    }

    /// Finishes every pending addition with one shared inversion.
    mutating func execute() {
        let n = batchCount
        if n == 0 { return }
        var acc = Fq.one
        for k in 0..<n {
            prefix[k] = acc
            acc = acc * batchDen[k]
        }
        var inv = acc.inverse()!
        var k = n - 1
        while k >= 0 {
            let invK = inv * prefix[k]
            inv = inv * batchDen[k]
            let b = Int(batchBucket[k])
            let bx = buckets[b].x, by = buckets[b].y
            let lambda = batchNum[k] * invK
            let x3 = lambda.square() - bx - batchX[k]
            let y3 = lambda * (bx - x3) - by
            buckets[b] = PackedG1Affine(x: x3, y: y3)
            k -= 1
        }
        batchCount = 0
        generation &+= 1
    }

    /// Executes the batch, moves queued points into the next one, and spills
    /// the queue to the side buckets if the batch was small and the queue is
    /// still over half full (the queue, not the batch, is what keeps filling).
    mutating func flush() {
        let smallBatch = batchCount < batchCapacity / 4
        execute()
        var kept = 0
        for q in 0..<queueCount {
            let b = Int(queueBucket[q])
            let p = queuePoint[q]
            if stamps[b] == generation {
                queueBucket[kept] = queueBucket[q]
                queuePoint[kept] = p
                kept += 1
                continue
            }
            schedule(b, p.x, p.y)
            if batchCount == batchCapacity { execute() }
        }
        queueCount = kept
        if smallBatch && kept > queueCapacity / 2 { spillQueue() }
    }

    /// Adds every queued point into the side buckets.
    mutating func spillQueue() {
        if side == nil {
            let s = UnsafeMutablePointer<G1XYZZ>.allocate(capacity: maxBuckets)
            s.initialize(repeating: .identity, count: maxBuckets)
            side = s
        }
        let s = side!
        for q in 0..<queueCount {
            let p = queuePoint[q]
            s[Int(queueBucket[q])].addAffine(x: p.x, y: p.y)
        }
        queueCount = 0
    }

    /// Completes all pending additions.
    mutating func finish() {
        // Points left in the queue share buckets with each other; a few more
        // rounds place nearly all of them, the rest (skewed input) spill.
        var rounds = 0
        while queueCount > 0 && rounds < 4 {
            flush()
            rounds += 1
        }
        execute()
        if queueCount > 0 { spillQueue() }
    }

    /// Σ (b + 1)·bucket[offset + b] over b < count by the running-sum method
    /// (two extended-Jacobian additions per bucket). Call `finish()` first.
    func reduce(offset: Int, count: Int) -> G1XYZZ {
        precondition(batchCount == 0 && queueCount == 0)
        var running = G1XYZZ.identity
        var total = G1XYZZ.identity
        var b = count - 1
        if side == nil {
            while b >= 0 && buckets[offset + b].y.isZero { b -= 1 }
        }
        while b >= 0 {
            if let s = side { running.add(s[offset + b]) }
            let bk = buckets[offset + b]
            if !bk.y.isZero { running.addAffine(x: bk.x, y: bk.y) }
            total.add(running)
            b -= 1
        }
        return total
    }
}
