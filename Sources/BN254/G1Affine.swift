/// A point of G1 (y² = x³ + 3 over Fq) in affine coordinates, with an explicit
/// flag for the point at infinity (encoded as (0, 0) in the precompile format).
@frozen
public struct G1Affine: Sendable, Hashable {
    /// x coordinate (meaningless at infinity).
    public var x: Fq
    /// y coordinate (meaningless at infinity).
    public var y: Fq
    /// Whether this is the point at infinity.
    public var isInfinity: Bool

    /// The point (x, y); does not check that it is on the curve.
    @inlinable
    public init(x: Fq, y: Fq) { self.x = x; self.y = y; self.isInfinity = false }

    @inlinable
    internal init(x: Fq, y: Fq, isInfinity: Bool) { self.x = x; self.y = y; self.isInfinity = isInfinity }

    /// The point at infinity.
    public static let infinity = G1Affine(x: .zero, y: .zero, isInfinity: true)

    /// The standard generator (1, 2).
    public static let generator = G1Affine(x: Fq(1), y: Fq(2))

    /// b = 3.
    public static let b = Fq(3)

    /// Whether the point satisfies y² = x³ + 3 (infinity counts as on the curve).
    /// G1 has cofactor 1, so on-curve means in the subgroup.
    @inlinable
    public var isOnCurve: Bool {
        if isInfinity { return true }
        return y.square() == x.square() * x + G1Affine.b
    }
}
