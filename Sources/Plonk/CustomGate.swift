import BN254

/// The witness values of one row: the three permuted wires a, b, c and the
/// auxiliary wires d, e, f (not in the permutation; only custom gates read them).
public struct WireValues: Sendable, Hashable {
    /// Wire a (also carries public inputs on the first rows).
    public var a: Fr
    /// Wire b.
    public var b: Fr
    /// Wire c.
    public var c: Fr
    /// Wires d, e, f, the auxiliary columns: not copy-constrained.
    public var d: Fr, e: Fr, f: Fr

    /// A row's values.
    @inlinable
    public init(a: Fr, b: Fr, c: Fr, d: Fr, e: Fr = .zero, f: Fr = .zero) {
        self.a = a; self.b = b; self.c = c; self.d = d; self.e = e; self.f = f
    }

    /// All six wires zero.
    public static let zero = WireValues(a: .zero, b: .zero, c: .zero, d: .zero)
}

/// A custom gate: a set of constraints that are linear in fixed columns the
/// gate owns, with coefficients that are polynomials of degree ≤ 3 in the
/// witness values of the current row and the next row.
///
/// Constraint k of a gate with fixed columns f₀ … f_{F−1} is
/// `Σ_j f_j(X) · g_{k,j}(w(X), w(ωX)) = 0` on every row X ∈ H, where w = (a, b, c, d, e, f).
/// Rows that do not use the gate have all its fixed columns zero, so the gate
/// is switched off there. Because each constraint is linear in the fixed
/// columns, the whole gate has degree ≤ 4 (quotient on the 4n coset, PLONK
/// eprint 2019/953 §8) and the verifier linearises it generically: it evaluates
/// `g_{k,j}` at the opened wire values at ζ and ζω and scales the fixed-column
/// commitments by them. The same `coefficients` function serves the
/// satisfiability checker, the prover (per coset point) and the verifier, so
/// they cannot disagree.
///
/// Gates are identified in verification keys by `name` and order, so a name
/// must identify one set of equations: changing a gate's equations requires a
/// new name.
public protocol CustomGate: Sendable {
    /// A unique, stable name; written into verification keys.
    var name: String { get }
    /// The number of fixed columns (selectors and per-row constants) the gate owns; ≥ 1.
    var fixedColumnCount: Int { get }
    /// The number of constraints; ≥ 1.
    var constraintCount: Int { get }
    /// Whether any coefficient reads `next` (informational: the proof always
    /// opens all six wires at ζω).
    var readsNextRow: Bool { get }
    /// Writes `g_{k,j}(current, next)` into `out[k * fixedColumnCount + j]` for
    /// every constraint k and owned fixed column j.
    ///
    /// Requirements: a pure function of its inputs (no state), polynomial of
    /// degree ≤ 3 in the twelve wire values; must write every entry of `out`
    /// (`out.count == constraintCount * fixedColumnCount`). Called once per
    /// row and per quotient-coset point, so it must not allocate.
    func coefficients(current: WireValues, next: WireValues, into out: UnsafeMutableBufferPointer<Fr>)

    /// The gate's term of the quotient at one point: Σ_k alphas[k] · Σ_j fixed[j·stride] · g_{k,j}.
    ///
    /// The prover calls it at all 4n points of the quotient's coset, where it is the hottest
    /// loop after the MSMs. The default goes through `coefficients`; a gate whose
    /// coefficient matrix is mostly zeros and ones may write the sum out instead, which the
    /// tests check against the default (it must be the same polynomial).
    func accumulate(current: WireValues, next: WireValues, fixed: UnsafePointer<Fr>, stride: Int,
                    alphas: UnsafePointer<Fr>) -> Fr
}

extension CustomGate {
    /// Default: true (conservative).
    public var readsNextRow: Bool { true }

    /// Default: `coefficients` into a stack buffer, then the weighted sums.
    public func accumulate(current: WireValues, next: WireValues, fixed: UnsafePointer<Fr>, stride: Int,
                           alphas: UnsafePointer<Fr>) -> Fr {
        defaultAccumulate(current: current, next: next, fixed: fixed, stride: stride, alphas: alphas)
    }

    /// The default `accumulate`, callable by gates that override it (for their tests).
    public func defaultAccumulate(current: WireValues, next: WireValues, fixed: UnsafePointer<Fr>, stride: Int,
                                  alphas: UnsafePointer<Fr>) -> Fr {
        let fc = fixedColumnCount, kc = constraintCount
        return withUnsafeTemporaryAllocation(of: Fr.self, capacity: fc * kc) { g in
            coefficients(current: current, next: next, into: g)
            var acc = Fr.zero
            for k in 0..<kc {
                var s = Fr.zero
                for j in 0..<fc { s += fixed[j * stride] * g[k * fc + j] }
                acc += alphas[k] * s
            }
            return acc
        }
    }

    /// Constraint values `Σ_j fixed[j] · g_{k,j}` for each k: what must be zero on a row.
    /// - Parameters:
    ///   - fixed: the gate's fixed-column values on the row (`fixedColumnCount` of them).
    ///   - current: the row's wires.
    ///   - next: the next row's wires.
    /// - Returns: `constraintCount` values.
    public func evaluate(fixed: [Fr], current: WireValues, next: WireValues) -> [Fr] {
        let f = fixedColumnCount, k = constraintCount
        var g = [Fr](repeating: .zero, count: f * k)
        g.withUnsafeMutableBufferPointer { coefficients(current: current, next: next, into: $0) }
        var out = [Fr](repeating: .zero, count: k)
        for ki in 0..<k {
            var s = Fr.zero
            for j in 0..<f { s += fixed[j] * g[ki * f + j] }
            out[ki] = s
        }
        return out
    }
}
