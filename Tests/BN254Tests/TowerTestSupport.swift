import BN254
import Testing

// Shared oracles for the tower, G2 and pairing tests: a field protocol for the
// generic law checks, square-and-multiply powers over BigNumber limbs, and
// naive affine curve arithmetic (one inversion per operation) that shares no
// code with the library's projective formulas.

/// What the generic law checks need from a field element.
protocol LawField: Equatable, Sendable {
    static var zero: Self { get }
    static var one: Self { get }
    static func + (lhs: Self, rhs: Self) -> Self
    static func - (lhs: Self, rhs: Self) -> Self
    static func * (lhs: Self, rhs: Self) -> Self
    static prefix func - (x: Self) -> Self
    func double() -> Self
    func square() -> Self
    func inverse() -> Self?
    static func random<G: RandomNumberGenerator>(using rng: inout G) -> Self
}

extension Fq: LawField {}
extension Fq2: LawField {}
extension Fq6: LawField {}
extension Fq12: LawField {}

/// Checks the field axioms and the derived operations on every pair of
/// `values` (so callers pass edge values plus seeded random ones).
func checkFieldLaws<F: LawField>(_ values: [F], sourceLocation: SourceLocation = #_sourceLocation) {
    for a in values {
        #expect(a + .zero == a, sourceLocation: sourceLocation)
        #expect(a * .one == a, sourceLocation: sourceLocation)
        #expect(a * .zero == .zero, sourceLocation: sourceLocation)
        #expect(a + (-a) == .zero, sourceLocation: sourceLocation)
        #expect(a - a == .zero, sourceLocation: sourceLocation)
        #expect(a.double() == a + a, sourceLocation: sourceLocation)
        #expect(a.square() == a * a, sourceLocation: sourceLocation)
        if a == .zero {
            #expect(a.inverse() == nil, sourceLocation: sourceLocation)
        } else {
            #expect(a * a.inverse()! == .one, sourceLocation: sourceLocation)
        }
        for b in values {
            #expect(a + b == b + a, sourceLocation: sourceLocation)
            #expect(a * b == b * a, sourceLocation: sourceLocation)
            #expect((a - b) + b == a, sourceLocation: sourceLocation)
            #expect(a - b == a + (-b), sourceLocation: sourceLocation)
        }
    }
    // Triples are cubic in the count; take a slice.
    let few = Array(values.prefix(6))
    for a in few {
        for b in few {
            for c in few {
                #expect((a + b) + c == a + (b + c), sourceLocation: sourceLocation)
                #expect((a * b) * c == a * (b * c), sourceLocation: sourceLocation)
                #expect(a * (b + c) == a * b + a * c, sourceLocation: sourceLocation)
            }
        }
    }
}

/// a^e by plain right-to-left square and multiply over little-endian limbs.
func power<F: LawField>(_ a: F, _ e: [UInt64]) -> F {
    var result = F.one
    var base = a
    for limb in e {
        var l = limb
        for _ in 0..<64 {
            if l & 1 == 1 { result = result * base }
            base = base.square()
            l >>= 1
        }
    }
    return result
}

/// Big-number constants of the curve.
enum Curve {
    static let p = BigNumber(Fq.modulusDecimal)!
    static let r = BigNumber(Fr.modulusDecimal)!
    static let x = BigNumber("4965661367192848881")!
    /// The order of the twist group divided by r.
    static let twistCofactor = p + p - r

    /// p^k.
    static func pPower(_ k: Int) -> BigNumber {
        var acc = BigNumber("1")!
        for _ in 0..<k { acc = acc * p }
        return acc
    }

    /// Little-endian limbs of an Fr element's canonical value.
    static func limbs(_ k: Fr) -> [UInt64] {
        let l = k.canonicalLimbs
        return [l.0, l.1, l.2, l.3]
    }
}

/// n/d for a small d that divides n exactly (BigNumber has no division).
func divideExactly(_ n: BigNumber, _ d: UInt64) -> BigNumber {
    var l = n.limbArray
    var rem: UInt64 = 0
    for i in stride(from: l.count - 1, through: 0, by: -1) {
        let (q, r) = d.dividingFullWidth((high: rem, low: l[i]))
        l[i] = q
        rem = r
    }
    precondition(rem == 0, "not an exact division")
    return BigNumber(limbArray: l)
}

/// Fq edge values: 0, 1, 2, p − 1, p − 2, (p − 1)/2, 2^255 mod p, 2^256 mod p (R).
func fqEdgeValues() -> [Fq] {
    let p = Curve.p
    let one = BigNumber("1")!
    func fq(_ n: BigNumber) -> Fq { Fq(canonicalLimbs: (n % p).limbs256!)! }
    return [.zero, .one, Fq(2), fq(p - one), fq(p - one - one), -Fq(2).inverse()!,
            fq(BigNumber("0x8000000000000000000000000000000000000000000000000000000000000000")!),
            fq(BigNumber("0x10000000000000000000000000000000000000000000000000000000000000000")!)]
}

// MARK: - Naive affine curve arithmetic (test oracle)

/// y² = x³ + b over a field, affine points, nil = infinity; every operation
/// inverts. Slow and obviously right.
struct NaiveCurve<F: LawField>: Sendable {
    let b: F

    func add(_ p: (F, F)?, _ q: (F, F)?) -> (F, F)? {
        guard let p else { return q }
        guard let q else { return p }
        let lambda: F
        if p.0 == q.0 {
            if p.1 != q.1 || p.1 == .zero { return nil }
            let x2 = p.0.square()
            lambda = (x2.double() + x2) * p.1.double().inverse()!
        } else {
            lambda = (q.1 - p.1) * (q.0 - p.0).inverse()!
        }
        let x3 = lambda.square() - p.0 - q.0
        return (x3, lambda * (p.0 - x3) - p.1)
    }

    func mul(_ p: (F, F)?, _ k: [UInt64]) -> (F, F)? {
        var acc: (F, F)? = nil
        var base = p
        for limb in k {
            var l = limb
            for _ in 0..<64 {
                if l & 1 == 1 { acc = add(acc, base) }
                base = add(base, base)
                l >>= 1
            }
        }
        return acc
    }
}

let naiveG1 = NaiveCurve<Fq>(b: Fq(3))
let naiveG2 = NaiveCurve<Fq2>(b: G2Affine.b)

extension G1Affine {
    /// [k]·self through the naive oracle.
    func naiveMul(_ k: [UInt64]) -> G1Affine {
        guard let r = naiveG1.mul(isInfinity ? nil : (x, y), k) else { return .infinity }
        return G1Affine(x: r.0, y: r.1)
    }

    /// −P.
    var negated: G1Affine { isInfinity ? self : G1Affine(x: x, y: -y) }
}

extension G2Affine {
    /// The naive oracle's view of the point.
    var naive: (Fq2, Fq2)? { isInfinity ? nil : (x, y) }

    init(naive p: (Fq2, Fq2)?) {
        if let p { self.init(x: p.0, y: p.1) } else { self = .infinity }
    }

    /// [k]·self through the naive oracle.
    func naiveMul(_ k: [UInt64]) -> G2Affine { G2Affine(naive: naiveG2.mul(naive, k)) }

    /// A random point of the twist E′(Fq2), generally outside G2: a random x
    /// with x³ + b′ a square ("hash to the twist" without cofactor clearing).
    static func randomOnTwist<G: RandomNumberGenerator>(using rng: inout G) -> G2Affine {
        while true {
            let x = Fq2.random(using: &rng)
            if let y = (x.square() * x + G2Affine.b).sqrt() { return G2Affine(x: x, y: y) }
        }
    }
}
