import BN254

/// libgmp as the independent reference for field arithmetic: every field
/// result is recomputed on `BigNumber` and compared.
public struct FieldOracle<F: PrimeField> {
    /// The modulus as a big number.
    public let p: BigNumber

    public init() { p = BigNumber(limbs: F.modulusLimbs) }

    /// The canonical value of `x` as a big number.
    public func big(_ x: F) -> BigNumber { BigNumber(limbs: x.canonicalLimbs) }

    /// The field element of a big number already reduced below p.
    public func element(_ n: BigNumber) -> F {
        guard let l = n.limbs256, let e = F(canonicalLimbs: l) else { preconditionFailure("not reduced: \(n.decimalString)") }
        return e
    }

    public func add(_ a: F, _ b: F) -> F { element((big(a) + big(b)) % p) }
    public func sub(_ a: F, _ b: F) -> F { element((big(a) + p - big(b)) % p) }
    public func mul(_ a: F, _ b: F) -> F { element((big(a) * big(b)) % p) }
    public func neg(_ a: F) -> F { element((p - big(a)) % p) }
    public func inverse(_ a: F) -> F? { big(a).inverse(mod: p).map(element) }
    public func pow(_ a: F, _ e: BigNumber) -> F { element(big(a).powMod(e, p)) }
    public func legendre(_ a: F) -> Int { big(a).legendre(p) }

    /// Edge values: 0, 1, 2, p−1, p−2, (p−1)/2, values with saturated limbs,
    /// R mod p and R² mod p, and elements whose *Montgomery* limbs sit at p−1, p−2, 1.
    public var edgeValues: [F] {
        var out: [F] = [.zero, .one, F(2), -F.one, -F(2)]
        let two = BigNumber("2")!
        let pm1 = p - BigNumber("1")!
        // (p-1)/2 via (p-1) * inverse(2)
        out.append(element(pm1 * two.inverse(mod: p)! % p))
        let sat: [(UInt64, UInt64, UInt64, UInt64)] = [
            (.max, 0, 0, 0), (.max, .max, 0, 0), (.max, .max, .max, 0), (0, .max, 0, 0),
            (0, 0, 0, 1), (0, 0, 1, 0), (1 << 63, 1 << 63, 1 << 63, 0),
        ]
        for l in sat { out.append(F(canonicalLimbs: l)!) }
        let r = BigNumber(limbArray: [0, 0, 0, 0, 1]) % p
        out.append(element(r))
        out.append(element((r * r) % p))
        // Montgomery representatives near the modulus, decoded from canonical values
        // v such that v·R ≡ p−k (so the stored limbs are p−k).
        let rinv = r.inverse(mod: p)!
        for k in ["1", "2", "3"] {
            out.append(element(((p - BigNumber(k)!) * rinv) % p))
        }
        out.append(element(rinv))
        return out
    }
}
