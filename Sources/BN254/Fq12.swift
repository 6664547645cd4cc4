/// The quadratic extension F_{p¹²} = Fq6[w]/(w² − v): the top of the pairing
/// tower, where pairing values (the target group GT) live.
///
/// An element is c0 + c1·w with c0, c1 in Fq6. Over Fq2 it is Σ xⱼwʲ
/// (j = 0…5, w⁶ = ξ) with c0 = x0 + x2·v + x4·v² and c1 = x1 + x3·v + x5·v².
/// Arithmetic is **not constant time**.
@frozen
public struct Fq12: Sendable, Hashable {
    /// The coefficient of 1.
    public var c0: Fq6
    /// The coefficient of w.
    public var c1: Fq6

    /// c0 + c1·w.
    @inlinable @inline(__always)
    public init(c0: Fq6, c1: Fq6) { self.c0 = c0; self.c1 = c1 }

    /// 0.
    public static let zero = Fq12(c0: .zero, c1: .zero)
    /// 1, also the identity of GT.
    public static let one = Fq12(c0: .one, c1: .zero)

    /// Whether this is 0.
    @inlinable
    public var isZero: Bool { c0.isZero && c1.isZero }

    /// Whether this is 1.
    @inlinable
    public var isOne: Bool { c0.isOne && c1.isZero }

    /// A uniformly random element.
    @inlinable
    public static func random<G: RandomNumberGenerator>(using rng: inout G) -> Fq12 {
        let a = Fq6.random(using: &rng)
        return Fq12(c0: a, c1: Fq6.random(using: &rng))
    }

    // MARK: - Ring operations

    /// lhs + rhs.
    @inlinable
    public static func + (lhs: Fq12, rhs: Fq12) -> Fq12 { Fq12(c0: lhs.c0 + rhs.c0, c1: lhs.c1 + rhs.c1) }

    /// lhs − rhs.
    @inlinable
    public static func - (lhs: Fq12, rhs: Fq12) -> Fq12 { Fq12(c0: lhs.c0 - rhs.c0, c1: lhs.c1 - rhs.c1) }

    /// −x.
    @inlinable
    public static prefix func - (x: Fq12) -> Fq12 { Fq12(c0: -x.c0, c1: -x.c1) }

    /// lhs · rhs by Karatsuba over Fq6: 3 Fq6 (18 Fq2) multiplications.
    public static func * (lhs: Fq12, rhs: Fq12) -> Fq12 {
        let v0 = lhs.c0 * rhs.c0
        let v1 = lhs.c1 * rhs.c1
        let s = (lhs.c0 + lhs.c1) * (rhs.c0 + rhs.c1)
        return Fq12(c0: v0 + v1.mulByNonResidue(), c1: s - v0 - v1)
    }

    /// lhs = lhs + rhs.
    @inlinable
    public static func += (lhs: inout Fq12, rhs: Fq12) { lhs = lhs + rhs }
    /// lhs = lhs - rhs.
    @inlinable
    public static func -= (lhs: inout Fq12, rhs: Fq12) { lhs = lhs - rhs }
    /// lhs = lhs * rhs.
    @inlinable
    public static func *= (lhs: inout Fq12, rhs: Fq12) { lhs = lhs * rhs }

    /// 2·self.
    @inlinable
    public func double() -> Fq12 { Fq12(c0: c0.double(), c1: c1.double()) }

    /// self² by the complex method: 2 Fq6 multiplications,
    /// (a + bw)² = (a + b)(a + bv) − ab − ab·v + 2ab·w.
    public func square() -> Fq12 {
        let ab = c0 * c1
        let t = (c0 + c1) * (c0 + c1.mulByNonResidue())
        return Fq12(c0: t - ab - ab.mulByNonResidue(), c1: ab.double())
    }

    /// The conjugate c0 − c1·w, which is self^(p⁶). On the cyclotomic
    /// subgroup (pairing values after the easy part of the final
    /// exponentiation) it is the inverse.
    @inlinable
    public func conjugate() -> Fq12 { Fq12(c0: c0, c1: -c1) }

    /// The inverse (c0 − c1w)/(c0² − v·c1²), or nil for 0.
    public func inverse() -> Fq12? {
        let d = c0.square() - c1.square().mulByNonResidue()
        guard let inv = d.inverse() else { return nil }
        return Fq12(c0: c0 * inv, c1: -(c1 * inv))
    }

    /// self^e for an exponent given as little-endian 64-bit limbs of any count
    /// (square and multiply). Not for hot paths; the test oracle for the
    /// Frobenius maps and the final exponentiation.
    public func pow(_ e: [UInt64]) -> Fq12 {
        var acc = Fq12.one
        for limb in e.reversed() {
            for bit in stride(from: 63, through: 0, by: -1) {
                acc = acc.square()
                if (limb >> UInt64(bit)) & 1 == 1 { acc = acc * self }
            }
        }
        return acc
    }
}

extension Fq12: CustomStringConvertible {
    /// "(c0) + (c1)·w".
    public var description: String { "(\(c0)) + (\(c1))·w" }
}
