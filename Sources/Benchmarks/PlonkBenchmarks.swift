import Foundation
import BN254
import KZG
import Parallel
import Plonk

/// `plonk.prove`, `plonk.verify`: a chain circuit filling 2ᵏ rows — even rows
/// run a custom gate that reads the next row (d' = a·b·c + d + k), odd rows a
/// multiplication whose a is copied from the previous row's c — with an
/// insecure SRS from a fixed τ, all built before timing. Default sizes 2¹⁰ and
/// 2¹⁶; `plonk.prove.2^18`, `plonk.prove.2^20` (and `.verify`) run only when
/// the filter names them. Prepare prints the proof size to stderr.
enum PlonkBenchmarks {
    static let sizes = [1 << 10, 1 << 16]
    static let extendedSizes = [1 << 18, 1 << 20]

    static var all: [Benchmark] {
        sizes.flatMap { n in [prove("plonk.prove", n), verify("plonk.verify", n)] }
    }

    /// Run only on an explicit filter containing "2^".
    static var extended: [Benchmark] {
        extendedSizes.flatMap { n in
            let k = n.trailingZeroBitCount
            return [prove("plonk.prove.2^\(k)", n), verify("plonk.verify.2^\(k)", n)]
        }
    }

    static func prove(_ name: String, _ n: Int) -> Benchmark {
        Benchmark(name: name, size: n, unit: "ms", runs: n >= 1 << 18 ? 1 : (n >= 1 << 16 ? 3 : 10)) {
            let (pk, w) = setup(n)
            return {
                var rng = BenchmarkRNG(seed: 7)
                let start = Date()
                let proof = try! Prover.prove(pk, assignment: w, rng: &rng, checkWitness: false) { round, _, _ in
                    logRound(round, start)
                }
                return proof.evaluations[0].montgomeryLimbs.0
            }
        }
    }

    static func verify(_ name: String, _ n: Int) -> Benchmark {
        Benchmark(name: name, size: n, unit: "ms", runs: 10) {
            let (pk, w) = setup(n)
            var rng = BenchmarkRNG(seed: 7)
            let proof = try! Prover.prove(pk, assignment: w, rng: &rng)
            let vk = pk.verificationKey
            return {
                try! Verifier.verify(proof, publicInputs: w.publicInputs, vk: vk)
                return UInt64(proof.evaluations.count)
            }
        }
    }

    /// The chain circuit of exactly n rows, its proving key and witness.
    static func setup(_ n: Int) -> (ProvingKey, Assignment) {
        var rng = BenchmarkRNG(seed: 42)
        var cs = ConstraintSystem()
        let pub = cs.publicInput(Fr.random(using: &rng))
        var prevC = pub
        var d = cs.alloc(Fr.random(using: &rng))
        while cs.rowCount + 1 + 2 <= n {
            let b = cs.alloc(Fr.random(using: &rng)), c = cs.alloc(Fr.random(using: &rng))
            let k = Fr.random(using: &rng)
            let a = prevC
            let av = cs.value(of: a), bv = cs.value(of: b), cv = cs.value(of: c)
            cs.addCustomRow(gate: BenchChainGate(), fixed: [.one, k], a: a, b: b, c: c, d: d)
            let dNext = cs.alloc(av * bv * cv + cs.value(of: d) + k)
            let y = cs.alloc(Fr.random(using: &rng))
            let prod = cs.alloc(cv * cs.value(of: y))
            cs.addRow(a: c, b: y, c: prod, d: dNext, qO: -Fr.one, qM: .one)
            prevC = prod
            d = cs.alloc(cs.value(of: dNext))
        }
        let (circuit, w) = cs.compile(minimumSize: n)
        let srs = devSRS(count: ProvingKey.requiredSRSPowers(size: n))
        // PLONK_TABLE=0/1 forces the fixed-base commitment table off/on (for measuring).
        let table = ProcessInfo.processInfo.environment["PLONK_TABLE"].map { $0 != "0" }
        let pk = try! ProvingKey(circuit: circuit, srs: srs, precomputeTable: table)
        FileHandle.standardError.write("plonk n=\(n): proof \(Proof.byteCount) bytes, \(pk.fixedColumnCount) fixed columns\n".data(using: .utf8)!)
        return (pk, w)
    }

    /// With PLONK_ROUND_TIMES set, prints when each prover round finished.
    static func logRound(_ round: Int, _ start: Date) {
        if ProcessInfo.processInfo.environment["PLONK_ROUND_TIMES"] != nil {
            FileHandle.standardError.write(String(format: "  round %d done at %.3f s\n", round, Date().timeIntervalSince(start)).data(using: .utf8)!)
        }
    }

    /// [τⁱ]₁ for a fixed τ via an 8-bit fixed-base window table of G (insecure; benchmarks only).
    static func devSRS(count: Int) -> SRS {
        let tau = Fr(0x5EED_0F_7A0)
        var table = [G1Projective]()
        var base = G1Projective.generator
        for _ in 0..<32 {
            var acc = G1Projective.identity
            for _ in 0..<256 { table.append(acc); acc += base }
            base = acc
        }
        let tableAffine = G1Projective.batchToAffine(table)
        var powers = [Fr](repeating: .one, count: count)
        var t = Fr.one
        for i in 0..<count { powers[i] = t; t *= tau }
        let scalars = powers
        var out = [G1Projective](repeating: .identity, count: count)
        out.withUnsafeMutableBufferPointer { ob in
            let o = SendableBuffer(ob)
            Parallel.forEachChunk(count: count, minChunk: 256) { _, range in
                for i in range {
                    let bytes = scalars[i].bigEndianBytes
                    var acc = G1Projective.identity
                    for w in 0..<32 { acc += tableAffine[w * 256 + Int(bytes[31 - w])] }
                    o[i] = acc
                }
            }
        }
        let g2 = G2Projective(G2Affine.generator).multiplied(by: tau).toAffine()
        return SRS(g1Powers: G1Projective.batchToAffine(out), g2Tau: g2, isInsecure: true)
    }
}

/// The benchmark's custom gate: q·(a·b·c + d − d') + k = 0, i.e. d' = a·b·c + d + k when q = 1.
struct BenchChainGate: CustomGate {
    var name: String { "bench.chain" }
    var fixedColumnCount: Int { 2 }
    var constraintCount: Int { 1 }
    func coefficients(current w: WireValues, next: WireValues, into out: UnsafeMutableBufferPointer<Fr>) {
        out[0] = w.a * w.b * w.c + w.d - next.d
        out[1] = .one
    }
}
