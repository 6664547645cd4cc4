import BN254
import Parallel

/// A local, insecure SRS for development and tests.
extension SRS {
    /// An SRS of 2^power G1 powers with a τ derived from `seed`.
    ///
    /// INSECURE: τ is a function of a small seed, so anyone can recompute it
    /// and forge proofs. `isInsecure` is set; commands must print
    /// `SRS.insecureWarning` when they use it.
    /// - Parameters:
    ///   - power: log₂ of the number of G1 powers, 0…28.
    ///   - seed: any value; equal seeds give equal SRSs.
    public static func insecureDev(power: Int, seed: UInt64) -> SRS {
        precondition(power >= 0 && power <= 28, "power must be in 0...28")
        return insecureDev(count: 1 << power, tau: tauFromSeed(seed))
    }

    /// An SRS of `count` G1 powers [τ^i]₁ and [τ]₂ for a given τ (insecure:
    /// the caller knows τ).
    ///
    /// Each [τ^i]₁ is a fixed-base multiplication of the generator with a
    /// table of 32 windows × 255 multiples d·2^(8j)·G (8 160 affine points,
    /// built once): one mixed addition per non-zero byte of τ^i, no doublings
    /// (the fixed-base comb/window method, Brickell–Gordon–McCurley–Wilson
    /// 1992). Chunks run in parallel and each ends with one batch inversion.
    /// - Parameters:
    ///   - count: number of G1 powers, ≥ 1.
    ///   - tau: τ; must not be 0.
    public static func insecureDev(count: Int, tau: Fr) -> SRS {
        precondition(count >= 1, "an SRS needs at least one power")
        precondition(!tau.isZero, "tau must be non-zero")
        var scalars = [Fr](repeating: .one, count: count)
        for i in 1..<max(count, 1) { scalars[i] = scalars[i - 1] * tau }
        let powers = scalars
        let table = FixedBaseTable(base: .generator)
        var g1 = [G1Affine](repeating: .infinity, count: count)
        g1.withUnsafeMutableBufferPointer { buf in
            let out = SendableBuffer(buf)
            Parallel.forEachChunk(count: count, minChunk: 256) { _, range in
                var block = [G1Projective]()
                block.reserveCapacity(range.count)
                for i in range { block.append(table.multiply(powers[i])) }
                let affine = G1Projective.batchToAffine(block)
                for (k, i) in range.enumerated() { out[i] = affine[k] }
            }
        }
        let g2Tau = G2Projective(G2Affine.generator).multiplied(by: tau).toAffine()
        return SRS(g1Powers: g1, g2Generator: .generator, g2Tau: g2Tau, isInsecure: true)
    }

    /// τ from a seed by SplitMix64 (Steele, Lea, Flood 2014) over four words,
    /// reduced mod r; never 0.
    static func tauFromSeed(_ seed: UInt64) -> Fr {
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9e37_79b9_7f4a_7c15
            var z = state
            z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
            z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
            return z ^ (z >> 31)
        }
        let tau = Fr(reducing: (next(), next(), next(), next() >> 2))
        return tau.isZero ? Fr(7) : tau
    }
}

/// Multiples d·2^(8j)·B for j < 32, d in 1…255, affine: k·B is the sum of
/// at most 32 table entries, one per non-zero byte of k.
struct FixedBaseTable: Sendable {
    let entries: [G1Affine]

    init(base: G1Affine) {
        var proj = [G1Projective]()
        proj.reserveCapacity(32 * 255)
        var windowBase = G1Projective(base)
        for _ in 0..<32 {
            var acc = windowBase
            for _ in 1...255 { proj.append(acc); acc = acc + windowBase }
            windowBase = acc   // 256·windowBase
        }
        entries = G1Projective.batchToAffine(proj)
    }

    /// k·B for a scalar k (any Fr).
    @inline(__always)
    func multiply(_ k: Fr) -> G1Projective {
        let l = k.canonicalLimbs
        var acc = G1Projective.identity
        for (w, limb) in [l.0, l.1, l.2, l.3].enumerated() {
            for byte in 0..<8 {
                let d = Int((limb >> (8 * UInt64(byte))) & 0xff)
                if d != 0 { acc = acc.adding(entries[(w * 8 + byte) * 255 + d - 1]) }
            }
        }
        return acc
    }
}
