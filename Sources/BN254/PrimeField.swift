/// What every prime field of this package provides: the contract that law
/// tests and the extension towers are written against (arkworks `FpConfig`,
/// swift-numerics `AlgebraicField`).
///
/// Hot code (`Polynomials`, MSM, the prover) stays concrete on `Fr`/`Fq` so its
/// speed never hinges on generic specialisation.
public protocol PrimeField: Sendable, Hashable, CustomStringConvertible {
    /// 0.
    static var zero: Self { get }
    /// 1.
    static var one: Self { get }
    /// The modulus in decimal.
    static var modulusDecimal: String { get }
    /// The modulus, little-endian 64-bit limbs.
    static var modulusLimbs: (UInt64, UInt64, UInt64, UInt64) { get }
    /// Largest s with 2^s dividing modulus − 1.
    static var twoAdicity: Int { get }

    /// The element equal to `value`.
    init(_ value: UInt64)
    /// The element with these canonical limbs, or nil if they are ≥ the modulus.
    init?(canonicalLimbs: (UInt64, UInt64, UInt64, UInt64))
    /// The canonical 32-byte big-endian encoding, or nil for a wrong length or a value ≥ the modulus.
    init?<Bytes: Collection>(bigEndianBytes: Bytes) where Bytes.Element == UInt8

    /// The canonical value, little-endian limbs.
    var canonicalLimbs: (UInt64, UInt64, UInt64, UInt64) { get }
    /// The canonical 32-byte big-endian encoding.
    var bigEndianBytes: [UInt8] { get }
    /// Whether this is 0.
    var isZero: Bool { get }

    static func + (lhs: Self, rhs: Self) -> Self
    static func - (lhs: Self, rhs: Self) -> Self
    static func * (lhs: Self, rhs: Self) -> Self
    static prefix func - (x: Self) -> Self
    /// 2·self.
    func double() -> Self
    /// self².
    func square() -> Self
    /// The inverse, or nil for 0.
    func inverse() -> Self?
    /// A square root, or nil for a non-residue.
    func sqrt() -> Self?
    /// 0, 1 or −1.
    func legendre() -> Int
    /// self^e, e as little-endian limbs.
    func pow(_ e: (UInt64, UInt64, UInt64, UInt64)) -> Self
    /// A uniformly random element.
    static func random<G: RandomNumberGenerator>(using rng: inout G) -> Self
}

extension Fq: PrimeField {}
extension Fr: PrimeField {}

extension PrimeField {
    /// The canonical value as 0x-prefixed lowercase hex, 64 digits.
    public var hexString: String {
        "0x" + bigEndianBytes.map { b in
            let s = String(b, radix: 16)
            return s.count == 1 ? "0" + s : s
        }.joined()
    }

    /// The canonical value in decimal (through libgmp).
    public var description: String { BigNumber(limbs: canonicalLimbs).decimalString }

    /// Parses a decimal or 0x-prefixed hex string; nil if malformed or ≥ the modulus.
    public init?(_ text: String) {
        guard let n = BigNumber(text), let l = n.limbs256 else { return nil }
        self.init(canonicalLimbs: l)
    }
}
