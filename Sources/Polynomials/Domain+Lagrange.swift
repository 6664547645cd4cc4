import BN254
import Parallel

extension Domain {
    /// Z_H(x) = xⁿ − 1, the vanishing polynomial of H, at `x`.
    /// - Parameter x: any field element.
    /// - Returns: xⁿ − 1; zero exactly when x ∈ H. k squarings.
    public func evaluateVanishing(at x: Fr) -> Fr {
        var p = x
        for _ in 0..<logSize { p = p.square() }
        return p - .one
    }

    /// Lᵢ(x), the i-th Lagrange basis polynomial of H at `x`: the polynomial of
    /// degree < n that is 1 at ωⁱ and 0 at the other points of H.
    ///
    /// Uses Lᵢ(x) = ωⁱ·(xⁿ − 1) / (n·(x − ωⁱ)) off H (PLONK, eprint 2019/953,
    /// §2.1); on H it is 1 at x = ωⁱ and 0 elsewhere.
    /// - Parameters:
    ///   - i: index in 0..<n.
    ///   - x: any field element.
    /// - Returns: Lᵢ(x). One inversion.
    public func evaluateLagrange(_ i: Int, at x: Fr) -> Fr {
        precondition(i >= 0 && i < size, "Lagrange index out of range")
        let wi = element(i)
        let z = evaluateVanishing(at: x)
        if z.isZero { return x == wi ? .one : .zero }
        return wi * z * sizeInverse * (x - wi).inverse()!
    }

    /// [L₀(x), …, Lₙ₋₁(x)], every Lagrange basis polynomial of H at `x`: the
    /// weights with p(x) = Σ p(ωⁱ)·Lᵢ(x) for any p of degree < n.
    ///
    /// Off H: one batch inversion of (x − ωⁱ) (Montgomery's trick) in parallel
    /// chunks, then Lᵢ(x) = ωⁱ·(xⁿ − 1)/n · (x − ωⁱ)⁻¹. On H: the unit vector.
    /// - Parameter x: any field element.
    /// - Returns: n values; about 5n multiplications and one inversion per chunk.
    public func lagrangeEvaluations(at x: Fr) -> [Fr] {
        let n = size
        let z = evaluateVanishing(at: x)
        if z.isZero {
            var out = [Fr](repeating: .zero, count: n)
            var w = Fr.one
            for i in 0..<n {
                if w == x { out[i] = .one; break }
                w *= generator
            }
            return out
        }
        let factor = z * sizeInverse
        let omega = generator
        return [Fr](unsafeUninitializedCapacity: n) { buf, initialized in
            let out = SendableBuffer(buf)
            Parallel.forEachChunk(count: n, minChunk: Domain.parallelThreshold) { _, range in
                let slice = UnsafeMutableBufferPointer(rebasing: out.buffer[range])
                var w = omega.pow(UInt64(range.lowerBound))
                for i in slice.indices {
                    slice.baseAddress!.advanced(by: i).initialize(to: x - w)
                    w *= omega
                }
                Fr.batchInverse(slice)
                w = factor * omega.pow(UInt64(range.lowerBound))
                for i in slice.indices {
                    slice[i] *= w
                    w *= omega
                }
            }
            initialized = n
        }
    }
}
