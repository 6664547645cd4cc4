/// The quadratic extension F_{p²} = Fq[u]/(u² + 1) of the BN254 base field:
/// the field of G2 coordinates and the bottom of the pairing tower
/// Fq2 ⊂ Fq6 ⊂ Fq12.
///
/// An element is c0 + c1·u. −1 is a non-residue in Fq because p ≡ 3 (mod 4),
/// so u² + 1 is irreducible. Like `Fq`, arithmetic is **not constant time**.
@frozen
public struct Fq2: Sendable, Hashable {
    /// The real part.
    public var c0: Fq
    /// The coefficient of u.
    public var c1: Fq

    /// c0 + c1·u.
    @inlinable @inline(__always)
    public init(c0: Fq, c1: Fq) { self.c0 = c0; self.c1 = c1 }

    /// The image of a base-field element, c0 + 0·u.
    @inlinable @inline(__always)
    public init(_ c0: Fq) { self.c0 = c0; self.c1 = .zero }

    /// 0.
    public static let zero = Fq2(c0: .zero, c1: .zero)
    /// 1.
    public static let one = Fq2(c0: .one, c1: .zero)
    /// u, the square root of −1.
    public static let u = Fq2(c0: .zero, c1: .one)
    /// ξ = 9 + u, the non-residue (neither a square nor a cube) that defines
    /// Fq6 = Fq2[v]/(v³ − ξ) and the twist y² = x³ + 3/ξ.
    public static let nonResidue = Fq2(c0: Fq(9), c1: .one)

    /// Whether this is 0.
    @inlinable
    public var isZero: Bool { c0.isZero && c1.isZero }

    /// Whether this is 1.
    @inlinable
    public var isOne: Bool { c0.isOne && c1.isZero }

    /// A uniformly random element.
    @inlinable
    public static func random<G: RandomNumberGenerator>(using rng: inout G) -> Fq2 {
        let a = Fq.random(using: &rng)
        return Fq2(c0: a, c1: Fq.random(using: &rng))
    }

    // MARK: - Ring operations

    /// lhs + rhs.
    @inlinable @inline(__always)
    public static func + (lhs: Fq2, rhs: Fq2) -> Fq2 { Fq2(c0: lhs.c0._plus(rhs.c0), c1: lhs.c1._plus(rhs.c1)) }

    /// lhs − rhs.
    @inlinable @inline(__always)
    public static func - (lhs: Fq2, rhs: Fq2) -> Fq2 { Fq2(c0: lhs.c0._minus(rhs.c0), c1: lhs.c1._minus(rhs.c1)) }

    /// −x.
    @inlinable @inline(__always)
    public static prefix func - (x: Fq2) -> Fq2 { Fq2(c0: x.c0._negated(), c1: x.c1._negated()) }

    /// lhs · rhs by Karatsuba: 3 Fq multiplications,
    /// (a0 + a1u)(b0 + b1u) = a0b0 − a1b1 + ((a0 + a1)(b0 + b1) − a0b0 − a1b1)u.
    @inlinable @inline(__always)
    public static func * (lhs: Fq2, rhs: Fq2) -> Fq2 {
        let v0 = lhs.c0 * rhs.c0
        let v1 = lhs.c1 * rhs.c1
        let s = lhs.c0._plus(lhs.c1) * rhs.c0._plus(rhs.c1)
        return Fq2(c0: v0._minus(v1), c1: s._minus(v0)._minus(v1))
    }

    /// lhs · rhs for a base-field rhs: 2 Fq multiplications.
    @inlinable @inline(__always)
    public static func * (lhs: Fq2, rhs: Fq) -> Fq2 { Fq2(c0: lhs.c0 * rhs, c1: lhs.c1 * rhs) }

    /// lhs = lhs + rhs.
    @inlinable @inline(__always)
    public static func += (lhs: inout Fq2, rhs: Fq2) { lhs = lhs + rhs }
    /// lhs = lhs - rhs.
    @inlinable @inline(__always)
    public static func -= (lhs: inout Fq2, rhs: Fq2) { lhs = lhs - rhs }
    /// lhs = lhs * rhs.
    @inlinable @inline(__always)
    public static func *= (lhs: inout Fq2, rhs: Fq2) { lhs = lhs * rhs }

    /// 2·self.
    @inlinable @inline(__always)
    public func double() -> Fq2 { Fq2(c0: c0._doubled(), c1: c1._doubled()) }

    /// self / 2 (no multiplication; see `Fq.halved()`).
    @inlinable @inline(__always)
    public func halved() -> Fq2 { Fq2(c0: c0.halved(), c1: c1.halved()) }

    /// self² by the complex method: 2 Fq multiplications,
    /// (a0 + a1u)² = (a0 + a1)(a0 − a1) + 2a0a1·u.
    @inlinable @inline(__always)
    public func square() -> Fq2 {
        let m = c0 * c1
        return Fq2(c0: c0._plus(c1) * c0._minus(c1), c1: m._doubled())
    }

    /// self·ξ with ξ = 9 + u, without multiplications:
    /// (a0 + a1u)(9 + u) = (9a0 − a1) + (a0 + 9a1)u, each coordinate reduced
    /// in one pass (see `Fq._nineTimesPlus`).
    @inlinable @inline(__always)
    public func mulByNonResidue() -> Fq2 {
        // p − a1 as raw halves (in [1, p]; no reduction needed).
        let (nl, b) = Fq._pLo.subtractingReportingOverflow(c1._lowHalf)
        let nh = Fq._pHi &- c1._highHalf &- (b ? 1 : 0)
        return Fq2(c0: Fq._nineTimesPlus(c0, zLow: nl, zHigh: nh),
                   c1: Fq._nineTimesPlus(c1, zLow: c0._lowHalf, zHigh: c0._highHalf))
    }

    /// The conjugate c0 − c1·u, which is also self^p (u^p = −u since p ≡ 3 mod 4).
    @inlinable @inline(__always)
    public func conjugate() -> Fq2 { Fq2(c0: c0, c1: c1._negated()) }

    /// self^p, the Frobenius map; equal to `conjugate()`.
    @inlinable @inline(__always)
    public func frobenius() -> Fq2 { conjugate() }

    /// The norm c0² + c1² = self·conjugate(), an element of Fq.
    @inlinable
    public var norm: Fq { c0.square() + c1.square() }

    /// The inverse conjugate/norm, or nil for 0. One Fq inversion.
    @inlinable
    public func inverse() -> Fq2? {
        guard let n = norm.inverse() else { return nil }
        return Fq2(c0: c0 * n, c1: -(c1 * n))
    }

    /// self^e for an exponent given as little-endian 64-bit limbs of any count
    /// (square and multiply, left to right). Not for hot paths.
    public func pow(_ e: [UInt64]) -> Fq2 {
        var acc = Fq2.one
        for limb in e.reversed() {
            for bit in stride(from: 63, through: 0, by: -1) {
                acc = acc.square()
                if (limb >> UInt64(bit)) & 1 == 1 { acc = acc * self }
            }
        }
        return acc
    }

    // MARK: - Square root

    /// A square root, or nil when self is not a square in Fq2.
    ///
    /// The "complex method" (Scott, "Implementing cryptographic pairings",
    /// 2007, §5.2): a = a0 + a1u is a square iff its norm n = a0² + a1² is a
    /// square in Fq; then with s = √n one of (a0 ± s)/2 is a square t in Fq and
    /// √a = √t + a1/(2√t)·u. Costs up to four Fq exponentiations. Which of the
    /// two roots comes back is unspecified; callers that need a canonical one
    /// pick it themselves.
    public func sqrt() -> Fq2? {
        if c1.isZero {
            if let r = c0.sqrt() { return Fq2(r) }
            // −1 is a non-residue, so −a0 is a square and (√(−a0)·u)² = a0.
            guard let r = (-c0).sqrt() else { return nil }
            return Fq2(c0: .zero, c1: r)
        }
        guard let s = norm.sqrt() else { return nil }
        let x0: Fq
        if let r = (c0 + s).halved().sqrt() {
            x0 = r
        } else if let r = (c0 - s).halved().sqrt() {
            x0 = r
        } else {
            return nil
        }
        // x0 ≠ 0: t = 0 would make the product (a0+s)(a0−s)/4 = −a1²/4 vanish.
        let x1 = c1 * x0.double().inverse()!
        let root = Fq2(c0: x0, c1: x1)
        return root.square() == self ? root : nil
    }
}

extension Fq2: CustomStringConvertible {
    /// "c0 + c1·u" with decimal coefficients.
    public var description: String { "\(c0) + \(c1)·u" }
}
