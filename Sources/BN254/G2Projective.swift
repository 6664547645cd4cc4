/// A point of the twist E′: y² = x³ + 3/ξ over Fq2 in Jacobian coordinates
/// (X, Y, Z) ↦ (X/Z², Y/Z³); Z = 0 is the point at infinity.
///
/// Jacobian coordinates make doubling cheap (2M + 5S), which dominates scalar
/// multiplication. Formulas are the a = 0 ones of the Explicit-Formulas
/// Database (Bernstein–Lange): `dbl-2009-l`, `add-2007-bl`, `madd-2007-bl`.
/// Arithmetic is **not constant time**.
@frozen
public struct G2Projective: Sendable {
    /// Jacobian X.
    public var x: Fq2
    /// Jacobian Y.
    public var y: Fq2
    /// Jacobian Z (0 at infinity).
    public var z: Fq2

    /// The point (X/Z², Y/Z³); does not check that it is on the twist.
    @inlinable
    public init(x: Fq2, y: Fq2, z: Fq2) { self.x = x; self.y = y; self.z = z }

    /// The same point as an affine one.
    @inlinable
    public init(_ p: G2Affine) {
        if p.isInfinity { self = .infinity } else { self.init(x: p.x, y: p.y, z: .one) }
    }

    /// The point at infinity, (1, 1, 0).
    public static let infinity = G2Projective(x: .one, y: .one, z: .zero)

    /// The EIP-197 generator of G2.
    public static let generator = G2Projective(G2Affine.generator)

    /// Whether this is the point at infinity.
    @inlinable
    public var isInfinity: Bool { z.isZero }

    /// Whether Y² = X³ + b′Z⁶ (infinity counts as on the twist).
    public var isOnCurve: Bool {
        if isInfinity { return true }
        let z2 = z.square()
        let z6 = z2.square() * z2
        return y.square() == x.square() * x + TowerConstants.twistB * z6
    }

    /// The affine form: one Fq2 inversion.
    public func toAffine() -> G2Affine {
        guard let zi = z.inverse() else { return .infinity }
        let zi2 = zi.square()
        return G2Affine(x: x * zi2, y: y * zi2 * zi)
    }

    /// Affine forms of many points with one Fq2 inversion (Montgomery's trick).
    public static func batchToAffine(_ points: [G2Projective]) -> [G2Affine] {
        var prefix = [Fq2](repeating: .one, count: points.count)
        var acc = Fq2.one
        for (i, p) in points.enumerated() {
            prefix[i] = acc
            if !p.isInfinity { acc = acc * p.z }
        }
        var inv = acc.inverse()!
        var out = [G2Affine](repeating: .infinity, count: points.count)
        for i in stride(from: points.count - 1, through: 0, by: -1) {
            let p = points[i]
            if p.isInfinity { continue }
            let zi = inv * prefix[i]
            inv = inv * p.z
            let zi2 = zi.square()
            out[i] = G2Affine(x: p.x * zi2, y: p.y * zi2 * zi)
        }
        return out
    }

    // MARK: - Group law

    /// 2·self (`dbl-2009-l`, a = 0): 2M + 5S.
    @inlinable
    public func double() -> G2Projective {
        if isInfinity { return self }
        let a = x.square()
        let b = y.square()
        let c = b.square()
        let d = ((x + b).square() - a - c).double()
        let e = a.double() + a
        let f = e.square()
        let x3 = f - d.double()
        let y3 = e * (d - x3) - c.double().double().double()
        let z3 = (y * z).double()
        return G2Projective(x: x3, y: y3, z: z3)
    }

    /// lhs + rhs (`add-2007-bl`): 11M + 5S; handles infinity, equal and
    /// opposite inputs.
    @inlinable
    public static func + (lhs: G2Projective, rhs: G2Projective) -> G2Projective {
        if lhs.isInfinity { return rhs }
        if rhs.isInfinity { return lhs }
        let z1z1 = lhs.z.square()
        let z2z2 = rhs.z.square()
        let u1 = lhs.x * z2z2
        let u2 = rhs.x * z1z1
        let s1 = lhs.y * rhs.z * z2z2
        let s2 = rhs.y * lhs.z * z1z1
        let h = u2 - u1
        let r = (s2 - s1).double()
        if h.isZero {
            return r.isZero ? lhs.double() : .infinity
        }
        let i = h.double().square()
        let j = h * i
        let v = u1 * i
        let x3 = r.square() - j - v.double()
        let y3 = r * (v - x3) - (s1 * j).double()
        let z3 = ((lhs.z + rhs.z).square() - z1z1 - z2z2) * h
        return G2Projective(x: x3, y: y3, z: z3)
    }

    /// self + q for an affine q (`madd-2007-bl`): 7M + 4S; handles infinity,
    /// equal and opposite inputs.
    @inlinable
    public func adding(_ q: G2Affine) -> G2Projective {
        if q.isInfinity { return self }
        if isInfinity { return G2Projective(q) }
        let z1z1 = z.square()
        let u2 = q.x * z1z1
        let s2 = q.y * z * z1z1
        let h = u2 - x
        let r = (s2 - y).double()
        if h.isZero {
            return r.isZero ? double() : .infinity
        }
        let hh = h.square()
        let i = hh.double().double()
        let j = h * i
        let v = x * i
        let x3 = r.square() - j - v.double()
        let y3 = r * (v - x3) - (y * j).double()
        let z3 = (z + h).square() - z1z1 - hh
        return G2Projective(x: x3, y: y3, z: z3)
    }

    /// −P = (X, −Y, Z).
    @inlinable
    public static prefix func - (p: G2Projective) -> G2Projective { G2Projective(x: p.x, y: -p.y, z: p.z) }

    /// lhs − rhs.
    @inlinable
    public static func - (lhs: G2Projective, rhs: G2Projective) -> G2Projective { lhs + (-rhs) }

    /// lhs = lhs + rhs.
    @inlinable
    public static func += (lhs: inout G2Projective, rhs: G2Projective) { lhs = lhs + rhs }
}

extension G2Projective: Equatable {
    /// Same point: X1·Z2² = X2·Z1² and Y1·Z2³ = Y2·Z1³, or both infinity.
    public static func == (lhs: G2Projective, rhs: G2Projective) -> Bool {
        if lhs.isInfinity || rhs.isInfinity { return lhs.isInfinity == rhs.isInfinity }
        let z1z1 = lhs.z.square(), z2z2 = rhs.z.square()
        return lhs.x * z2z2 == rhs.x * z1z1 && lhs.y * rhs.z * z2z2 == rhs.y * lhs.z * z1z1
    }
}
