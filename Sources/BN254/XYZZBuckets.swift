/// Pippenger buckets in extended Jacobian (XYZZ) form, filled by mixed
/// additions (8M + 2S each). Used for windows with few buckets, where batches
/// of additions into distinct buckets would be too small to pay for their
/// inversion (small MSMs and short top windows).
///
/// The struct owns raw scratch sized for the largest window; a worker thread
/// makes one, runs many windows through it, then calls `deallocate()`.
struct XYZZBuckets {
    let maxBuckets: Int
    let buckets: UnsafeMutablePointer<G1XYZZ>
    var bucketCount = 0

    init(maxBuckets: Int) {
        self.maxBuckets = maxBuckets
        buckets = .allocate(capacity: maxBuckets)
        buckets.initialize(repeating: .identity, count: maxBuckets)
    }

    func deallocate() { buckets.deallocate() }

    /// Empties the first `count` buckets for a new window.
    mutating func reset(bucketCount count: Int) {
        precondition(count <= maxBuckets)
        bucketCount = count
        buckets.update(repeating: .identity, count: count)
    }

    /// Adds ±points[i] into bucket |d| − 1 for each non-zero digit code.
    mutating func accumulate<P: MSMPoint>(codes: UnsafePointer<UInt16>, points: UnsafePointer<P>, count: Int) {
        for i in 0..<count {
            let code = codes[i]
            if code == 0 { continue }
            let p = points[i]
            if p.isInfinity { continue }
            let py = code & 1 == 0 ? p.y : -p.y
            buckets[SignedDigits.bucket(code)].addAffine(x: p.x, y: py)
        }
    }

    /// Σ (b + 1)·bucket[b] by the running-sum method.
    func reduce() -> G1XYZZ {
        var running = G1XYZZ.identity
        var total = G1XYZZ.identity
        var b = bucketCount - 1
        while b >= 0 && buckets[b].isIdentity { b -= 1 }
        while b >= 0 {
            running.add(buckets[b])
            total.add(running)
            b -= 1
        }
        return total
    }
}
