import Parallel

/// The optimal ate pairing e: G1 × G2 → GT ⊂ Fq12* of BN254 (Vercauteren,
/// "Optimal pairings", IEEE Trans. IT 2010), as used by the EIP-197
/// precompile and by KZG/Plonk verification.
///
/// e(P, Q) = (f_{6x+2,Q}(P) · l_{T,π(Q)}(P) · l_{T′,−π²(Q)}(P))^((p¹²−1)/r · m)
/// with x = 4965661367192848881 and m = 2x(6x² + 3x + 1), a constant coprime
/// to r: the hard part of the final exponentiation is the addition chain of
/// Fuentes-Castañeda, Knapp and Rodríguez-Henríquez, which computes that
/// multiple of the exponent (as arkworks and gnark-crypto do). The map is
/// bilinear and non-degenerate, and `pairingCheck` is unaffected by m. The
/// tests check values bit for bit against py_ecc, whose exponent is the plain
/// (p¹²−1)/r: ours is py_ecc's to the power m. For a G2 point used many times
/// (a verification key), `G2Prepared` stores its lines once.
///
/// Inputs are **assumed valid**: G1 points on the curve, G2 points on the
/// twist and in G2 (as `G2Affine(eip197Bytes:)` guarantees). Invalid points
/// give meaningless values, never a crash. A pair with a point at infinity
/// contributes 1. Nothing here is constant time.
public enum Pairing {
    /// The Miller loop value ∏ᵢ f(Pᵢ, Qᵢ) of the optimal ate pairing, before
    /// the final exponentiation.
    ///
    /// With several pairs, the pairs are split into `Parallel.threadCount`
    /// chunks; each chunk runs one loop whose squarings of f are shared by its
    /// pairs, and the chunk values are multiplied in chunk order. Field
    /// arithmetic is exact, so the value does not depend on the thread count.
    ///
    /// - Parameter pairs: (P, Q) pairs, assumed valid; pairs with a point at
    ///   infinity are skipped.
    /// - Returns: a non-zero Fq12 element for valid inputs (1 when every pair
    ///   is skipped).
    public static func millerLoop(_ pairs: [(G1Affine, G2Affine)]) -> Fq12 {
        var states: [MillerPair] = []
        states.reserveCapacity(pairs.count)
        for (p, q) in pairs where !p.isInfinity && !q.isInfinity {
            states.append(MillerPair(p, q))
        }
        if states.isEmpty { return .one }
        let n = states.count
        let chunks = Parallel.chunkCount(count: n)
        if chunks <= 1 { return states.withUnsafeMutableBufferPointer { millerLoop($0) } }
        var partials = [Fq12](repeating: .one, count: chunks)
        states.withUnsafeMutableBufferPointer { stateBuffer in
            partials.withUnsafeMutableBufferPointer { partialBuffer in
                let s = SendableBuffer(stateBuffer), out = SendableBuffer(partialBuffer)
                Parallel.forEachChunk(count: n) { c, range in
                    out[c] = millerLoop(UnsafeMutableBufferPointer(rebasing: s.buffer[range]))
                }
            }
        }
        return partials.dropFirst().reduce(partials[0], *)
    }

    /// The final exponentiation f ↦ f^((p¹²−1)/r · m), m = 2x(6x² + 3x + 1),
    /// mapping Miller loop values to GT.
    ///
    /// - Parameter f: a Miller loop value. Those of valid inputs are never 0;
    ///   invalid points can make a line vanish, and 0 then maps to 0, so a
    ///   `pairingCheck` on them fails rather than traps.
    /// - Returns: an element of GT, the subgroup of order r (0 for 0).
    public static func finalExponentiation(_ f: Fq12) -> Fq12 {
        guard let inverse = f.inverse() else { return .zero }
        return hardPart(easyPart(f, inverse: inverse))
    }

    /// e(P, Q).
    ///
    /// - Parameters:
    ///   - p: a point of G1 (assumed on the curve).
    ///   - q: a point of G2 (assumed on the twist and in G2).
    /// - Returns: e(P, Q) in GT; 1 if either point is infinity.
    public static func pairing(_ p: G1Affine, _ q: G2Affine) -> Fq12 {
        finalExponentiation(millerLoop([(p, q)]))
    }

    /// ∏ᵢ e(Pᵢ, Qᵢ) with one shared Miller loop and one final exponentiation.
    ///
    /// - Parameter pairs: (P, Q) pairs, assumed valid.
    /// - Returns: the product in GT; 1 for an empty list.
    public static func multiPairing(_ pairs: [(G1Affine, G2Affine)]) -> Fq12 {
        finalExponentiation(millerLoop(pairs))
    }

    /// Whether ∏ᵢ e(Pᵢ, Qᵢ) = 1, the check of the EIP-197 precompile and of
    /// KZG/Plonk verifiers.
    ///
    /// - Parameter pairs: (P, Q) pairs, assumed valid (decode G2 points with
    ///   `G2Affine(eip197Bytes:)`, which checks them).
    /// - Returns: true for an empty list.
    public static func pairingCheck(_ pairs: [(G1Affine, G2Affine)]) -> Bool {
        multiPairing(pairs).isOne
    }

    // MARK: - Prepared G2 points

    /// The Miller loop value ∏ᵢ f(Pᵢ, Qᵢ) for G2 points with precomputed
    /// lines; equal to `millerLoop(_:)` on the same points.
    ///
    /// - Parameter pairs: (P, prepared Q) pairs, assumed valid; pairs with a
    ///   point at infinity are skipped.
    /// - Returns: a non-zero Fq12 element for valid inputs (1 when every pair
    ///   is skipped).
    public static func millerLoop(prepared pairs: [(G1Affine, G2Prepared)]) -> Fq12 {
        let live = pairs.filter { !$0.0.isInfinity && !$0.1.isInfinity }
        if live.isEmpty { return .one }
        let n = live.count
        let chunks = Parallel.chunkCount(count: n)
        if chunks <= 1 { return live.withUnsafeBufferPointer { millerLoop(prepared: $0) } }
        var partials = [Fq12](repeating: .one, count: chunks)
        partials.withUnsafeMutableBufferPointer { partialBuffer in
            let out = SendableBuffer(partialBuffer)
            Parallel.forEachChunk(count: n) { c, range in
                out[c] = Array(live[range]).withUnsafeBufferPointer { millerLoop(prepared: $0) }
            }
        }
        return partials.dropFirst().reduce(partials[0], *)
    }

    /// ∏ᵢ e(Pᵢ, Qᵢ) for G2 points with precomputed lines.
    ///
    /// - Parameter pairs: (P, prepared Q) pairs, assumed valid.
    /// - Returns: the product in GT; 1 for an empty list.
    public static func multiPairing(prepared pairs: [(G1Affine, G2Prepared)]) -> Fq12 {
        finalExponentiation(millerLoop(prepared: pairs))
    }

    /// Whether ∏ᵢ e(Pᵢ, Qᵢ) = 1, for G2 points with precomputed lines.
    ///
    /// - Parameter pairs: (P, prepared Q) pairs, assumed valid.
    /// - Returns: true for an empty list.
    public static func pairingCheck(prepared pairs: [(G1Affine, G2Prepared)]) -> Bool {
        multiPairing(prepared: pairs).isOne
    }
}
