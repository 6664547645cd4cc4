/// A point of the sextic twist E′: y² = x³ + 3/ξ over Fq2 (ξ = 9 + u) in
/// affine coordinates, with an explicit flag for the point at infinity.
///
/// G2 is the subgroup of order r of E′(Fq2); the whole group has order
/// r·(2p − r), so a point on the twist need not be in G2 (see
/// `isInSubgroup`). Points decoded with `init(eip197Bytes:)` are checked;
/// points built with `init(x:y:)` are not.
@frozen
public struct G2Affine: Sendable {
    /// x coordinate (meaningless at infinity).
    public var x: Fq2
    /// y coordinate (meaningless at infinity).
    public var y: Fq2
    /// Whether this is the point at infinity.
    public var isInfinity: Bool

    /// The point (x, y); does not check that it is on the twist or in G2.
    @inlinable
    public init(x: Fq2, y: Fq2) { self.x = x; self.y = y; self.isInfinity = false }

    @inlinable
    internal init(x: Fq2, y: Fq2, isInfinity: Bool) { self.x = x; self.y = y; self.isInfinity = isInfinity }

    /// The point at infinity (encoded as 128 zero bytes in EIP-197).
    public static let infinity = G2Affine(x: .zero, y: .zero, isInfinity: true)

    /// The generator of G2 fixed by EIP-197 (and used by every Ethereum client).
    public static let generator = G2Affine(x: TowerConstants.g2GeneratorX, y: TowerConstants.g2GeneratorY)

    /// b′ = 3/ξ, the constant of the twist equation.
    public static let b = TowerConstants.twistB

    /// Whether the point satisfies y² = x³ + b′ (infinity counts as on the twist).
    @inlinable
    public var isOnCurve: Bool {
        if isInfinity { return true }
        return y.square() == x.square() * x + TowerConstants.twistB
    }

    /// Whether the point lies in G2, the subgroup of order r.
    ///
    /// - Precondition (unchecked): the point is on the twist (`isOnCurve`).
    /// - Returns: true for infinity; see `G2Projective.isInSubgroup` for the test.
    public var isInSubgroup: Bool { G2Projective(self).isInSubgroup }

    /// −P = (x, −y).
    @inlinable
    public static prefix func - (p: G2Affine) -> G2Affine {
        p.isInfinity ? p : G2Affine(x: p.x, y: -p.y)
    }
}

extension G2Affine: Hashable {
    /// Points are equal when both are infinity, or neither is and the
    /// coordinates agree (coordinates of infinity are ignored).
    @inlinable
    public static func == (lhs: G2Affine, rhs: G2Affine) -> Bool {
        if lhs.isInfinity || rhs.isInfinity { return lhs.isInfinity == rhs.isInfinity }
        return lhs.x == rhs.x && lhs.y == rhs.y
    }

    /// Hashes the flag, and the coordinates of a finite point (consistent with `==`).
    @inlinable
    public func hash(into hasher: inout Hasher) {
        hasher.combine(isInfinity)
        if !isInfinity { hasher.combine(x); hasher.combine(y) }
    }
}
