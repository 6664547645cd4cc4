import BN254
import Parallel

/// A univariate polynomial over Fr in coefficient form, constant term first.
///
/// Kept normalised (no trailing zero coefficients), so equal polynomials have
/// equal `coefficients` and `==` is polynomial equality. Arithmetic lives in
/// `DensePolynomial+Arithmetic.swift` and `DensePolynomial+Division.swift`;
/// conversions to and from evaluations over a `Domain` here.
public struct DensePolynomial: Sendable, Hashable {
    /// c₀, c₁, …, c_d with c_d ≠ 0; empty for the zero polynomial.
    public private(set) var coefficients: [Fr]

    /// The polynomial Σ cᵢ·Xⁱ.
    /// - Parameter coefficients: constant term first; trailing zeros are dropped.
    public init(coefficients: [Fr]) {
        self.coefficients = coefficients
        normalize()
    }

    /// The zero polynomial.
    public static let zero = DensePolynomial(coefficients: [])

    /// The constant polynomial c.
    /// - Parameter c: the constant term.
    public init(constant c: Fr) {
        self.init(coefficients: [c])
    }

    /// Whether this is the zero polynomial.
    public var isZero: Bool { coefficients.isEmpty }

    /// The degree; 0 for constants, including the zero polynomial (check
    /// `isZero` to tell it apart), as arkworks does.
    public var degree: Int { max(0, coefficients.count - 1) }

    /// Drops trailing zero coefficients.
    mutating func normalize() {
        while let last = coefficients.last, last.isZero { coefficients.removeLast() }
    }

    /// p(x), by Horner's rule; above `Domain.parallelThreshold` coefficients,
    /// by Horner on equal chunks, each weighted by x^(start of chunk) and
    /// summed in chunk order.
    /// - Parameter x: any field element.
    /// - Returns: Σ cᵢ·xⁱ.
    public func evaluate(at x: Fr) -> Fr {
        let count = coefficients.count
        let chunks = Parallel.chunkCount(count: count, minChunk: Domain.parallelThreshold)
        return coefficients.withUnsafeBufferPointer { c in
            if chunks <= 1 { return DensePolynomial.horner(c, 0..<count, x) }
            let partials = SendableBuffer(UnsafeMutableBufferPointer<Fr>.allocate(capacity: chunks))
            defer { partials.buffer.deallocate() }
            let coefficients = SendableBuffer(UnsafeMutableBufferPointer(mutating: c))
            Parallel.forEachChunk(count: count, minChunk: Domain.parallelThreshold) { k, range in
                let local = DensePolynomial.horner(UnsafeBufferPointer(coefficients.buffer), range, x)
                partials.buffer.initializeElement(at: k, to: local * x.pow(UInt64(range.lowerBound)))
            }
            var sum = Fr.zero
            for k in 0..<chunks { sum += partials[k] }
            return sum
        }
    }

    /// Σ_{i ∈ range} c_i·x^(i − range.lowerBound).
    @inline(__always)
    static func horner(_ c: UnsafeBufferPointer<Fr>, _ range: Range<Int>, _ x: Fr) -> Fr {
        var acc = Fr.zero
        var i = range.upperBound
        while i > range.lowerBound {
            i -= 1
            acc = acc * x + c[i]
        }
        return acc
    }

    // MARK: - Evaluation form

    /// p(1), p(ω), …, p(ωⁿ⁻¹) over `domain`, by one forward NTT.
    /// - Parameter domain: a domain with at least `coefficients.count` elements.
    /// - Returns: n evaluations in natural order.
    public func evaluations(over domain: Domain) -> [Fr] {
        var v = padded(to: domain.size)
        domain.forwardNTT(&v)
        return v
    }

    /// p(g), p(g·ω), …, p(g·ωⁿ⁻¹) over the coset of `domain`, by one coset NTT.
    /// - Parameter domain: a domain with at least `coefficients.count` elements.
    /// - Returns: n evaluations in natural order.
    public func cosetEvaluations(over domain: Domain) -> [Fr] {
        var v = padded(to: domain.size)
        domain.cosetForwardNTT(&v)
        return v
    }

    /// The polynomial of degree < n through (ωⁱ, evaluations[i]), by one
    /// inverse NTT.
    /// - Parameters:
    ///   - evaluations: exactly `domain.size` values in natural order.
    ///   - domain: the domain they were taken over.
    public init(evaluations: [Fr], over domain: Domain) {
        var v = evaluations
        domain.inverseNTT(&v)
        self.init(coefficients: v)
    }

    /// The coefficients followed by zeros up to `count`.
    func padded(to count: Int) -> [Fr] {
        precondition(coefficients.count <= count, "polynomial has more coefficients than the domain has points")
        var v = coefficients
        v.append(contentsOf: repeatElement(Fr.zero, count: count - coefficients.count))
        return v
    }
}
