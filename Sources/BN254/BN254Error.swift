/// Why bytes could not be read as a field element or curve point.
///
/// The cases name the failed check, so precompiles and the verifier can
/// report precisely what was wrong with an input.
public enum BN254Error: Error, Equatable, Sendable, CustomStringConvertible {
    /// The input had `got` bytes where `expected` were required.
    case wrongLength(expected: Int, got: Int)
    /// A coordinate or scalar encoded a value ≥ the field modulus.
    case notInField
    /// The point does not satisfy the curve equation.
    case notOnCurve
    /// The point is on the curve but outside the prime-order subgroup (G2 only).
    case notInSubgroup

    public var description: String {
        switch self {
        case let .wrongLength(e, g): return "expected \(e) bytes, got \(g)"
        case .notInField: return "coordinate not below the field modulus"
        case .notOnCurve: return "point is not on the curve"
        case .notInSubgroup: return "point is not in the prime-order subgroup"
        }
    }
}
