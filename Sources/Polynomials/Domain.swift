import BN254
import Parallel

/// A multiplicative subgroup H = {1, ω, ω², …, ωⁿ⁻¹} of Fr* of size n = 2ᵏ, the
/// evaluation domain of the radix-2 NTT, with its coset g·H.
///
/// Fr's two-adicity is 28, so k ≤ 28. ω is `Fr.twoAdicRootOfUnity` squared
/// 28 − k times, a primitive n-th root of unity; the coset shift g is
/// `Fr.multiplicativeGenerator` (5), which lies outside every such H, so g·H and
/// H are disjoint (Plonk evaluates its quotient there, where Z_H does not vanish).
///
/// The twiddle factors the transforms use live in a shared reference-counted
/// store: copies of a `Domain` share them, and `TwiddleStorage` picks between
/// full tables (fast) and small tables (low memory). Domains are immutable and
/// safe to use from several threads at once.
public struct Domain: Sendable {
    /// n, the number of elements; a power of two, 1 ≤ n ≤ 2²⁸.
    public let size: Int
    /// k = log₂ n.
    public let logSize: Int
    /// ω, a primitive n-th root of unity (ωⁿ = 1, ω^(n/2) = −1 for n ≥ 2).
    public let generator: Fr
    /// ω⁻¹.
    public let generatorInverse: Fr
    /// n⁻¹ in Fr, the scale of the inverse transform.
    public let sizeInverse: Fr
    /// g, the shift of the coset g·H used by the coset transforms.
    public let cosetShift: Fr
    /// g⁻¹.
    public let cosetShiftInverse: Fr
    /// How this domain keeps its twiddle factors.
    public let twiddleStorage: TwiddleStorage

    @usableFromInline internal let _twiddles: _TwiddleStore

    /// The largest supported k: Fr has 2-adicity 28.
    public static let maxLogSize = Fr.twoAdicity

    /// Transforms of this size or more use all of `Parallel.threadCount`
    /// threads; smaller ones run on the calling thread, where dispatch would
    /// cost more than it saves.
    public static let parallelThreshold = 1 << 12

    /// The domain of `size` elements.
    /// - Parameters:
    ///   - size: n; must be a power of two with n ≤ 2²⁸.
    ///   - twiddles: `.precomputed` (default) or `.onTheFly` (low memory).
    /// - Returns: nil when `size` is not a power of two or exceeds 2²⁸: such a
    ///   subgroup does not exist in Fr*.
    public init?(size: Int, twiddles: TwiddleStorage = .precomputed) {
        guard size > 0, size & (size - 1) == 0 else { return nil }
        self.init(logSize: size.trailingZeroBitCount, twiddles: twiddles)
    }

    /// The domain of 2^`logSize` elements.
    /// - Parameters:
    ///   - logSize: k, 0 ≤ k ≤ 28.
    ///   - twiddles: `.precomputed` (default) or `.onTheFly` (low memory).
    /// - Returns: nil when k is outside 0…28.
    public init?(logSize: Int, twiddles: TwiddleStorage = .precomputed) {
        guard logSize >= 0, logSize <= Domain.maxLogSize else { return nil }
        self.logSize = logSize
        self.size = 1 << logSize
        var w = Fr.twoAdicRootOfUnity
        for _ in logSize..<Domain.maxLogSize { w = w.square() }
        self.generator = w
        self.generatorInverse = w.inverse()!
        self.sizeInverse = Fr(UInt64(size)).inverse()!
        self.cosetShift = Fr.multiplicativeGenerator
        self.cosetShiftInverse = Fr.multiplicativeGenerator.inverse()!
        self.twiddleStorage = twiddles
        self._twiddles = _TwiddleStore(logSize: logSize, omega: w, omegaInverse: generatorInverse, storage: twiddles)
    }

    /// The smallest domain with at least `count` elements.
    /// - Parameters:
    ///   - count: a positive number of points.
    ///   - twiddles: `.precomputed` (default) or `.onTheFly`.
    /// - Returns: nil when `count` < 1 or more than 2²⁸ points are needed.
    public init?(atLeast count: Int, twiddles: TwiddleStorage = .precomputed) {
        guard count >= 1, count <= 1 << Domain.maxLogSize else { return nil }
        let k = count == 1 ? 0 : Int.bitWidth - (count - 1).leadingZeroBitCount
        self.init(logSize: k, twiddles: twiddles)
    }

    /// ωⁱ, the i-th element of H.
    /// - Parameter i: any integer; taken modulo n.
    /// - Returns: ω^(i mod n).
    public func element(_ i: Int) -> Fr {
        let e = i & (size - 1)
        return generator.pow(UInt64(e))
    }

    /// All of H in order: [1, ω, ω², …, ωⁿ⁻¹]. O(n) multiplications, spread
    /// over `Parallel.threadCount` threads for large domains.
    public var elements: [Fr] {
        Domain._powers(of: generator, count: size, scale: .one)
    }

    /// The elements of the coset g·H in order: [g, g·ω, …, g·ωⁿ⁻¹], the points
    /// at which `cosetForwardNTT` evaluates.
    public var cosetElements: [Fr] {
        Domain._powers(of: generator, count: size, scale: cosetShift)
    }

    /// [scale·b⁰, scale·b¹, …, scale·b^(count−1)], computed in parallel chunks
    /// that each start from b^start (exact, so independent of the chunking).
    @usableFromInline
    internal static func _powers(of b: Fr, count: Int, scale: Fr) -> [Fr] {
        [Fr](unsafeUninitializedCapacity: count) { buf, initialized in
            let out = SendableBuffer(buf)
            Parallel.forEachChunk(count: count, minChunk: Domain.parallelThreshold) { _, range in
                var p = scale * b.pow(UInt64(range.lowerBound))
                for i in range {
                    (out.buffer.baseAddress! + i).initialize(to: p)
                    p *= b
                }
            }
            initialized = count
        }
    }
}
