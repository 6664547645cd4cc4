/// The cubic extension F_{p⁶} = Fq2[v]/(v³ − ξ), ξ = 9 + u: the middle of the
/// pairing tower Fq2 ⊂ Fq6 ⊂ Fq12.
///
/// An element is c0 + c1·v + c2·v². Formulas follow Devegili, Ó hÉigeartaigh,
/// Scott and Dahab, "Multiplication and squaring on pairing-friendly fields"
/// (eprint 2006/471). Arithmetic is **not constant time**.
@frozen
public struct Fq6: Sendable, Hashable {
    /// The coefficient of 1.
    public var c0: Fq2
    /// The coefficient of v.
    public var c1: Fq2
    /// The coefficient of v².
    public var c2: Fq2

    /// c0 + c1·v + c2·v².
    @inlinable @inline(__always)
    public init(c0: Fq2, c1: Fq2, c2: Fq2) { self.c0 = c0; self.c1 = c1; self.c2 = c2 }

    /// The image of an Fq2 element, c0 + 0·v + 0·v².
    @inlinable @inline(__always)
    public init(_ c0: Fq2) { self.c0 = c0; self.c1 = .zero; self.c2 = .zero }

    /// 0.
    public static let zero = Fq6(c0: .zero, c1: .zero, c2: .zero)
    /// 1.
    public static let one = Fq6(c0: .one, c1: .zero, c2: .zero)

    /// Whether this is 0.
    @inlinable
    public var isZero: Bool { c0.isZero && c1.isZero && c2.isZero }

    /// Whether this is 1.
    @inlinable
    public var isOne: Bool { c0.isOne && c1.isZero && c2.isZero }

    /// A uniformly random element.
    @inlinable
    public static func random<G: RandomNumberGenerator>(using rng: inout G) -> Fq6 {
        let a = Fq2.random(using: &rng), b = Fq2.random(using: &rng)
        return Fq6(c0: a, c1: b, c2: Fq2.random(using: &rng))
    }

    // MARK: - Ring operations

    /// lhs + rhs.
    @inlinable @inline(__always)
    public static func + (lhs: Fq6, rhs: Fq6) -> Fq6 {
        Fq6(c0: lhs.c0 + rhs.c0, c1: lhs.c1 + rhs.c1, c2: lhs.c2 + rhs.c2)
    }

    /// lhs − rhs.
    @inlinable @inline(__always)
    public static func - (lhs: Fq6, rhs: Fq6) -> Fq6 {
        Fq6(c0: lhs.c0 - rhs.c0, c1: lhs.c1 - rhs.c1, c2: lhs.c2 - rhs.c2)
    }

    /// −x.
    @inlinable @inline(__always)
    public static prefix func - (x: Fq6) -> Fq6 { Fq6(c0: -x.c0, c1: -x.c1, c2: -x.c2) }

    /// lhs · rhs by Karatsuba (Devegili et al. §4): 6 Fq2 multiplications.
    @inlinable
    public static func * (lhs: Fq6, rhs: Fq6) -> Fq6 {
        let a0 = lhs.c0, a1 = lhs.c1, a2 = lhs.c2
        let b0 = rhs.c0, b1 = rhs.c1, b2 = rhs.c2
        let v0 = a0 * b0, v1 = a1 * b1, v2 = a2 * b2
        let c0 = ((a1 + a2) * (b1 + b2) - v1 - v2).mulByNonResidue() + v0
        let c1 = (a0 + a1) * (b0 + b1) - v0 - v1 + v2.mulByNonResidue()
        let c2 = (a0 + a2) * (b0 + b2) - v0 - v2 + v1
        return Fq6(c0: c0, c1: c1, c2: c2)
    }

    /// lhs · rhs for an Fq2 rhs: 3 Fq2 multiplications.
    @inlinable @inline(__always)
    public static func * (lhs: Fq6, rhs: Fq2) -> Fq6 {
        Fq6(c0: lhs.c0 * rhs, c1: lhs.c1 * rhs, c2: lhs.c2 * rhs)
    }

    /// lhs = lhs + rhs.
    @inlinable @inline(__always)
    public static func += (lhs: inout Fq6, rhs: Fq6) { lhs = lhs + rhs }
    /// lhs = lhs - rhs.
    @inlinable @inline(__always)
    public static func -= (lhs: inout Fq6, rhs: Fq6) { lhs = lhs - rhs }
    /// lhs = lhs * rhs.
    @inlinable @inline(__always)
    public static func *= (lhs: inout Fq6, rhs: Fq6) { lhs = lhs * rhs }

    /// 2·self.
    @inlinable @inline(__always)
    public func double() -> Fq6 { Fq6(c0: c0.double(), c1: c1.double(), c2: c2.double()) }

    /// self² by Chung–Hasan CH-SQR2 (Devegili et al. §4.2): 2 Fq2
    /// multiplications and 3 Fq2 squarings.
    @inlinable
    public func square() -> Fq6 {
        let s0 = c0.square()
        let s1 = (c0 * c1).double()
        let s2 = (c0 - c1 + c2).square()
        let s3 = (c1 * c2).double()
        let s4 = c2.square()
        return Fq6(c0: s3.mulByNonResidue() + s0,
                   c1: s4.mulByNonResidue() + s1,
                   c2: s1 + s2 + s3 - s0 - s4)
    }

    /// self·v: (c0, c1, c2) ↦ (ξc2, c0, c1), since v³ = ξ. This is the
    /// non-residue that defines Fq12 = Fq6[w]/(w² − v).
    @inlinable @inline(__always)
    public func mulByNonResidue() -> Fq6 { Fq6(c0: c2.mulByNonResidue(), c1: c0, c2: c1) }

    /// self·(b0 + b1·v), a sparse product for line evaluations: 5 Fq2
    /// multiplications instead of 6.
    @inlinable
    public func mulBy01(_ b0: Fq2, _ b1: Fq2) -> Fq6 {
        let v0 = c0 * b0, v1 = c1 * b1
        let t0 = ((c1 + c2) * b1 - v1).mulByNonResidue() + v0
        let t1 = (c0 + c1) * (b0 + b1) - v0 - v1
        let t2 = (c0 + c2) * b0 - v0 + v1
        return Fq6(c0: t0, c1: t1, c2: t2)
    }

    /// self·(b1·v): 3 Fq2 multiplications.
    @inlinable
    public func mulBy1(_ b1: Fq2) -> Fq6 {
        Fq6(c0: (c2 * b1).mulByNonResidue(), c1: c0 * b1, c2: c1 * b1)
    }

    /// The inverse, or nil for 0: one Fq2 inversion and 9 Fq2 multiplications
    /// (the adjugate formula, Devegili et al. / Scott "Implementing
    /// cryptographic pairings" §5.3).
    public func inverse() -> Fq6? {
        let t0 = c0.square() - (c1 * c2).mulByNonResidue()
        let t1 = c2.square().mulByNonResidue() - c0 * c1
        let t2 = c1.square() - c0 * c2
        let d = c0 * t0 + (c2 * t1 + c1 * t2).mulByNonResidue()
        guard let inv = d.inverse() else { return nil }
        return Fq6(c0: t0 * inv, c1: t1 * inv, c2: t2 * inv)
    }

    // MARK: - Frobenius

    /// self^p: conjugate each coefficient and scale v^i by ξ^(i(p−1)/3).
    public func frobenius() -> Fq6 {
        Fq6(c0: c0.conjugate(),
            c1: c1.conjugate() * TowerConstants.gamma1_2,
            c2: c2.conjugate() * TowerConstants.gamma1_4)
    }

    /// self^(p²): scale v^i by ξ^(i(p²−1)/3), an element of Fq.
    public func frobeniusSquare() -> Fq6 {
        Fq6(c0: c0, c1: c1 * TowerConstants.gamma2_2, c2: c2 * TowerConstants.gamma2_4)
    }

    /// self^(p³): conjugate each coefficient and scale v^i by ξ^(i(p³−1)/3).
    public func frobeniusCube() -> Fq6 {
        Fq6(c0: c0.conjugate(),
            c1: c1.conjugate() * TowerConstants.gamma3_2,
            c2: c2.conjugate() * TowerConstants.gamma3_4)
    }

    /// self^e for an exponent given as little-endian 64-bit limbs of any count.
    /// Not for hot paths.
    public func pow(_ e: [UInt64]) -> Fq6 {
        var acc = Fq6.one
        for limb in e.reversed() {
            for bit in stride(from: 63, through: 0, by: -1) {
                acc = acc.square()
                if (limb >> UInt64(bit)) & 1 == 1 { acc = acc * self }
            }
        }
        return acc
    }
}

extension Fq6: CustomStringConvertible {
    /// "(c0) + (c1)·v + (c2)·v²".
    public var description: String { "(\(c0)) + (\(c1))·v + (\(c2))·v²" }
}
