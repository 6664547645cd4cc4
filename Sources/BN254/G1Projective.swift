/// A point of G1 (y² = x³ + 3 over Fq) in Jacobian coordinates.
///
/// (X, Y, Z) stands for the affine point (X/Z², Y/Z³); any triple with Z = 0
/// is the identity. Addition and doubling use the a = 0 formulas of the
/// Explicit-Formulas Database (add-2007-bl, madd-2007-bl, dbl-2009-l), with
/// the products that the EFD writes as squares of sums replaced by plain
/// multiplications, which cost the same here (no dedicated squaring).
///
/// Arithmetic is **not constant time**: the identity and equal-point cases
/// branch. Use it on public data only.
@frozen
public struct G1Projective: Sendable {
    /// Jacobian X.
    public var x: Fq
    /// Jacobian Y.
    public var y: Fq
    /// Jacobian Z; zero at the identity.
    public var z: Fq

    /// The point (x, y, z) as given; does not check that it is on the curve.
    @inlinable @inline(__always)
    public init(x: Fq, y: Fq, z: Fq) { self.x = x; self.y = y; self.z = z }

    /// The identity (point at infinity), stored as (1, 1, 0).
    public static let identity = G1Projective(x: .one, y: .one, z: .zero)

    /// The standard generator (1, 2).
    public static let generator = G1Projective(G1Affine.generator)

    /// The Jacobian form of an affine point (Z = 1, or the identity).
    @inlinable
    public init(_ p: G1Affine) {
        if p.isInfinity { self.init(x: .one, y: .one, z: .zero) } else { self.init(x: p.x, y: p.y, z: .one) }
    }

    /// Whether this is the identity (Z = 0).
    @inlinable
    public var isIdentity: Bool { z.isZero }

    /// Whether Y² = X³ + 3·Z⁶ (the identity counts as on the curve).
    public var isOnCurve: Bool {
        if isIdentity { return true }
        let z2 = z.square()
        let z6 = z2.square() * z2
        return y.square() == x.square() * x + G1Affine.b * z6
    }

    // MARK: - Group law

    /// 2·self (dbl-2009-l, a = 0: 3M + 4S). The identity doubles to itself;
    /// no point of G1 has y = 0, so there is no other special case.
    @inlinable
    public func doubled() -> G1Projective {
        let a = x.square()
        let b = y.square()
        let c = b.square()
        let d = (x * b).double().double()   // 4·X·Y² = 2((X+B)² − A − C)
        let e = a.double() + a               // 3·X²
        let f = e.square()
        let x3 = f - d.double()
        let y3 = e * (d - x3) - c.double().double().double()
        let z3 = (y * z).double()
        return G1Projective(x: x3, y: y3, z: z3)
    }

    /// self + q for any two points: handles the identity, q = self and q = −self.
    /// (add-2007-bl, 12M + 4S.)
    @inlinable
    public func adding(_ q: G1Projective) -> G1Projective {
        if isIdentity { return q }
        if q.isIdentity { return self }
        let z1z1 = z.square()
        let z2z2 = q.z.square()
        let u1 = x * z2z2
        let u2 = q.x * z1z1
        let s1 = y * q.z * z2z2
        let s2 = q.y * z * z1z1
        let h = u2 - u1
        let rr = s2 - s1
        if h.isZero {
            return rr.isZero ? doubled() : .identity
        }
        let i = h.double().square()
        let j = h * i
        let r = rr.double()
        let v = u1 * i
        let x3 = r.square() - j - v.double()
        let y3 = r * (v - x3) - (s1 * j).double()
        let z3 = (z * q.z).double() * h
        return G1Projective(x: x3, y: y3, z: z3)
    }

    /// self + q for an affine q (madd-2007-bl, 8M + 3S); handles the identity,
    /// infinity, q = self and q = −self.
    @inlinable
    public func adding(_ q: G1Affine) -> G1Projective {
        if q.isInfinity { return self }
        if isIdentity { return G1Projective(x: q.x, y: q.y, z: .one) }
        let z1z1 = z.square()
        let u2 = q.x * z1z1
        let s2 = q.y * z * z1z1
        let h = u2 - x
        let rr = s2 - y
        if h.isZero {
            return rr.isZero ? doubled() : .identity
        }
        let hh = h.square()
        let i = hh.double().double()
        let j = h * i
        let r = rr.double()
        let v = x * i
        let x3 = r.square() - j - v.double()
        let y3 = r * (v - x3) - (y * j).double()
        let z3 = (z * h).double()
        return G1Projective(x: x3, y: y3, z: z3)
    }

    /// −self: (X, −Y, Z).
    @inlinable
    public func negated() -> G1Projective { G1Projective(x: x, y: -y, z: z) }

    // MARK: - Conversion

    /// The affine form (one field inversion); the identity maps to `.infinity`.
    @inlinable
    public func toAffine() -> G1Affine {
        guard let zinv = z.inverse() else { return .infinity }
        let zinv2 = zinv.square()
        return G1Affine(x: x * zinv2, y: y * zinv2 * zinv)
    }

    /// Affine forms of many points with one field inversion in total
    /// (Montgomery's trick, `Fq.batchInverse`); identities map to `.infinity`.
    /// - Parameter ps: points in any representation.
    /// - Returns: `ps[i].toAffine()` for every i, in order.
    public static func batchToAffine(_ ps: [G1Projective]) -> [G1Affine] {
        var zs = ps.map(\.z)
        Fq.batchInverse(&zs)
        var out = [G1Affine](repeating: .infinity, count: ps.count)
        for i in 0..<ps.count where !ps[i].z.isZero {
            let zinv = zs[i]
            let zinv2 = zinv.square()
            out[i] = G1Affine(x: ps[i].x * zinv2, y: ps[i].y * zinv2 * zinv)
        }
        return out
    }
}

// MARK: - Equality

extension G1Projective: Equatable {
    /// Whether both stand for the same point: X1·Z2² = X2·Z1² and Y1·Z2³ = Y2·Z1³.
    @inlinable
    public static func == (lhs: G1Projective, rhs: G1Projective) -> Bool {
        let li = lhs.isIdentity, ri = rhs.isIdentity
        if li || ri { return li == ri }
        let z1z1 = lhs.z.square(), z2z2 = rhs.z.square()
        guard lhs.x * z2z2 == rhs.x * z1z1 else { return false }
        return lhs.y * z2z2 * rhs.z == rhs.y * z1z1 * lhs.z
    }
}

// MARK: - Operators

extension G1Projective {
    /// lhs + rhs.
    @inlinable
    public static func + (lhs: G1Projective, rhs: G1Projective) -> G1Projective { lhs.adding(rhs) }

    /// lhs + rhs for an affine rhs.
    @inlinable
    public static func + (lhs: G1Projective, rhs: G1Affine) -> G1Projective { lhs.adding(rhs) }

    /// lhs − rhs.
    @inlinable
    public static func - (lhs: G1Projective, rhs: G1Projective) -> G1Projective { lhs.adding(rhs.negated()) }

    /// −p.
    @inlinable
    public static prefix func - (p: G1Projective) -> G1Projective { p.negated() }

    /// lhs = lhs + rhs.
    @inlinable
    public static func += (lhs: inout G1Projective, rhs: G1Projective) { lhs = lhs.adding(rhs) }

    /// lhs = lhs + rhs for an affine rhs.
    @inlinable
    public static func += (lhs: inout G1Projective, rhs: G1Affine) { lhs = lhs.adding(rhs) }
}

extension G1Projective: CustomStringConvertible {
    /// "G1(x, y)" in affine decimal, or "G1(infinity)".
    public var description: String {
        let a = toAffine()
        return a.isInfinity ? "G1(infinity)" : "G1(\(a.x), \(a.y))"
    }
}
