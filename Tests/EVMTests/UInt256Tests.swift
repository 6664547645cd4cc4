import BN254
import EVM
import Testing
import TestSupport

/// Word arithmetic checked against libgmp (`BigNumber`) on edge and seeded random values.
@Suite struct UInt256Tests {
    static let two256 = BigNumber(limbArray: [0, 0, 0, 0, 1])
    static let two255 = BigNumber(limbArray: [0, 0, 0, 1 << 63])

    static func big(_ x: UInt256) -> BigNumber { BigNumber(limbs: x.limbs) }
    static func word(_ n: BigNumber) -> UInt256 {
        let r = n % two256
        return UInt256(limbs: r.limbs256 ?? (0, 0, 0, 0))
    }
    /// Two's-complement value as (magnitude, negative).
    static func signed(_ x: UInt256) -> (BigNumber, Bool) {
        x.isNegative ? (big(x.negated), true) : (big(x), false)
    }

    static var values: [UInt256] {
        var v: [UInt256] = [0, 1, 2, 3, 7, 10, 0xff, UInt256(UInt64.max), .max, UInt256.max &- 1,
                            UInt256(0, 1, 0, 0), UInt256(0, 0, 1, 0), UInt256(0, 0, 0, 1),
                            UInt256(0, 0, 0, 1 << 63), UInt256(.max, .max, .max, .max >> 1),
                            UInt256(1, 0, 0, 1 << 63), UInt256(.max, 0, .max, 0), UInt256(0, .max, 0, .max),
                            UInt256(1 << 63, 0, 0, 0), UInt256(0, 1 << 63, 0, 0), UInt256(123456789, 0, 0, 0),
                            UInt256(0, 0, 1 << 63, 0), UInt256(.max, .max, 0, 0), UInt256(5, 0, 0, 0x8000_0000_0000_0001)]
        var rng = SeededRNG(seed: 0x2561)
        for i in 0..<120 {
            // random values of varying limb counts, and some with a single top limb
            let limbs = (0..<4).map { _ in UInt64.random(in: 0...UInt64.max, using: &rng) }
            let k = i % 4
            var w = UInt256(limbs[0], k >= 1 ? limbs[1] : 0, k >= 2 ? limbs[2] : 0, k >= 3 ? limbs[3] : 0)
            if i % 7 == 0 { w = UInt256(limbs[0] & 0xffff, 0, 0, limbs[3]) }
            v.append(w)
        }
        return v
    }

    static var pairs: [(UInt256, UInt256)] {
        let v = values
        var out: [(UInt256, UInt256)] = []
        for (i, a) in v.enumerated() {
            for j in stride(from: i % 5, to: v.count, by: 5) { out.append((a, v[j])) }
        }
        return out
    }

    @Test func addSubMul() {
        for (a, b) in Self.pairs {
            #expect(Self.big(a &+ b) == (Self.big(a) + Self.big(b)) % Self.two256)
            #expect(Self.big(a &- b) == (Self.big(a) + Self.two256 - Self.big(b)) % Self.two256)
            #expect(Self.big(a &* b) == (Self.big(a) * Self.big(b)) % Self.two256)
            #expect(a.addingReportingOverflow(b).overflow == !(Self.big(a) + Self.big(b) < Self.two256))
            #expect(a.subtractingReportingOverflow(b).overflow == (Self.big(a) < Self.big(b)))
        }
    }

    @Test func divMod() {
        for (a, b) in Self.pairs {
            let (q, r) = a.quotientAndRemainder(dividingBy: b)
            if b.isZero {
                #expect(q.isZero && r.isZero)
                continue
            }
            #expect(Self.big(r) == Self.big(a) % Self.big(b))
            #expect(Self.big(q) * Self.big(b) + Self.big(r) == Self.big(a))
            #expect(a / b == q && a % b == r)
        }
    }

    @Test func signedDivMod() {
        for (a, b) in Self.pairs {
            let q = a.signedDivided(by: b), r = a.signedRemainder(dividingBy: b)
            if b.isZero {
                #expect(q.isZero && r.isZero)
                continue
            }
            let (am, an) = Self.signed(a), (bm, bn) = Self.signed(b)
            let rm = am % bm
            // |q| = (|a| - |a| mod |b|) / |b|, checked as |q|·|b| + (|a| mod |b|) == |a| modulo 2^256
            let qm = Self.big(an != bn ? q.negated : q)
            #expect((qm * bm + rm) % Self.two256 == am % Self.two256)
            #expect(Self.big(an ? r.negated : r) == rm)
        }
        let minInt = UInt256(0, 0, 0, 1 << 63)
        #expect(minInt.signedDivided(by: .max) == minInt)
        #expect(minInt.signedRemainder(dividingBy: .max) == .zero)
        #expect(UInt256(7).negated.signedRemainder(dividingBy: 3) == UInt256(1).negated)
        #expect(UInt256(7).negated.signedDivided(by: 2) == UInt256(3).negated)
    }

    @Test func addModMulMod() {
        let v = Self.values
        for (i, (a, b)) in Self.pairs.enumerated() {
            let m = v[(i * 13) % v.count]
            if m.isZero {
                #expect(a.addMod(b, m).isZero && a.mulMod(b, m).isZero)
                continue
            }
            #expect(Self.big(a.addMod(b, m)) == (Self.big(a) + Self.big(b)) % Self.big(m))
            #expect(Self.big(a.mulMod(b, m)) == (Self.big(a) * Self.big(b)) % Self.big(m))
        }
    }

    @Test func exp() {
        for (a, b) in Self.pairs.prefix(600) {
            #expect(Self.big(a.power(b)) == Self.big(a).powMod(Self.big(b), Self.two256))
        }
        #expect(UInt256(0).power(0) == 1)
        #expect(UInt256(2).power(255) == UInt256(0, 0, 0, 1 << 63))
        #expect(UInt256(2).power(256) == 0)
    }

    @Test func shifts() {
        for a in Self.values {
            for s in [0, 1, 7, 63, 64, 65, 127, 128, 130, 191, 192, 200, 255] {
                let pow = UInt256(2).power(UInt256(s))
                #expect(a.shiftedLeft(by: UInt256(s)) == a &* pow)
                #expect(a.shiftedRight(by: UInt256(s)) == a / pow)
                let sar = a.arithmeticShiftedRight(by: UInt256(s))
                if a.isNegative {
                    // floor division of a negative value: −ceil(|a| / 2^s)
                    let m = a.negated
                    let (q, r) = m.quotientAndRemainder(dividingBy: pow)
                    #expect(sar == (r.isZero ? q : q &+ 1).negated)
                } else {
                    #expect(sar == a / pow)
                }
            }
            #expect(a.shiftedLeft(by: 256).isZero && a.shiftedRight(by: .max).isZero)
            #expect(a.arithmeticShiftedRight(by: 256) == (a.isNegative ? .max : .zero))
        }
    }

    @Test func byteAndSignExtend() {
        let w = UInt256(hex: "0x0102030405060708091011121314151617181920212223242526272829303132")!
        #expect(w.byte(at: 0) == 1 && w.byte(at: 31) == 0x32 && w.byte(at: 32) == 0 && w.byte(at: .max) == 0)
        #expect(w.byte(at: 8) == 9)
        #expect(UInt256(0xff).signExtended(fromByte: 0) == .max)
        #expect(UInt256(0x7f).signExtended(fromByte: 0) == 0x7f)
        #expect(UInt256(0x1_80ff).signExtended(fromByte: 1) == UInt256(0x7f01).negated)
        #expect(w.signExtended(fromByte: 31) == w && w.signExtended(fromByte: .max) == w)
        for a in Self.values {
            for k in [0, 1, 7, 8, 15, 16, 30] {
                let bits = (k + 1) * 8
                let low = a & (UInt256.max.shiftedRight(256 - bits))
                let neg = !low.shiftedRight(bits - 1).isZero
                let expected = neg ? low &- UInt256.one.shiftedLeft(bits) : low
                #expect(a.signExtended(fromByte: UInt256(k)) == expected)
            }
        }
    }

    @Test func comparisons() {
        for (a, b) in Self.pairs {
            #expect((a < b) == (Self.big(a) < Self.big(b)))
            let sa = Self.big(a &+ UInt256(0, 0, 0, 1 << 63)), sb = Self.big(b &+ UInt256(0, 0, 0, 1 << 63))
            #expect(UInt256.signedLess(a, b) == (sa < sb))
            #expect((a == b) == (Self.big(a) == Self.big(b)))
        }
    }

    @Test func conversions() {
        for a in Self.values {
            #expect(UInt256(bigEndianBytes: a.bigEndianBytes) == a)
            #expect(Self.big(a).bigEndianBytes(width: 32) == a.bigEndianBytes)
            #expect(UInt256(hex: a.hexString) == a)
            #expect("0x" + Self.big(a).string(radix: 16) == a.hexString)
            #expect(a.description == Self.big(a).decimalString)
            #expect(UInt256(decimal: a.description) == a)
            #expect(UInt256(bigEndianBytes: a.minimalBigEndianBytes) == a)
            #expect((a.exactUInt64 != nil) == (Self.big(a) < BigNumber(limbArray: [0, 1])))
        }
        #expect(UInt256(decimal: "115792089237316195423570985008687907853269984665640564039457584007913129639935") == .max)
        #expect(UInt256(decimal: "115792089237316195423570985008687907853269984665640564039457584007913129639936") == nil)
        #expect(UInt256(hex: "0x1" + String(repeating: "0", count: 64)) == nil)
        #expect(UInt256(hex: "0xzz") == nil && UInt256(decimal: "12a") == nil)
        #expect(UInt256(hex: "0x") == 0 && UInt256(bigEndianBytes: [UInt8](repeating: 1, count: 33)) == nil)
        let addr = Address(hex: "0x095e7baea6a6c7c4c2dfeb977efac326af552d87")!
        #expect(addr.description == "0x095e7baea6a6c7c4c2dfeb977efac326af552d87")
        #expect(Address(bytes: addr.bytes) == addr && Address(truncating: addr.word | UInt256(0, 0, 1 << 40, 5)) == addr)
        #expect(Address(hex: "0x12") == nil)
    }
}
