/// Scalar multiplication with the GLV endomorphism (Gallant, Lambert,
/// Vanstone, "Faster point multiplication on elliptic curves with efficient
/// endomorphisms", CRYPTO 2001).
///
/// BN254 has j-invariant 0, so φ(x, y) = (βx, y), with β a cube root of unity
/// in Fq, is an endomorphism that acts on G1 as multiplication by λ, a cube
/// root of unity in Fr. A scalar k is split as k ≡ k1 + k2·λ (mod r) with
/// |k1|, |k2| < 2^127 (Babai rounding against a reduced basis of the lattice
/// {(a, b) : a + bλ ≡ 0 mod r}), and [k]P = [k1]P + [k2]φ(P) is computed with
/// one shared chain of at most 128 doublings over the interleaved width-5
/// NAFs of k1 and k2
/// (Hankerson, Menezes, Vanstone, "Guide to ECC", Alg. 3.77).
extension G1Projective {
    /// β: the cube root of unity in Fq for which φ(x, y) = (βx, y) equals [λ]·(x, y) on G1.
    public static let glvBeta = Fq(canonicalLimbs: (0x5763_4731_77ff_fffe, 0xd4f2_63f1_acdb_5c4f, 0x59e2_6bce_a0d4_8bac, 0))!

    /// λ: the cube root of unity in Fr with φ(P) = [λ]P for every P in G1.
    public static let glvLambda = Fr(canonicalLimbs: (0x8b17_ea66_b99c_90dd, 0x5bfc_4108_8d8d_aaa7, 0xb3c4_d79d_41a9_1758, 0))!

    // Reduced basis v1 = (a1, −b1'), v2 = (a2, b2) of the GLV lattice, found by
    // the extended Euclidean algorithm on (r, λ); det = a1·b2 + b1'·a2 = r.
    static let _glvA1: UInt128 = 0x89d3_2568_94d2_13e3
    static let _glvB1Abs: UInt128 = 0x6f4d_8248_eeb8_59fc_8211_bbeb_7d4f_1128
    static let _glvA2: UInt128 = 0x6f4d_8248_eeb8_59fd_0be4_e154_1221_250b
    static let _glvB2: UInt128 = 0x89d3_2568_94d2_13e3
    // g1 = ⌊2^256·b2/r⌋, g2 = ⌊2^256·b1'/r⌋: c_i = ⌊(k·g_i + 2^255) / 2^256⌋
    // round the Babai coefficients β1 = k·b2/r, β2 = k·b1'/r.
    static let _glvG1: (UInt64, UInt64, UInt64) = (0xd91d_232e_c7e0_b3d7, 0x2, 0)
    static let _glvG2: (UInt64, UInt64, UInt64) = (0x7a7b_d9d4_391e_b18d, 0x4cce_f014_a773_d2cf, 0x2)

    /// φ(self) = (β·X, Y, Z), which equals [λ]·self.
    @inlinable
    public func endomorphism() -> G1Projective {
        G1Projective(x: x * G1Projective.glvBeta, y: y, z: z)
    }

    /// Splits k into k ≡ k1 + k2·λ (mod r) with |k1|, |k2| < 2^127, returned
    /// as magnitudes and signs.
    ///
    /// The rounded coefficients c_i = β_i − e_i carry errors e_i ∈ [−0.5, 0.75)
    /// (rounding, plus under 1/4 from truncating g_i, as k < 2^254), so
    /// k1 = k − c1·a1 − c2·a2 = e1·a1 + e2·a2 and k2 = c1·b1' − c2·b2 =
    /// −e1·b1' + e2·b2 are both below 0.75·(a1 + a2) < 0.66·2^127 in absolute
    /// value: they are computed exactly modulo 2^128 and read as `Int128`.
    /// Exposed for tests; use `multiplied(by:)`.
    public static func _glvDecompose(_ k: Fr) -> (k1: UInt128, k1IsNegative: Bool, k2: UInt128, k2IsNegative: Bool) {
        let l = k.canonicalLimbs
        let c1 = _mulShift256(l, _glvG1)
        let c2 = _mulShift256(l, _glvG2)
        let kLow = UInt128(l.1) << 64 | UInt128(l.0)
        let k1 = Int128(bitPattern: kLow &- c1 &* _glvA1 &- c2 &* _glvA2)
        let k2 = Int128(bitPattern: c1 &* _glvB1Abs &- c2 &* _glvB2)
        return (k1.magnitude, k1 < 0, k2.magnitude, k2 < 0)
    }

    /// ⌊(k·g + 2^255) / 2^256⌋ for a 256-bit k and a 192-bit g whose quotient fits 128 bits.
    static func _mulShift256(_ k: (UInt64, UInt64, UInt64, UInt64), _ g: (UInt64, UInt64, UInt64)) -> UInt128 {
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 7) { t in
            t.initialize(repeating: 0)
            t[3] = 1 << 63
            for i in 0..<4 {
                let ki = withUnsafeBytes(of: k) { $0.load(fromByteOffset: 8 * i, as: UInt64.self) }
                var carry: UInt64 = 0
                for j in 0..<3 {
                    let gj = withUnsafeBytes(of: g) { $0.load(fromByteOffset: 8 * j, as: UInt64.self) }
                    let (hi, lo) = _madd2(ki, gj, t[i + j], carry)
                    t[i + j] = lo
                    carry = hi
                }
                // Row i's carry lands in t[i + 3], which only the rounding
                // constant (row 0) has touched: add, don't overwrite.
                let (sum, overflow) = _adc(t[i + 3], carry, 0)
                t[i + 3] = sum
                if i + 4 < 7 { t[i + 4] &+= overflow }
            }
            return UInt128(t[5]) << 64 | UInt128(t[4])
        }
    }

    /// Width-w NAF digits of k, least significant first: each is 0 or odd with
    /// |d| < 2^(w−1), and any w consecutive digits hold at most one non-zero.
    /// - Returns: the number of digits written (at most 128 for k < 2^127).
    @inline(__always)
    static func _wnaf(_ k: UInt128, width: Int, into out: UnsafeMutableBufferPointer<Int8>) -> Int {
        var k = k
        var i = 0
        let mask = (UInt128(1) << width) - 1
        let half = 1 << (width - 1), full = 1 << width
        while k != 0 {
            var d = 0
            if k & 1 == 1 {
                d = Int(truncatingIfNeeded: k & mask)
                if d >= half { d -= full; k &+= UInt128(-d) } else { k &-= UInt128(d) }
            }
            out[i] = Int8(truncatingIfNeeded: d)
            i += 1
            k >>= 1
        }
        return i
    }

    /// [k]·self by GLV: two half-length width-5 NAFs sharing one chain of
    /// about 128 doublings, with tables of 8 odd multiples of ±P and ±φ(P)
    /// (the second is the first mapped through φ, 8 multiplications).
    /// - Parameter k: any scalar; 0 gives the identity.
    /// - Returns: [k]·self in Jacobian form. Not constant time.
    public func multiplied(by k: Fr) -> G1Projective {
        if isIdentity || k.isZero { return .identity }
        let (k1, n1, k2, n2) = G1Projective._glvDecompose(k)
        let p1 = n1 ? negated() : self
        return withUnsafeTemporaryAllocation(of: G1Projective.self, capacity: 16) { tab in
            tab.initialize(repeating: .identity)
            tab[0] = p1
            let twice = p1.doubled()
            for i in 1..<8 { tab[i] = tab[i - 1].adding(twice) }
            for i in 0..<8 {
                let e = tab[i].endomorphism()
                tab[8 + i] = n1 == n2 ? e : e.negated()
            }
            return withUnsafeTemporaryAllocation(of: Int8.self, capacity: 264) { digits in
                let d1 = UnsafeMutableBufferPointer(rebasing: digits[0..<132])
                let d2 = UnsafeMutableBufferPointer(rebasing: digits[132..<264])
                let len1 = G1Projective._wnaf(k1, width: 5, into: d1)
                let len2 = G1Projective._wnaf(k2, width: 5, into: d2)
                var acc = G1Projective.identity
                var i = max(len1, len2) - 1
                while i >= 0 {
                    acc = acc.doubled()
                    if i < len1 {
                        let d = Int(d1[i])
                        if d > 0 { acc = acc.adding(tab[d >> 1]) } else if d < 0 { acc = acc.adding(tab[(-d) >> 1].negated()) }
                    }
                    if i < len2 {
                        let d = Int(d2[i])
                        if d > 0 { acc = acc.adding(tab[8 + d >> 1]) } else if d < 0 { acc = acc.adding(tab[8 + (-d) >> 1].negated()) }
                    }
                    i -= 1
                }
                return acc
            }
        }
    }

    /// [k]·p.
    @inlinable
    public static func * (p: G1Projective, k: Fr) -> G1Projective { p.multiplied(by: k) }

    /// [k]·p.
    @inlinable
    public static func * (k: Fr, p: G1Projective) -> G1Projective { p.multiplied(by: k) }

    /// p = [k]·p.
    @inlinable
    public static func *= (p: inout G1Projective, k: Fr) { p = p.multiplied(by: k) }
}
