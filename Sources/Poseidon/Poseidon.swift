import BN254

/// The Poseidon permutation and hash over BN254's Fr with circomlib's
/// parameters (Grassi, Khovratovich, Rechberger, Roy, Schofnegger, USENIX
/// Security 2021, eprint 2019/458): S-box x⁵, 8 full rounds, circomlib's
/// partial-round counts, constants from the authors' Grain LFSR generator.
///
/// `hash([a, b])` equals circomlib/circomlibjs `poseidon([a, b])`, so the
/// state tree and the circuits agree with the Ethereum tooling built on it.
/// Not constant time (nothing here handles secrets).
public enum Poseidon {
    /// x⁵ with two squarings and a multiplication.
    @inlinable @inline(__always)
    static func sbox(_ x: Fr) -> Fr {
        let x2 = x.square()
        return x2.square() * x
    }

    /// Applies the permutation to `state` in place.
    /// - Parameters:
    ///   - state: exactly `parameters.t` elements.
    ///   - parameters: the instance (e.g. `.circom(t:)`).
    @inlinable
    public static func permute(_ state: inout [Fr], parameters p: Parameters) {
        let t = p.t
        precondition(state.count == t, "state must have t elements")
        if t == 3 {
            var s = (state[0], state[1], state[2])
            permute3(&s, parameters: p)
            state = [s.0, s.1, s.2]
            return
        }
        var next = [Fr](repeating: .zero, count: t)
        p._constants.withUnsafeBufferPointer { c in
            p._mds.withUnsafeBufferPointer { m in
                state.withUnsafeMutableBufferPointer { s in
                    next.withUnsafeMutableBufferPointer { n in
                        for r in 0..<p.rounds {
                            for i in 0..<t { s[i] += c[r * t + i] }
                            if p.isFullRound(r) {
                                for i in 0..<t { s[i] = sbox(s[i]) }
                            } else {
                                s[0] = sbox(s[0])
                            }
                            for i in 0..<t {
                                var acc = Fr.zero
                                for j in 0..<t { acc += m[i * t + j] * s[j] }
                                n[i] = acc
                            }
                            for i in 0..<t { s[i] = n[i] }
                        }
                    }
                }
            }
        }
    }

    /// The t = 3 permutation on a tuple (no allocation): the hot path of
    /// 2-to-1 hashing in Merkle trees and the witness generator.
    ///
    /// Evaluates the same function as the round-by-round definition, with the
    /// partial rounds in the sparse form of `PoseidonOptimized` (5 instead of
    /// 9 multiplications for the linear layer, one constant instead of three):
    /// about 600 field multiplications instead of 830.
    @inlinable
    public static func permute3(_ s: inout (Fr, Fr, Fr), parameters p: Parameters = .t3) {
        precondition(p.t == 3)
        let o = p._optimized
        p._constants.withUnsafeBufferPointer { c in
            p._mds.withUnsafeBufferPointer { m in
                o.sparse.withUnsafeBufferPointer { sp in
                    o.preMatrix.withUnsafeBufferPointer { pre in
                        var (s0, s1, s2) = s
                        @inline(__always)
                        func full(_ k0: Fr, _ k1: Fr, _ k2: Fr, _ mm: UnsafeBufferPointer<Fr>) {
                            let x0 = sbox(s0 + k0), x1 = sbox(s1 + k1), x2 = sbox(s2 + k2)
                            s0 = mm[0] * x0 + mm[1] * x1 + mm[2] * x2
                            s1 = mm[3] * x0 + mm[4] * x1 + mm[5] * x2
                            s2 = mm[6] * x0 + mm[7] * x1 + mm[8] * x2
                        }
                        let half = p.fullRounds / 2
                        for r in 0..<half {
                            full(c[3 * r], c[3 * r + 1], c[3 * r + 2], r == half - 1 ? pre : m)
                        }
                        for j in 0..<p.partialRounds {
                            let x0 = sbox(s0 + o.partialConstants[j])
                            let b = 5 * j
                            s0 = sp[b] * x0 + sp[b + 1] * s1 + sp[b + 2] * s2
                            s1 = sp[b + 3] * x0 + s1
                            s2 = sp[b + 4] * x0 + s2
                        }
                        let k = o.secondHalfConstants
                        full(k[0], k[1], k[2], m)
                        for r in (half + p.partialRounds + 1)..<p.rounds {
                            full(c[3 * r], c[3 * r + 1], c[3 * r + 2], m)
                        }
                        s = (s0, s1, s2)
                    }
                }
            }
        }
    }

    /// circomlib's `poseidon([a, b])`: permute (0, a, b) with t = 3, output element 0.
    @inlinable
    public static func hash(_ a: Fr, _ b: Fr) -> Fr {
        var s = (Fr.zero, a, b)
        permute3(&s)
        return s.0
    }

    /// circomlib's `poseidon(inputs)` for 1…4 inputs: t = inputs.count + 1, the
    /// state (0, inputs…) is permuted and element 0 is the hash.
    /// - Precondition: 1 ≤ inputs.count ≤ 4 (wider circomlib instances are not generated).
    public static func hash(_ inputs: [Fr]) -> Fr {
        precondition((1...4).contains(inputs.count), "Poseidon.hash takes 1...4 inputs")
        if inputs.count == 2 { return hash(inputs[0], inputs[1]) }
        guard let p = Parameters.circom(t: inputs.count + 1) else { preconditionFailure("no parameters") }
        var state = [Fr.zero] + inputs
        permute(&state, parameters: p)
        return state[0]
    }
}
