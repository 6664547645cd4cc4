import BN254
import Testing
import TestSupport

/// Field laws and libgmp cross-checks, written once and run for Fq and Fr
/// (arkworks `test-templates/src/fields.rs` style).
enum FieldChecks {
    static func randomPairs<F: PrimeField>(_: F.Type, count: Int, seed: UInt64) -> [(F, F)] {
        var rng = SeededRNG(seed: seed)
        let o = FieldOracle<F>()
        var values = o.edgeValues
        for _ in 0..<count { values.append(F.random(using: &rng)) }
        var pairs: [(F, F)] = []
        for a in values { for b in o.edgeValues { pairs.append((a, b)) } }
        for _ in 0..<count { pairs.append((F.random(using: &rng), F.random(using: &rng))) }
        return pairs
    }

    static func arithmeticMatchesGMP<F: PrimeField>(_: F.Type) {
        let o = FieldOracle<F>()
        for (a, b) in randomPairs(F.self, count: 300, seed: 11) {
            #expect(a + b == o.add(a, b), "add \(a) \(b)")
            #expect(a - b == o.sub(a, b), "sub \(a) \(b)")
            #expect(a * b == o.mul(a, b), "mul \(a) \(b)")
            #expect(a.square() == o.mul(a, a), "square \(a)")
            #expect(a.double() == o.add(a, a), "double \(a)")
            #expect(-a == o.neg(a), "neg \(a)")
        }
    }

    static func inversionMatchesGMP<F: PrimeField>(_: F.Type) {
        let o = FieldOracle<F>()
        #expect(F.zero.inverse() == nil)
        var rng = SeededRNG(seed: 12)
        var values = o.edgeValues.filter { !$0.isZero }
        for _ in 0..<200 { values.append(F.random(using: &rng)) }
        for a in values where !a.isZero {
            let inv = a.inverse()
            #expect(inv == o.inverse(a), "inverse \(a)")
            #expect(inv.map { $0 * a } == F.one)
        }
    }

    static func powSqrtLegendre<F: PrimeField>(_: F.Type) {
        let o = FieldOracle<F>()
        var rng = SeededRNG(seed: 13)
        var values = o.edgeValues
        for _ in 0..<100 { values.append(F.random(using: &rng)) }
        var residues = 0, nonResidues = 0
        for a in values {
            let e = (rng.next() as UInt64, rng.next() as UInt64, rng.next() as UInt64, rng.next() as UInt64)
            #expect(a.pow(e) == o.pow(a, BigNumber(limbs: e)), "pow \(a)")
            let l = a.legendre()
            #expect(l == o.legendre(a), "legendre \(a)")
            if let s = a.sqrt() {
                #expect(s.square() == a, "sqrt \(a)")
                #expect(l >= 0)
                residues += 1
            } else {
                #expect(l == -1, "sqrt returned nil for a residue \(a)")
                nonResidues += 1
            }
        }
        // Both branches exercised.
        #expect(residues > 10 && nonResidues > 10)
    }

    static func encodings<F: PrimeField>(_: F.Type) {
        let o = FieldOracle<F>()
        var rng = SeededRNG(seed: 14)
        var values = o.edgeValues
        for _ in 0..<100 { values.append(F.random(using: &rng)) }
        for a in values {
            let bytes = a.bigEndianBytes
            #expect(bytes.count == 32)
            #expect(bytes == o.big(a).bigEndianBytes(width: 32))
            #expect(F(bigEndianBytes: bytes) == a)
            #expect(F(a.description) == a)
            #expect(F(a.hexString) == a)
        }
        // Non-canonical encodings: p, p+1, 2^256−1 and wrong lengths are rejected.
        let p = o.p
        for bad in [p, p + BigNumber("1")!, BigNumber(limbArray: [.max, .max, .max, .max])] {
            #expect(F(bigEndianBytes: bad.bigEndianBytes(width: 32)) == nil)
            #expect(F(canonicalLimbs: bad.limbs256!) == nil)
            #expect(F(bad.decimalString) == nil)
        }
        #expect(F(bigEndianBytes: [UInt8](repeating: 0, count: 31)) == nil)
        #expect(F(bigEndianBytes: [UInt8](repeating: 0, count: 33)) == nil)
        #expect(F("12x") == nil && F("") == nil && F("0x") == nil && F("-1") == nil)
    }

    static func batchInverse<F: PrimeField>(_: F.Type, inverseOf: (inout [F]) -> Void) {
        var rng = SeededRNG(seed: 15)
        var xs: [F] = (0..<50).map { i in i % 7 == 3 ? .zero : F.random(using: &rng) }
        let original = xs
        inverseOf(&xs)
        for (x, y) in zip(original, xs) {
            if x.isZero { #expect(y.isZero) } else { #expect(x * y == F.one) }
        }
    }
}

@Suite struct FqTests {
    @Test func arithmeticMatchesGMP() { FieldChecks.arithmeticMatchesGMP(Fq.self) }
    @Test func inversionMatchesGMP() { FieldChecks.inversionMatchesGMP(Fq.self) }
    @Test func powSqrtLegendre() { FieldChecks.powSqrtLegendre(Fq.self) }
    @Test func encodings() { FieldChecks.encodings(Fq.self) }
    @Test func batchInverse() { FieldChecks.batchInverse(Fq.self) { Fq.batchInverse(&$0) } }

    @Test func mulMatchesTextbookMontgomery() {
        var rng = SeededRNG(seed: 1)
        let edges = FieldOracle<Fq>().edgeValues
        for a in edges { for b in edges { #expect(a * b == a._mulGeneric(b)) } }
        for _ in 0..<2000 {
            let a = Fq.random(using: &rng), b = Fq.random(using: &rng)
            #expect(a * b == a._mulGeneric(b))
        }
    }

    @Test func fermatInverseAgrees() {
        var rng = SeededRNG(seed: 2)
        for _ in 0..<50 { let a = Fq.random(using: &rng); #expect(a.inverse() == a._inverseFermat()) }
    }

    @Test func constants() {
        #expect(Fq.modulusDecimal == "21888242871839275222246405745257275088696311157297823662689037894645226208583")
        #expect(Fq.multiplicativeGenerator.legendre() == -1)
        #expect(Fq.one.description == "1" && Fq.zero.description == "0")
    }
}

@Suite struct FrTests {
    @Test func arithmeticMatchesGMP() { FieldChecks.arithmeticMatchesGMP(Fr.self) }
    @Test func inversionMatchesGMP() { FieldChecks.inversionMatchesGMP(Fr.self) }
    @Test func powSqrtLegendre() { FieldChecks.powSqrtLegendre(Fr.self) }
    @Test func encodings() { FieldChecks.encodings(Fr.self) }
    @Test func batchInverse() { FieldChecks.batchInverse(Fr.self) { Fr.batchInverse(&$0) } }

    @Test func mulMatchesTextbookMontgomery() {
        var rng = SeededRNG(seed: 3)
        let edges = FieldOracle<Fr>().edgeValues
        for a in edges { for b in edges { #expect(a * b == a._mulGeneric(b)) } }
        for _ in 0..<2000 {
            let a = Fr.random(using: &rng), b = Fr.random(using: &rng)
            #expect(a * b == a._mulGeneric(b))
        }
    }

    @Test func fermatInverseAgrees() {
        var rng = SeededRNG(seed: 4)
        for _ in 0..<50 { let a = Fr.random(using: &rng); #expect(a.inverse() == a._inverseFermat()) }
    }

    /// ω is a primitive 2^28-th root: ω^(2^28) = 1 and ω^(2^27) = −1.
    @Test func rootOfUnity() {
        var w = Fr.twoAdicRootOfUnity
        for _ in 0..<27 { w = w.square() }
        #expect(w == -Fr.one)
        #expect(w.square() == Fr.one)
        #expect(Fr.twoAdicity == 28)
        let o = FieldOracle<Fr>()
        // generator^((r-1)/2^28), exponent shifted here, power taken by libgmp.
        var e = BigNumber(limbs: (Fr.modulusLimbs.0 - 1, Fr.modulusLimbs.1, Fr.modulusLimbs.2, Fr.modulusLimbs.3)).limbArray
        // shift right by 28 bits
        for _ in 0..<28 {
            for i in 0..<e.count { e[i] = (e[i] >> 1) | (i + 1 < e.count ? e[i + 1] << 63 : 0) }
        }
        #expect(o.pow(Fr.multiplicativeGenerator, BigNumber(limbArray: e)) == Fr.twoAdicRootOfUnity)
    }

    @Test func reducingConstructors() {
        let o = FieldOracle<Fr>()
        let max = BigNumber(limbArray: [.max, .max, .max, .max])
        #expect(Fr(reducing: (.max, .max, .max, .max)) == o.element(max % o.p))
        #expect(Fr(reducingBigEndianBytes: [UInt8](repeating: 0xff, count: 32)) == o.element(max % o.p))
        #expect(Fr(reducing: Fr.modulusLimbs) == .zero)
    }
}
