import BN254
import Parallel

/// Consistency checks of an SRS: the points are valid, the first powers are
/// the generators, and the G1 powers are successive powers of the τ in [τ]₂.
extension SRS {
    /// Runs every check with fresh OS randomness; see `verify(using:)`.
    public func verify() throws(SRSError) {
        var rng = SystemRandomNumberGenerator()
        try verify(using: &rng)
    }

    /// Checks that this is a well-formed powers-of-τ SRS.
    ///
    /// 1. Every G1 power is a finite point on the curve; [1]₂ and [τ]₂ are on
    ///    the twist and in G2 (wrong-subgroup points would make pairing
    ///    checks meaningless).
    /// 2. g1Powers[0] and g2Generator are the standard generators.
    /// 3. e([τ]₁, [1]₂) = e([1]₁, [τ]₂): the G2 power matches the G1 powers.
    /// 4. With random rᵢ (i < n − 1): e(Σ rᵢ[τ^i]₁, [τ]₂) = e(Σ rᵢ[τ^(i+1)]₁, [1]₂).
    ///    If some [τ^(i+1)]₁ ≠ τ·[τ^i]₁ the two sides differ except with
    ///    probability 1/r over the choice of rᵢ (Schwartz–Zippel); together with
    ///    3 this shows g1Powers[i] = [τ^i]₁ for all i. Cost: two MSMs of n − 1
    ///    points and one 2-pair pairing check (the batched check of snarkjs'
    ///    `powersoftau verify` and of the Ethereum KZG ceremony's verifier).
    /// - Parameter rng: source of the rᵢ; must be unpredictable to whoever made
    ///   the file (seeded generators are for reproducible tests only).
    /// - Throws: the first failing check as an `SRSError`.
    public func verify<G: RandomNumberGenerator>(using rng: inout G) throws(SRSError) {
        try verifyPoints()
        try verifyGenerators()
        let n = g1Powers.count
        guard n >= 2 else { return }
        guard Pairing.pairingCheck([(g1Powers[1], g2Generator), (-g1Powers[0], g2Tau)]) else {
            throw .tauMismatch
        }
        guard n >= 3 else { return }
        let r = (0..<(n - 1)).map { _ in Fr.random(using: &rng) }
        let lhs = G1Projective.msm(points: Array(g1Powers[0..<(n - 1)]), scalars: r).toAffine()
        let rhs = G1Projective.msm(points: Array(g1Powers[1..<n]), scalars: r).toAffine()
        guard Pairing.pairingCheck([(lhs, g2Tau), (-rhs, g2Generator)]) else {
            throw .powersInconsistent(count: n)
        }
    }

    /// Check 2 of `verify`: g1Powers[0] and g2Generator are the generators.
    func verifyGenerators() throws(SRSError) {
        guard let first = g1Powers.first, first == .generator else { throw .notGenerator(section: "tauG1") }
        guard g2Generator == .generator else { throw .notGenerator(section: "tauG2") }
    }

    /// Check 1 of `verify`, in parallel over the G1 powers; reports the lowest bad index.
    func verifyPoints() throws(SRSError) {
        let n = g1Powers.count
        let chunks = Parallel.chunkCount(count: n, minChunk: 4096)
        var firstBad = [Int](repeating: Int.max, count: chunks)
        let points = g1Powers
        firstBad.withUnsafeMutableBufferPointer { buf in
            let bad = SendableBuffer(buf)
            Parallel.forEachChunk(count: n, minChunk: 4096) { c, range in
                for i in range where points[i].isInfinity || !points[i].isOnCurve { bad[c] = i; return }
            }
        }
        if let i = firstBad.min(), i != Int.max {
            throw g1Powers[i].isInfinity ? .pointAtInfinity(section: "tauG1", index: i)
                                         : .pointNotOnCurve(section: "tauG1", index: i)
        }
        for (index, q) in [g2Generator, g2Tau].enumerated() {
            if q.isInfinity { throw .pointAtInfinity(section: "tauG2", index: index) }
            if !q.isOnCurve { throw .pointNotOnCurve(section: "tauG2", index: index) }
            if !q.isInSubgroup { throw .pointNotInSubgroup(section: "tauG2", index: index) }
        }
    }
}
