import CGMP

/// An arbitrary-precision non-negative integer on libgmp, for the work that is
/// not on a hot path: parsing and printing big numbers, exponent constants,
/// and as the reference oracle in tests.
public final class BigNumber: @unchecked Sendable {
    // Owned exclusively by this instance and never shared; the class is immutable
    // through its public API, hence the unchecked Sendable.
    @usableFromInline internal var _z = mpz_t()

    /// 0.
    public init() { __gmpz_init(&_z) }

    /// The value of little-endian 64-bit limbs.
    public convenience init(limbs: (UInt64, UInt64, UInt64, UInt64)) {
        self.init(limbArray: [limbs.0, limbs.1, limbs.2, limbs.3])
    }

    /// The value of little-endian 64-bit limbs of any count.
    public init(limbArray: [UInt64]) {
        __gmpz_init(&_z)
        limbArray.withUnsafeBufferPointer { buf in
            __gmpz_import(&_z, buf.count, -1, 8, 0, 0, buf.baseAddress)
        }
    }

    /// The value of big-endian bytes.
    public init(bigEndianBytes bytes: [UInt8]) {
        __gmpz_init(&_z)
        if !bytes.isEmpty {
            bytes.withUnsafeBufferPointer { buf in
                __gmpz_import(&_z, buf.count, 1, 1, 1, 0, buf.baseAddress)
            }
        }
    }

    /// Parses decimal, or hex with a 0x prefix; nil if malformed or negative.
    public init?(_ text: String) {
        __gmpz_init(&_z)
        var body = Substring(text)
        var base: Int32 = 10
        if body.hasPrefix("0x") || body.hasPrefix("0X") { body = body.dropFirst(2); base = 16 }
        let allowed: Set<Character> = base == 16 ? Set("0123456789abcdefABCDEF") : Set("0123456789")
        guard !body.isEmpty, body.allSatisfy({ allowed.contains($0) }) else { return nil }
        guard __gmpz_set_str(&_z, String(body), base) == 0 else { return nil }
    }

    deinit { __gmpz_clear(&_z) }

    /// Decimal digits.
    public var decimalString: String { string(radix: 10) }

    /// Digits in the given radix (2…62), lowercase.
    public func string(radix: Int32) -> String {
        let size = __gmpz_sizeinbase(&_z, radix) + 2
        var buf = [CChar](repeating: 0, count: size)
        __gmpz_get_str(&buf, radix, &_z)
        return String(decoding: buf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Bit length (0 for 0).
    public var bitWidth: Int { __gmpz_sgn_wrapper(&_z) == 0 ? 0 : Int(__gmpz_sizeinbase(&_z, 2)) }

    /// Little-endian 64-bit limbs, or nil if the value needs more than 256 bits.
    public var limbs256: (UInt64, UInt64, UInt64, UInt64)? {
        let l = limbArray
        guard l.count <= 4 else { return nil }
        let p = l + [UInt64](repeating: 0, count: 4 - l.count)
        return (p[0], p[1], p[2], p[3])
    }

    /// Little-endian 64-bit limbs, no trailing zero limbs.
    public var limbArray: [UInt64] {
        let n = (bitWidth + 63) / 64
        if n == 0 { return [] }
        var out = [UInt64](repeating: 0, count: n)
        var written = 0
        out.withUnsafeMutableBufferPointer { buf in
            _ = __gmpz_export(buf.baseAddress, &written, -1, 8, 0, 0, &_z)
        }
        return out
    }

    /// Big-endian bytes, left-padded with zeros to `width` (the value must fit).
    public func bigEndianBytes(width: Int) -> [UInt8] {
        let l = limbArray
        var out = [UInt8](repeating: 0, count: width)
        for (i, limb) in l.enumerated() {
            for j in 0..<8 {
                let pos = width - 1 - (i * 8 + j)
                let byte = UInt8(truncatingIfNeeded: limb >> (8 * UInt64(j)))
                if pos >= 0 { out[pos] = byte } else { precondition(byte == 0, "value wider than \(width) bytes") }
            }
        }
        return out
    }

    // MARK: - Arithmetic (oracle use)

    private static func binary(_ a: BigNumber, _ b: BigNumber,
                               _ f: (UnsafeMutablePointer<__mpz_struct>, UnsafePointer<__mpz_struct>, UnsafePointer<__mpz_struct>) -> Void) -> BigNumber {
        let r = BigNumber()
        f(&r._z, &a._z, &b._z)
        return r
    }

    public static func + (a: BigNumber, b: BigNumber) -> BigNumber { binary(a, b) { __gmpz_add($0, $1, $2) } }
    public static func * (a: BigNumber, b: BigNumber) -> BigNumber { binary(a, b) { __gmpz_mul($0, $1, $2) } }
    /// a − b; precondition: a ≥ b (this type is non-negative).
    public static func - (a: BigNumber, b: BigNumber) -> BigNumber {
        let r = binary(a, b) { __gmpz_sub($0, $1, $2) }
        precondition(__gmpz_sgn_wrapper(&r._z) >= 0, "negative BigNumber")
        return r
    }
    /// a mod m, in [0, m).
    public static func % (a: BigNumber, m: BigNumber) -> BigNumber { binary(a, m) { __gmpz_fdiv_r($0, $1, $2) } }

    /// self^e mod m.
    public func powMod(_ e: BigNumber, _ m: BigNumber) -> BigNumber {
        let r = BigNumber()
        __gmpz_powm(&r._z, &_z, &e._z, &m._z)
        return r
    }

    /// The inverse mod m, or nil if none exists.
    public func inverse(mod m: BigNumber) -> BigNumber? {
        let r = BigNumber()
        return __gmpz_invert(&r._z, &_z, &m._z) != 0 ? r : nil
    }

    /// Whether self is a square mod the odd prime p (through GMP's Legendre symbol).
    public func legendre(_ p: BigNumber) -> Int { Int(__gmpz_jacobi(&_z, &p._z)) }
}

extension BigNumber: Equatable, Comparable {
    public static func == (a: BigNumber, b: BigNumber) -> Bool { __gmpz_cmp(&a._z, &b._z) == 0 }
    public static func < (a: BigNumber, b: BigNumber) -> Bool { __gmpz_cmp(&a._z, &b._z) < 0 }
}

/// mpz_sgn is a macro in gmp.h; this reads the sign from the size field.
@inline(__always)
private func __gmpz_sgn_wrapper(_ z: UnsafePointer<__mpz_struct>) -> Int32 {
    let s = z.pointee._mp_size
    return s > 0 ? 1 : (s < 0 ? -1 : 0)
}
