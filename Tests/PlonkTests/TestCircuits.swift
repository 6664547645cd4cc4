import BN254
import KZG
import Plonk
import TestSupport

/// d_next = a·b + c·d with fixed columns (q, k): constraint q·(a·b + c·d − d') + k·0... see below.
/// A custom gate reading the next row: q·(a·b + c − d_next) = 0 and a second
/// constraint q·(a − b) ... kept simple: q·(a·b + c − d') = 0, r·(a³ − d) = 0.
struct ChainGate: CustomGate {
    var name: String { "test.chain" }
    var fixedColumnCount: Int { 2 }
    var constraintCount: Int { 2 }
    var readsNextRow: Bool { true }
    func coefficients(current w: WireValues, next: WireValues, into out: UnsafeMutableBufferPointer<Fr>) {
        // constraint 0: q0·(a·b + c − d_next) + q1·0
        out[0] = w.a * w.b + w.c - next.d
        out[1] = .zero
        // constraint 1: q0·0 + q1·(a³ − d)
        out[2] = .zero
        out[3] = w.a * w.a * w.a - w.d
    }
}

/// A one-row gate with one selector q: q·(b − a²) = 0 and q·(c − a·b) = 0 (so c = a³).
struct SquareGate: CustomGate {
    var name: String { "test.square" }
    var fixedColumnCount: Int { 1 }
    var constraintCount: Int { 2 }
    var readsNextRow: Bool { false }
    func coefficients(current w: WireValues, next: WireValues, into out: UnsafeMutableBufferPointer<Fr>) {
        out[0] = w.b - w.a * w.a
        out[1] = w.c - w.a * w.b
    }
}

enum TestCircuits {
    /// An insecure SRS from a known τ: [τ^i]₁ for i < count and [τ]₂.
    static func srs(count: Int, tau: Fr = Fr(0x1234_5678_9abc_def1)) -> SRS {
        var powers = [G1Projective]()
        powers.reserveCapacity(count)
        var t = Fr.one
        for _ in 0..<count { powers.append(G1Projective.generator.multiplied(by: t)); t *= tau }
        let g2 = G2Projective(G2Affine.generator).multiplied(by: tau).toAffine()
        return SRS(g1Powers: G1Projective.batchToAffine(powers), g2Tau: g2, isInsecure: true)
    }

    /// A random circuit mixing every feature: public inputs, arithmetic gates,
    /// copies, both custom gates (one reading the next row) and lookups.
    static func random(seed: UInt64, rows: Int) -> ConstraintSystem {
        var rng = SeededRNG(seed: seed)
        var cs = ConstraintSystem()
        let p0 = cs.publicInput(Fr.random(using: &rng))
        let p1 = cs.publicInput(Fr(UInt64.random(in: 0..<256, using: &rng)))
        var vars = [p0, p1]
        while cs.rowCount < rows {
            let x = vars[Int.random(in: 0..<vars.count, using: &rng)]
            let y = vars[Int.random(in: 0..<vars.count, using: &rng)]
            switch Int.random(in: 0..<7, using: &rng) {
            case 0: vars.append(cs.add(x, y))
            case 1: vars.append(cs.mul(x, y))
            case 2: vars.append(cs.combine(x, Fr.random(using: &rng), y, Fr(3), product: Fr(7), constant: Fr(11)))
            case 3:
                // chain: row r: (a, b, c, d) with r+1's d = a·b + c; row r: d = a³.
                let a = cs.value(of: x), b = cs.value(of: y), c = Fr.random(using: &rng)
                let cv = cs.alloc(c)
                let d0 = cs.alloc(a * a * a)
                cs.addCustomRow(gate: ChainGate(), fixed: [.one, .one], a: x, b: y, c: cv, d: d0)
                let d1 = cs.alloc(a * b + c)
                let e = cs.alloc(Fr.random(using: &rng))
                cs.addCustomRow(gate: ChainGate(), fixed: [.zero, .zero], a: e, b: e, c: e, d: d1)
                vars.append(d1); vars.append(e)
            case 4:
                let a = cs.value(of: x)
                let b = cs.alloc(a * a), c = cs.alloc(a * a * a)
                cs.addCustomRow(gate: SquareGate(), fixed: [Fr(2)], a: x, b: b, c: c)
                vars.append(c)
            case 5:
                let v = cs.alloc(Fr(UInt64.random(in: 0..<256, using: &rng)))
                cs.rangeCheck8(v)
                vars.append(v)
            default:
                let u = UInt64.random(in: 0..<16, using: &rng), w = UInt64.random(in: 0..<16, using: &rng)
                let xu = cs.alloc(Fr(u)), xw = cs.alloc(Fr(w)), xo = cs.alloc(Fr(u ^ w))
                cs.lookup(.xor4, a: xu, b: xw, c: xo)
                vars.append(xo)
            }
        }
        cs.rangeCheck8(p1)
        return cs
    }
}
