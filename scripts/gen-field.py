#!/usr/bin/env python3
"""Emits the fully unrolled 4x64-limb Montgomery field types of BN254.

    python3 scripts/gen-field.py        # rewrites Sources/BN254/Fq.swift and Fr.swift
    python3 scripts/gen-field.py --check  # exits 1 if the committed files differ

One template, one output per modulus (the gnark-crypto field generator is the
model): the multiplication is the no-carry CIOS variant, which needs the top
limb of the modulus below 2^63 - 1; both BN254 moduli satisfy that, and the
script asserts it.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "Sources", "BN254")

FIELDS = [
    dict(name="Fq",
         modulus=21888242871839275222246405745257275088696311157297823662689037894645226208583,
         doc="The BN254 base field F_p, p = 21888242871839275222246405745257275088696311157297823662689037894645226208583.\n"
             "/// Coordinates of G1 live here; Fq2/Fq6/Fq12 are built on it."),
    dict(name="Fr",
         modulus=21888242871839275222246405745257275088548364400416034343698204186575808495617,
         doc="The BN254 scalar field F_r, r = 21888242871839275222246405745257275088548364400416034343698204186575808495617.\n"
             "/// The group order of G1/G2; Plonk, KZG and the NTT work over it."),
]

def limbs(x, n=4):
    return [(x >> (64 * i)) & ((1 << 64) - 1) for i in range(n)]

def h(x):
    return "0x%016x" % x

def tup(x):
    return "(" + ", ".join(h(l) for l in limbs(x)) + ")"

def legendre(a, p):
    return pow(a, (p - 1) // 2, p)

def gen(f):
    name, p = f["name"], f["modulus"]
    q = limbs(p)
    assert q[3] < 0x7FFFFFFFFFFFFFFF, "no-carry CIOS needs the top limb below 2^63-1"
    assert p < 1 << 254, "the 128-bit-half add/sub rely on p < 2^254"
    R = (1 << 256) % p
    R2 = (R * R) % p
    R3 = (R * R * R) % p
    inv = (-pow(p, -1, 1 << 64)) % (1 << 64)
    s, t = 0, p - 1
    while t % 2 == 0:
        s += 1
        t //= 2
    # smallest multiplicative generator (checks every prime factor of p-1).
    def factor(n):
        fs, d = [], 2
        while d * d <= n and d < 1 << 20:
            if n % d == 0:
                fs.append(d)
                while n % d == 0:
                    n //= d
            d += 1
        return fs, n
    small, rest = factor(p - 1)
    # `rest` may be composite for big moduli; generator checks use the known factors
    # and the cofactor, which is enough to reject the non-generators tried here.
    cands = small + ([rest] if rest > 1 else [])
    g = 2
    while any(pow(g, (p - 1) // fct, p) == 1 for fct in cands):
        g += 1
    root = pow(g, t, p)
    assert legendre(g, p) == p - 1
    mont = lambda x: (x * R) % p
    sqrt_kind = "p3mod4" if p % 4 == 3 else "tonelli"
    e = {}
    e["name"] = name
    e["doc"] = f["doc"]
    e["modulus_dec"] = str(p)
    for i in range(4):
        e["q%d" % i] = h(q[i])
    e["inv"] = h(inv)
    e["R"] = tup(R)
    e["R2"] = tup(R2)
    e["R3"] = tup(R3)
    e["pm2"] = tup(p - 2)
    e["pm1h"] = tup((p - 1) // 2)
    e["sqrt_exp"] = tup((p + 1) // 4) if sqrt_kind == "p3mod4" else tup((t - 1) // 2)
    e["s"] = str(s)
    e["root"] = tup(mont(root))
    e["generator"] = str(g)
    e["bits"] = str(p.bit_length())
    e["topmask"] = h((1 << (p.bit_length() - 192)) - 1)
    body = TEMPLATE
    body = body.replace("%SQRT%", SQRT_P3 if sqrt_kind == "p3mod4" else SQRT_TS)
    for k, v in e.items():
        body = body.replace("%" + k + "%", v)
    assert "%" not in body.replace("%=", "").replace("% ", ""), "unfilled placeholder"
    return body

MUL_ROUND0 = """        var c: UInt64, d: UInt64, m: UInt64
        var t0: UInt64, t1: UInt64, t2: UInt64, t3: UInt64
        (c, t0) = _madd1(y0, x0, 0)
        (c, t1) = _madd1(y0, x1, c)
        (c, t2) = _madd1(y0, x2, c)
        (c, t3) = _madd1(y0, x3, c)
        d = c
        m = t0 &* %inv%
        c = _madd0(m, %q0%, t0)
        (c, t0) = _madd2(m, %q1%, t1, c)
        (c, t1) = _madd2(m, %q2%, t2, c)
        (c, t2) = _madd2(m, %q3%, t3, c)
        t3 = c &+ d
"""

MUL_ROUND = """        (c, t0) = _madd1(yI, x0, t0)
        (c, t1) = _madd2(yI, x1, t1, c)
        (c, t2) = _madd2(yI, x2, t2, c)
        (c, t3) = _madd2(yI, x3, t3, c)
        d = c
        m = t0 &* %inv%
        c = _madd0(m, %q0%, t0)
        (c, t0) = _madd2(m, %q1%, t1, c)
        (c, t1) = _madd2(m, %q2%, t2, c)
        (c, t2) = _madd2(m, %q3%, t3, c)
        t3 = c &+ d
"""

MUL_BODY = MUL_ROUND0 + "".join(MUL_ROUND.replace("yI", "y%d" % i) for i in (1, 2, 3))

SQRT_P3 = """    /// A square root, or nil when `self` is a non-residue. p = 3 mod 4, so the
    /// root is self^((p+1)/4), checked by squaring. Which of the two roots comes
    /// back is unspecified.
    @inlinable
    public func sqrt() -> %name%? {
        let r = pow(%sqrt_exp%)
        return r.square() == self ? r : nil
    }
"""

SQRT_TS = """    /// A square root, or nil when `self` is a non-residue, by Tonelli-Shanks
    /// (p - 1 = 2^%s% * t, t odd). Which of the two roots comes back is unspecified.
    @inlinable
    public func sqrt() -> %name%? {
        if isZero { return .zero }
        // w = self^((t-1)/2); x = self * w = self^((t+1)/2); b = x * w = self^t.
        let w = pow(%sqrt_exp%)
        var x = self * w
        var b = x * w
        var z = %name%.twoAdicRootOfUnity
        var v = %s%
        while !b.isOne {
            var k = 0
            var b2k = b
            while !b2k.isOne {
                b2k = b2k.square()
                k += 1
                if k == v { return nil }
            }
            var w2 = z
            for _ in 0..<(v - k - 1) { w2 = w2.square() }
            z = w2.square()
            b = b * z
            x = x * w2
            v = k
        }
        return x
    }

"""

TEMPLATE = r'''// DO NOT EDIT. Generated by scripts/gen-field.py; change the template there.

/// %doc%
///
/// Elements are stored in Montgomery form (a·R mod p, R = 2^256) on four
/// little-endian `UInt64` limbs. Multiplication is the no-carry CIOS variant
/// (gnark-crypto, "Faster Montgomery multiplication", 2022). Arithmetic is
/// **not constant time**: branches and loop counts depend on values. That is
/// fine for proving and verifying public data; never use it on secrets where
/// timing is observable.
@frozen
public struct %name%: Sendable {
    /// Montgomery-form limbs, least significant first.
    @usableFromInline internal var _l0: UInt64
    @usableFromInline internal var _l1: UInt64
    @usableFromInline internal var _l2: UInt64
    @usableFromInline internal var _l3: UInt64

    /// Wraps limbs that are already in Montgomery form and below the modulus.
    @inlinable @inline(__always)
    internal init(_montgomery l: (UInt64, UInt64, UInt64, UInt64)) {
        _l0 = l.0; _l1 = l.1; _l2 = l.2; _l3 = l.3
    }

    @inlinable @inline(__always)
    internal init(_m0: UInt64, _ m1: UInt64, _ m2: UInt64, _ m3: UInt64) {
        _l0 = _m0; _l1 = m1; _l2 = m2; _l3 = m3
    }

    // MARK: - Constants

    /// The modulus as a decimal string.
    public static let modulusDecimal = "%modulus_dec%"
    /// The modulus, little-endian limbs.
    public static let modulusLimbs: (UInt64, UInt64, UInt64, UInt64) = (%q0%, %q1%, %q2%, %q3%)
    /// Bit length of the modulus.
    public static let bitCount = %bits%
    /// Largest s with 2^s | p - 1.
    public static let twoAdicity = %s%
    /// The smallest generator of the multiplicative group.
    public static let multiplicativeGenerator = %name%(%generator%)
    /// A primitive 2^twoAdicity-th root of unity: generator^((p-1)/2^twoAdicity).
    public static let twoAdicRootOfUnity = %name%(_montgomery: %root%)

    /// 0.
    public static let zero = %name%(_m0: 0, 0, 0, 0)
    /// 1 (R mod p in Montgomery form).
    public static let one = %name%(_montgomery: %R%)
    @usableFromInline internal static let _r2: (UInt64, UInt64, UInt64, UInt64) = %R2%
    @usableFromInline internal static let _r3: (UInt64, UInt64, UInt64, UInt64) = %R3%

    // MARK: - Construction

    /// The element equal to `value` (always below the modulus).
    @inlinable
    public init(_ value: UInt64) {
        self = %name%(_m0: value, 0, 0, 0)._mul(%name%(_montgomery: %name%._r2))
    }

    /// The element with these canonical limbs (little-endian), or nil if they
    /// encode a value ≥ the modulus.
    @inlinable
    public init?(canonicalLimbs l: (UInt64, UInt64, UInt64, UInt64)) {
        guard %name%._lessThanModulus(l) else { return nil }
        self = %name%(_montgomery: l)._mul(%name%(_montgomery: %name%._r2))
    }

    /// The value of these limbs (little-endian, any 256-bit value) reduced mod p.
    @inlinable
    public init(reducing l: (UInt64, UInt64, UInt64, UInt64)) {
        var v = l
        while !%name%._lessThanModulus(v) {
            let (d0, b0) = _sbb(v.0, %q0%, 0)
            let (d1, b1) = _sbb(v.1, %q1%, b0)
            let (d2, b2) = _sbb(v.2, %q2%, b1)
            let (d3, _) = _sbb(v.3, %q3%, b2)
            v = (d0, d1, d2, d3)
        }
        self = %name%(_montgomery: v)._mul(%name%(_montgomery: %name%._r2))
    }

    /// The element whose canonical encoding is these 32 big-endian bytes, or nil
    /// if there are not exactly 32 bytes or they encode a value ≥ the modulus.
    @inlinable
    public init?<Bytes: Collection>(bigEndianBytes bytes: Bytes) where Bytes.Element == UInt8 {
        guard bytes.count == 32 else { return nil }
        var l: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var i = 0
        for byte in bytes {
            let limb = 3 - i / 8
            switch limb {
            case 3: l.3 = (l.3 << 8) | UInt64(byte)
            case 2: l.2 = (l.2 << 8) | UInt64(byte)
            case 1: l.1 = (l.1 << 8) | UInt64(byte)
            default: l.0 = (l.0 << 8) | UInt64(byte)
            }
            i += 1
        }
        self.init(canonicalLimbs: l)
    }

    /// The 32 big-endian bytes of any 256-bit value, reduced mod p (for hashes
    /// to field, e.g. Fiat-Shamir challenges).
    @inlinable
    public init<Bytes: Collection>(reducingBigEndianBytes bytes: Bytes) where Bytes.Element == UInt8 {
        precondition(bytes.count == 32, "expected 32 bytes")
        var l: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var i = 0
        for byte in bytes {
            switch 3 - i / 8 {
            case 3: l.3 = (l.3 << 8) | UInt64(byte)
            case 2: l.2 = (l.2 << 8) | UInt64(byte)
            case 1: l.1 = (l.1 << 8) | UInt64(byte)
            default: l.0 = (l.0 << 8) | UInt64(byte)
            }
            i += 1
        }
        self.init(reducing: l)
    }

    /// A uniformly random element (rejection sampling on %bits% bits).
    @inlinable
    public static func random<G: RandomNumberGenerator>(using rng: inout G) -> %name% {
        while true {
            let l = (rng.next() as UInt64, rng.next() as UInt64, rng.next() as UInt64,
                     (rng.next() as UInt64) & %topmask%)
            if let e = %name%(canonicalLimbs: l) { return e }
        }
    }

    /// A uniformly random element from the system generator.
    @inlinable
    public static func random() -> %name% {
        var g = SystemRandomNumberGenerator()
        return random(using: &g)
    }

    // MARK: - Reading out

    /// The canonical value (not Montgomery), little-endian limbs.
    @inlinable
    public var canonicalLimbs: (UInt64, UInt64, UInt64, UInt64) {
        let c = _mul(%name%(_m0: 1, 0, 0, 0))
        return (c._l0, c._l1, c._l2, c._l3)
    }

    /// The raw Montgomery limbs (for serialisation formats that store them, such as snarkjs `.ptau`).
    @inlinable
    public var montgomeryLimbs: (UInt64, UInt64, UInt64, UInt64) { (_l0, _l1, _l2, _l3) }

    /// Wraps raw Montgomery limbs, or nil if they are ≥ the modulus.
    @inlinable
    public init?(montgomeryLimbs l: (UInt64, UInt64, UInt64, UInt64)) {
        guard %name%._lessThanModulus(l) else { return nil }
        self.init(_montgomery: l)
    }

    /// The canonical 32-byte big-endian encoding.
    @inlinable
    public var bigEndianBytes: [UInt8] {
        let l = canonicalLimbs
        var out = [UInt8](repeating: 0, count: 32)
        let ls = [l.3, l.2, l.1, l.0]
        for (k, limb) in ls.enumerated() {
            for j in 0..<8 { out[k * 8 + j] = UInt8(truncatingIfNeeded: limb >> (56 - 8 * UInt64(j))) }
        }
        return out
    }

    /// Whether this is 0.
    @inlinable
    public var isZero: Bool { (_l0 | _l1 | _l2 | _l3) == 0 }

    /// Whether this is 1.
    @inlinable
    public var isOne: Bool { self == %name%.one }

    // MARK: - Limb helpers

    @inlinable @inline(__always)
    internal static func _lessThanModulus(_ l: (UInt64, UInt64, UInt64, UInt64)) -> Bool {
        let (_, b0) = _sbb(l.0, %q0%, 0)
        let (_, b1) = _sbb(l.1, %q1%, b0)
        let (_, b2) = _sbb(l.2, %q2%, b1)
        let (_, b3) = _sbb(l.3, %q3%, b2)
        return b3 == 1
    }

    /// Subtracts the modulus once if t ≥ modulus. Input must be < 2·modulus.
    @inlinable @inline(__always)
    internal static func _reduceOnce(_ t0: UInt64, _ t1: UInt64, _ t2: UInt64, _ t3: UInt64) -> %name% {
        let (d0, b0) = _sbb(t0, %q0%, 0)
        let (d1, b1) = _sbb(t1, %q1%, b0)
        let (d2, b2) = _sbb(t2, %q2%, b1)
        let (d3, b3) = _sbb(t3, %q3%, b2)
        // b3 == 1: t < q, keep t.
        let keep = 0 &- b3
        return %name%(_m0: (t0 & keep) | (d0 & ~keep), (t1 & keep) | (d1 & ~keep),
                      (t2 & keep) | (d2 & ~keep), (t3 & keep) | (d3 & ~keep))
    }

    // MARK: - Arithmetic

    /// Montgomery product self·y·R⁻¹, no-carry CIOS, fully unrolled.
    @inlinable @inline(__always)
    internal func _mul(_ y: %name%) -> %name% {
        let x0 = _l0, x1 = _l1, x2 = _l2, x3 = _l3
        let y0 = y._l0, y1 = y._l1, y2 = y._l2, y3 = y._l3
%MULBODY%        return %name%._reduceOnce(t0, t1, t2, t3)
    }

    /// Textbook Montgomery product (separated operand scanning with a full
    /// 512-bit intermediate); slow, kept as the reference `_mul` is tested against.
    public func _mulGeneric(_ y: %name%) -> %name% {
        let x = [_l0, _l1, _l2, _l3], yy = [y._l0, y._l1, y._l2, y._l3]
        let q: [UInt64] = [%q0%, %q1%, %q2%, %q3%]
        var t = [UInt64](repeating: 0, count: 9)
        for i in 0..<4 {
            var carry: UInt64 = 0
            for j in 0..<4 {
                let (hi, lo) = _madd2(x[i], yy[j], t[i + j], carry)
                t[i + j] = lo
                carry = hi
            }
            var k = i + 4
            while carry != 0 { let (s, c) = _adc(t[k], carry, 0); t[k] = s; carry = c; k += 1 }
        }
        for i in 0..<4 {
            let m = t[i] &* %inv%
            var carry: UInt64 = 0
            for j in 0..<4 {
                let (hi, lo) = _madd2(m, q[j], t[i + j], carry)
                t[i + j] = lo
                carry = hi
            }
            var k = i + 4
            while carry != 0 && k < 9 { let (s, c) = _adc(t[k], carry, 0); t[k] = s; carry = c; k += 1 }
        }
        var r = (t[4], t[5], t[6], t[7])
        if t[8] != 0 || !%name%._lessThanModulus(r) {
            let (d0, b0) = _sbb(r.0, q[0], 0)
            let (d1, b1) = _sbb(r.1, q[1], b0)
            let (d2, b2) = _sbb(r.2, q[2], b1)
            let (d3, _) = _sbb(r.3, q[3], b2)
            r = (d0, d1, d2, d3)
        }
        return %name%(_montgomery: r)
    }

    /// self + rhs. Written on two 128-bit halves: with Swift 6.3 this lowers
    /// to one add/adc chain and cmovs, where per-limb helpers give a serial
    /// add/adc/sar chain about three times slower. Relies on p < 2^254.
    @inlinable @inline(__always)
    public static func + (lhs: %name%, rhs: %name%) -> %name% {
        let (sl, c) = lhs._lowHalf.addingReportingOverflow(rhs._lowHalf)
        let sh = lhs._highHalf &+ rhs._highHalf &+ (c ? 1 : 0)
        return _reduceOnce128(lo: sl, hi: sh)
    }

    /// self − rhs (adds p back under a mask when the difference wraps).
    @inlinable @inline(__always)
    public static func - (lhs: %name%, rhs: %name%) -> %name% {
        let (dl, b) = lhs._lowHalf.subtractingReportingOverflow(rhs._lowHalf)
        let dh = lhs._highHalf &- rhs._highHalf &- (b ? 1 : 0)
        let mask = UInt128(bitPattern: Int128(bitPattern: dh) &>> 127)
        let (rl, c) = dl.addingReportingOverflow(_pLo & mask)
        let rh = dh &+ (_pHi & mask) &+ (c ? 1 : 0)
        return %name%(_low: rl, _high: rh)
    }

    @inlinable @inline(__always)
    internal var _lowHalf: UInt128 { UInt128(_l1) << 64 | UInt128(_l0) }

    @inlinable @inline(__always)
    internal var _highHalf: UInt128 { UInt128(_l3) << 64 | UInt128(_l2) }

    @inlinable @inline(__always)
    internal init(_low lo: UInt128, _high hi: UInt128) {
        self.init(_m0: UInt64(truncatingIfNeeded: lo), UInt64(truncatingIfNeeded: lo &>> 64),
                  UInt64(truncatingIfNeeded: hi), UInt64(truncatingIfNeeded: hi &>> 64))
    }

    /// The modulus as (low, high) 128-bit halves.
    @inlinable @inline(__always)
    internal static var _pLo: UInt128 { UInt128(%q1%) << 64 | UInt128(%q0%) }
    @inlinable @inline(__always)
    internal static var _pHi: UInt128 { UInt128(%q3%) << 64 | UInt128(%q2%) }

    /// Reduces s < 2p to s mod p: subtracts p and keeps s when that wraps
    /// (the top bit of the difference is then set, since p < 2^254).
    @inlinable @inline(__always)
    internal static func _reduceOnce128(lo: UInt128, hi: UInt128) -> %name% {
        let (dl, b) = lo.subtractingReportingOverflow(_pLo)
        let dh = hi &- _pHi &- (b ? 1 : 0)
        let wrapped = (dh &>> 127) != 0
        return %name%(_low: wrapped ? lo : dl, _high: wrapped ? hi : dh)
    }

    /// −x.
    @inlinable @inline(__always)
    public static prefix func - (x: %name%) -> %name% {
        %name%.zero - x
    }

    /// self · rhs.
    @inlinable @inline(__always)
    public static func * (lhs: %name%, rhs: %name%) -> %name% { lhs._mul(rhs) }

    @inlinable @inline(__always)
    public static func += (lhs: inout %name%, rhs: %name%) { lhs = lhs + rhs }
    @inlinable @inline(__always)
    public static func -= (lhs: inout %name%, rhs: %name%) { lhs = lhs - rhs }
    @inlinable @inline(__always)
    public static func *= (lhs: inout %name%, rhs: %name%) { lhs = lhs._mul(rhs) }

    /// 2·self.
    @inlinable @inline(__always)
    public func double() -> %name% {
        let lo = _lowHalf, hi = _highHalf
        return %name%._reduceOnce128(lo: lo &<< 1, hi: (hi &<< 1) | (lo &>> 127))
    }

    /// self².
    @inlinable @inline(__always)
    public func square() -> %name% { _mul(self) }

    /// self^e for e given as little-endian limbs (left-to-right, 4-bit windows).
    @inlinable
    public func pow(_ e: (UInt64, UInt64, UInt64, UInt64)) -> %name% {
        var table = [%name%](repeating: .one, count: 16)
        for i in 1..<16 { table[i] = table[i - 1] * self }
        var acc = %name%.one
        let limbs = [e.3, e.2, e.1, e.0]
        var started = false
        for limb in limbs {
            var shift = 60
            while shift >= 0 {
                if started { acc = acc.square().square().square().square() }
                let nib = Int((limb >> UInt64(shift)) & 0xF)
                if nib != 0 { acc = acc * table[nib]; started = true }
                shift -= 4
            }
        }
        return acc
    }

    /// self^e for a small exponent.
    @inlinable
    public func pow(_ e: UInt64) -> %name% { pow((e, 0, 0, 0)) }

    /// The multiplicative inverse, or nil for 0.
    ///
    /// Inverts the Montgomery representative v = aR as an integer with libgmp
    /// (v⁻¹ = a⁻¹R⁻¹), then one Montgomery product with R³ gives a⁻¹R.
    @inlinable
    public func inverse() -> %name%? {
        if isZero { return nil }
        let v = _gmpInverse((_l0, _l1, _l2, _l3), %name%.modulusLimbs)
        return %name%(_montgomery: v)._mul(%name%(_montgomery: %name%._r3))
    }

    /// The inverse by Fermat's little theorem (self^(p−2)), nil for 0: the
    /// reference `inverse()` is tested against.
    @inlinable
    public func _inverseFermat() -> %name%? {
        isZero ? nil : pow(%pm2%)
    }

    /// Legendre symbol: 0 for 0, 1 for a non-zero square, −1 otherwise.
    @inlinable
    public func legendre() -> Int {
        if isZero { return 0 }
        return pow(%pm1h%).isOne ? 1 : -1
    }

%SQRT%
    /// Replaces every non-zero element by its inverse with one inversion and
    /// 3(n−1) multiplications (Montgomery's trick); zeros stay zero.
    @inlinable
    public static func batchInverse(_ xs: inout [%name%]) {
        xs.withUnsafeMutableBufferPointer { batchInverse($0) }
    }

    /// In-place batch inversion on a buffer; zeros stay zero.
    @inlinable
    public static func batchInverse(_ xs: UnsafeMutableBufferPointer<%name%>) {
        let n = xs.count
        if n == 0 { return }
        withUnsafeTemporaryAllocation(of: %name%.self, capacity: n) { prefix in
            var acc = %name%.one
            for i in 0..<n {
                prefix[i] = acc
                if !xs[i].isZero { acc = acc * xs[i] }
            }
            var inv = acc.inverse()!
            var i = n - 1
            while i >= 0 {
                let x = xs[i]
                if !x.isZero {
                    xs[i] = inv * prefix[i]
                    inv = inv * x
                }
                i -= 1
            }
        }
    }
}

extension %name%: Equatable, Hashable {
    @inlinable @inline(__always)
    public static func == (lhs: %name%, rhs: %name%) -> Bool {
        ((lhs._l0 ^ rhs._l0) | (lhs._l1 ^ rhs._l1) | (lhs._l2 ^ rhs._l2) | (lhs._l3 ^ rhs._l3)) == 0
    }

    @inlinable
    public func hash(into hasher: inout Hasher) {
        hasher.combine(_l0); hasher.combine(_l1); hasher.combine(_l2); hasher.combine(_l3)
    }
}
'''

TEMPLATE = TEMPLATE.replace("%MULBODY%", MUL_BODY)

def main():
    check = "--check" in sys.argv
    bad = False
    for f in FIELDS:
        text = gen(f)
        path = os.path.join(OUT, f["name"] + ".swift")
        if check:
            old = open(path).read() if os.path.exists(path) else ""
            if old != text:
                print("out of date: " + path)
                bad = True
        else:
            with open(path, "w") as fh:
                fh.write(text)
            print("wrote " + os.path.relpath(path))
    sys.exit(1 if bad else 0)

if __name__ == "__main__":
    main()
