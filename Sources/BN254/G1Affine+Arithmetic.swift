/// Group operations on affine points, for convenience: each goes through
/// `G1Projective` and returns a Jacobian result (no inversion).
extension G1Affine {
    /// −self: (x, −y); infinity stays infinity.
    @inlinable
    public func negated() -> G1Affine {
        isInfinity ? self : G1Affine(x: x, y: -y)
    }

    /// −p.
    @inlinable
    public static prefix func - (p: G1Affine) -> G1Affine { p.negated() }

    /// lhs + rhs in Jacobian form (handles infinity, equal and opposite points).
    @inlinable
    public static func + (lhs: G1Affine, rhs: G1Affine) -> G1Projective {
        G1Projective(lhs).adding(rhs)
    }

    /// [k]·p in Jacobian form (GLV scalar multiplication, see `G1Projective.multiplied(by:)`).
    @inlinable
    public static func * (p: G1Affine, k: Fr) -> G1Projective {
        G1Projective(p).multiplied(by: k)
    }

    /// [k]·p in Jacobian form.
    @inlinable
    public static func * (k: Fr, p: G1Affine) -> G1Projective {
        G1Projective(p).multiplied(by: k)
    }
}
