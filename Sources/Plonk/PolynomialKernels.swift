import BN254
import Parallel

/// Small coefficient-form kernels used by prover and preprocessing.
enum PolynomialKernels {
    /// p(x) by Horner's rule over `coefficients` (lowest degree first), in
    /// parallel chunks: chunk [s, e) contributes x^s·Horner(chunk). Exact, so
    /// the result does not depend on the chunking.
    static func evaluate(_ coefficients: UnsafeBufferPointer<Fr>, at x: Fr) -> Fr {
        let n = coefficients.count
        let chunks = Parallel.chunkCount(count: n, minChunk: 1 << 14)
        if chunks <= 1 { return horner(coefficients, x) }
        var partial = [Fr](repeating: .zero, count: chunks)
        partial.withUnsafeMutableBufferPointer { pb in
            let out = SendableBuffer(pb)
            let src = SendableBuffer(UnsafeMutableBufferPointer(mutating: coefficients))
            Parallel.forEachChunk(count: n, minChunk: 1 << 14) { c, range in
                out[c] = x.pow(UInt64(range.lowerBound)) * horner(UnsafeBufferPointer(rebasing: src.buffer[range]), x)
            }
        }
        return partial.reduce(Fr.zero, +)
    }

    /// Serial Horner evaluation.
    static func horner(_ coefficients: UnsafeBufferPointer<Fr>, _ x: Fr) -> Fr {
        var acc = Fr.zero
        var i = coefficients.count - 1
        while i >= 0 { acc = acc * x + coefficients[i]; i -= 1 }
        return acc
    }

    /// p(x) for an array.
    static func evaluate(_ coefficients: [Fr], at x: Fr) -> Fr {
        coefficients.withUnsafeBufferPointer { evaluate($0, at: x) }
    }

    /// The quotient of p(X) by (X − z), dropping the remainder (synthetic division).
    static func divideByLinear(_ p: [Fr], _ z: Fr) -> [Fr] {
        let n = p.count
        if n <= 1 { return [] }
        var q = [Fr](repeating: .zero, count: n - 1)
        q.withUnsafeMutableBufferPointer { qb in
            p.withUnsafeBufferPointer { pb in
                var carry = Fr.zero
                var i = n - 1
                while i >= 1 {
                    carry = pb[i] + carry * z
                    qb[i - 1] = carry
                    i -= 1
                }
            }
        }
        return q
    }

    /// acc[i] += s·p[i] for i < p.count (acc must be at least as long).
    static func addScaled(_ acc: inout [Fr], _ s: Fr, _ p: UnsafeBufferPointer<Fr>) {
        precondition(acc.count >= p.count)
        acc.withUnsafeMutableBufferPointer { ab in
            let out = SendableBuffer(ab)
            let src = SendableBuffer(UnsafeMutableBufferPointer(mutating: p))
            Parallel.forEachChunk(count: p.count, minChunk: 1 << 14) { _, range in
                for i in range { out[i] = out[i] + s * src[i] }
            }
        }
    }

    /// acc += s·p for an array.
    static func addScaled(_ acc: inout [Fr], _ s: Fr, _ p: [Fr]) {
        p.withUnsafeBufferPointer { addScaled(&acc, s, $0) }
    }
}
