import BN254
import Parallel

extension DensePolynomial {
    /// Products with both operands of at least this many coefficients use NTTs;
    /// smaller ones use the schoolbook method, which is faster there.
    public static let nttMultiplicationThreshold = 64

    /// a + b, coefficient-wise.
    public static func + (a: DensePolynomial, b: DensePolynomial) -> DensePolynomial {
        let (long, short) = a.coefficients.count >= b.coefficients.count ? (a, b) : (b, a)
        var c = long.coefficients
        for i in short.coefficients.indices { c[i] += short.coefficients[i] }
        return DensePolynomial(coefficients: c)
    }

    /// a − b, coefficient-wise.
    public static func - (a: DensePolynomial, b: DensePolynomial) -> DensePolynomial {
        var c = a.coefficients
        if c.count < b.coefficients.count {
            c.append(contentsOf: repeatElement(Fr.zero, count: b.coefficients.count - c.count))
        }
        for i in b.coefficients.indices { c[i] -= b.coefficients[i] }
        return DensePolynomial(coefficients: c)
    }

    /// −a.
    public static prefix func - (a: DensePolynomial) -> DensePolynomial {
        DensePolynomial(coefficients: a.coefficients.map { -$0 })
    }

    /// a += b.
    public static func += (a: inout DensePolynomial, b: DensePolynomial) { a = a + b }

    /// a −= b.
    public static func -= (a: inout DensePolynomial, b: DensePolynomial) { a = a - b }

    /// s·p, every coefficient times s.
    public static func * (s: Fr, p: DensePolynomial) -> DensePolynomial {
        if s.isZero { return .zero }
        return DensePolynomial(coefficients: p.coefficients.map { s * $0 })
    }

    /// p·s, every coefficient times s.
    public static func * (p: DensePolynomial, s: Fr) -> DensePolynomial { s * p }

    /// a·b: schoolbook below `nttMultiplicationThreshold`, else two forward
    /// NTTs over the smallest domain holding deg a + deg b + 1 points, a
    /// pointwise product and one inverse NTT (staying in bit-reversed order
    /// between them).
    /// - Returns: the product; `.zero` if either factor is zero.
    /// - Precondition: deg a + deg b < 2²⁸.
    public static func * (a: DensePolynomial, b: DensePolynomial) -> DensePolynomial {
        if a.isZero || b.isZero { return .zero }
        let count = a.coefficients.count + b.coefficients.count - 1
        if min(a.coefficients.count, b.coefficients.count) < nttMultiplicationThreshold {
            return DensePolynomial(coefficients: schoolbook(a.coefficients, b.coefficients))
        }
        guard let domain = Domain(atLeast: count) else { preconditionFailure("product degree exceeds 2^28") }
        var x = a.padded(to: domain.size), y = b.padded(to: domain.size)
        domain.forwardNTT(&x, outputOrder: .bitReversed)
        domain.forwardNTT(&y, outputOrder: .bitReversed)
        x.withUnsafeMutableBufferPointer { xb in
            y.withUnsafeBufferPointer { yb in
                let xs = SendableBuffer(xb), ys = SendableBuffer(UnsafeMutableBufferPointer(mutating: yb))
                Parallel.forEachChunk(count: domain.size, minChunk: Domain.parallelThreshold) { _, range in
                    for i in range { xs[i] *= ys[i] }
                }
            }
        }
        domain.inverseNTT(&x, inputOrder: .bitReversed)
        x.removeLast(x.count - count)
        return DensePolynomial(coefficients: x)
    }

    /// The schoolbook product of two non-empty coefficient lists.
    static func schoolbook(_ a: [Fr], _ b: [Fr]) -> [Fr] {
        var c = [Fr](repeating: .zero, count: a.count + b.count - 1)
        for i in a.indices {
            for j in b.indices { c[i + j] += a[i] * b[j] }
        }
        return c
    }
}
