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
    @inlinable
    public static func permute3(_ s: inout (Fr, Fr, Fr), parameters p: Parameters = .t3) {
        precondition(p.t == 3)
        p._constants.withUnsafeBufferPointer { c in
            p._mds.withUnsafeBufferPointer { m in
                let m00 = m[0], m01 = m[1], m02 = m[2]
                let m10 = m[3], m11 = m[4], m12 = m[5]
                let m20 = m[6], m21 = m[7], m22 = m[8]
                var (s0, s1, s2) = s
                let half = p.fullRounds / 2
                for r in 0..<p.rounds {
                    s0 += c[3 * r]; s1 += c[3 * r + 1]; s2 += c[3 * r + 2]
                    s0 = sbox(s0)
                    if r < half || r >= half + p.partialRounds {
                        s1 = sbox(s1); s2 = sbox(s2)
                    }
                    let n0 = m00 * s0 + m01 * s1 + m02 * s2
                    let n1 = m10 * s0 + m11 * s1 + m12 * s2
                    let n2 = m20 * s0 + m21 * s1 + m22 * s2
                    s0 = n0; s1 = n1; s2 = n2
                }
                s = (s0, s1, s2)
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
