/// A G1 point in extended Jacobian ("XYZZ") coordinates, the bucket type of
/// the MSM: (X, Y, ZZ, ZZZ) stands for (X/ZZ, Y/ZZZ) with ZZ³ = ZZZ²; ZZ = 0
/// is the identity.
///
/// Formulas from the EFD, short Weierstrass "xyzz" (Sutherland 2008):
/// madd-2008-s (mixed add, 8M + 2S), add-2008-s (12M + 2S), dbl-2008-s-1 and
/// mdbl-2008-s-1. They are cheaper than Jacobian ones for accumulation, which
/// is why MSM buckets and running sums use them (as gnark-crypto's
/// `g1JacExtended`). Not constant time.
struct G1XYZZ {
    var x: Fq
    var y: Fq
    var zz: Fq
    var zzz: Fq

    @inline(__always)
    init(x: Fq, y: Fq, zz: Fq, zzz: Fq) { self.x = x; self.y = y; self.zz = zz; self.zzz = zzz }

    /// The identity.
    static var identity: G1XYZZ {
        @inline(__always) get { G1XYZZ(x: .one, y: .one, zz: .zero, zzz: .zero) }
    }

    @inline(__always)
    var isIdentity: Bool { zz.isZero }

    /// 2·(x, y) for an affine (x, y) with y ≠ 0 (mdbl-2008-s-1).
    @inline(__always)
    static func doubleAffine(x: Fq, y: Fq) -> G1XYZZ {
        let u = y.double()
        let v = u.square()
        let w = u * v
        let s = x * v
        let xx = x.square()
        let m = xx.double() + xx
        let x3 = m.square() - s.double()
        let y3 = m * (s - x3) - w * y
        return G1XYZZ(x: x3, y: y3, zz: v, zzz: w)
    }

    /// 2·self (dbl-2008-s-1, a = 0).
    @inline(__always)
    func doubled() -> G1XYZZ {
        if isIdentity { return self }
        let u = y.double()
        let v = u.square()
        let w = u * v
        let s = x * v
        let xx = x.square()
        let m = xx.double() + xx
        let x3 = m.square() - s.double()
        let y3 = m * (s - x3) - w * y
        return G1XYZZ(x: x3, y: y3, zz: v * zz, zzz: w * zzz)
    }

    /// self += (qx, qy), an affine point that is not infinity (madd-2008-s).
    /// Handles self = identity, q = self and q = −self.
    @inline(__always)
    mutating func addAffine(x qx: Fq, y qy: Fq) {
        if isIdentity { self = G1XYZZ(x: qx, y: qy, zz: .one, zzz: .one); return }
        let u2 = qx * zz
        let s2 = qy * zzz
        let p = u2 - x
        let r = s2 - y
        if p.isZero {
            self = r.isZero ? G1XYZZ.doubleAffine(x: qx, y: qy) : .identity
            return
        }
        let pp = p.square()
        let ppp = p * pp
        let q = x * pp
        let x3 = r.square() - ppp - q.double()
        let y3 = r * (q - x3) - y * ppp
        self = G1XYZZ(x: x3, y: y3, zz: zz * pp, zzz: zzz * ppp)
    }

    /// self += q (add-2008-s); handles the identity, q = self and q = −self.
    @inline(__always)
    mutating func add(_ q: G1XYZZ) {
        if q.isIdentity { return }
        if isIdentity { self = q; return }
        let u1 = x * q.zz
        let u2 = q.x * zz
        let s1 = y * q.zzz
        let s2 = q.y * zzz
        let p = u2 - u1
        let r = s2 - s1
        if p.isZero {
            self = r.isZero ? doubled() : .identity
            return
        }
        let pp = p.square()
        let ppp = p * pp
        let q0 = u1 * pp
        let x3 = r.square() - ppp - q0.double()
        let y3 = r * (q0 - x3) - s1 * ppp
        self = G1XYZZ(x: x3, y: y3, zz: zz * q.zz * pp, zzz: zzz * q.zzz * ppp)
    }

    /// The Jacobian form: (X·ZZ², Y·ZZZ², ZZZ), since x = X·ZZ²/ZZZ² and
    /// y = Y·ZZZ²/ZZZ³ when ZZ³ = ZZZ².
    @inline(__always)
    func toProjective() -> G1Projective {
        if isIdentity { return .identity }
        return G1Projective(x: x * zz.square(), y: y * zzz.square(), z: zzz)
    }
}
