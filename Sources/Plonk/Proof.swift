import BN254

/// A PLONK proof: 14 G1 points and 18 scalars, 1472 bytes encoded.
///
/// Binary layout (the calldata an EVM verifier reads), G1 as 64-byte x‖y
/// big-endian (infinity = 64 zero bytes), scalars as 32-byte big-endian:
///
/// | # | offset | item |
/// |---|---|---|
/// | G1 0–6 | 0 | [a], [b], [c], [d], [e], [f] wires, [m] lookup multiplicities |
/// | G1 7–8 | 448 | [z] permutation product, [φ] lookup running sum |
/// | G1 9–11 | 576 | [t_lo], [t_mid], [t_hi] quotient pieces |
/// | G1 12–13 | 768 | W_ζ, W_ζω opening proofs |
/// | Fr 0–9 | 896 | a(ζ) … f(ζ), σa(ζ), σb(ζ), qTag(ζ), T(ζ) with T = tableTag + η·t0 + η²·t1 + η³·t2 |
/// | Fr 10–17 | 1216 | a(ζω) … f(ζω), z(ζω), φ(ζω) |
///
/// All six wires are always opened at ζω (custom gates may read the next row),
/// so the layout does not depend on the circuit.
public struct Proof: Sendable, Hashable {
    /// The 14 commitments in layout order.
    public var commitments: [G1Affine]
    /// The 18 evaluations in layout order.
    public var evaluations: [Fr]

    /// Number of G1 points.
    public static let commitmentCount = 14
    /// Number of scalars.
    public static let evaluationCount = 18
    /// Encoded size in bytes: 14·64 + 18·32 = 1472.
    public static let byteCount = commitmentCount * 64 + evaluationCount * 32

    /// Commitment indices.
    public enum C {
        /// Positions in `commitments` (layout table above).
        public static let a = 0, b = 1, c = 2, d = 3, e = 4, f = 5, m = 6, z = 7, phi = 8,
                          tLo = 9, tMid = 10, tHi = 11, wZeta = 12, wZetaOmega = 13
        /// The commitments of round 1 (wires and multiplicities).
        public static let roundOneCount = 7
    }
    /// Evaluation indices.
    public enum E {
        /// Positions of the evaluations at ζ.
        public static let a = 0, b = 1, c = 2, d = 3, e = 4, f = 5, sigmaA = 6, sigmaB = 7, qTag = 8, table = 9
        /// Positions of the evaluations at ζω.
        public static let aNext = 10, bNext = 11, cNext = 12, dNext = 13, eNext = 14, fNext = 15, zNext = 16, phiNext = 17
    }

    /// A proof from its parts.
    /// - Precondition: 14 commitments and 18 evaluations.
    public init(commitments: [G1Affine], evaluations: [Fr]) {
        precondition(commitments.count == Proof.commitmentCount && evaluations.count == Proof.evaluationCount)
        self.commitments = commitments
        self.evaluations = evaluations
    }

    /// The 1472-byte binary encoding.
    public var bytes: [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(Proof.byteCount)
        for p in commitments { out += p.precompileBytes }
        for e in evaluations { out += e.bigEndianBytes }
        return out
    }

    /// Decodes the binary encoding strictly.
    /// - Throws: `PlonkEncodingError.wrongLength` unless exactly 1472 bytes,
    ///   `.invalidPoint` for a coordinate ≥ p or a point off the curve,
    ///   `.scalarNotCanonical` for a scalar ≥ r.
    public init(bytes: [UInt8]) throws(PlonkEncodingError) {
        guard bytes.count == Proof.byteCount else { throw .wrongLength(expected: Proof.byteCount, got: bytes.count) }
        var r = ByteReader(bytes)
        var cs = [G1Affine]()
        for i in 0..<Proof.commitmentCount { cs.append(try r.point("proof commitment \(i)")) }
        var es = [Fr]()
        for i in 0..<Proof.evaluationCount { es.append(try r.scalar("proof evaluation \(i)")) }
        self.init(commitments: cs, evaluations: es)
    }
}
