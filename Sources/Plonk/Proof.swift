import BN254

/// A PLONK proof: 12 G1 points and 14 scalars, 1216 bytes encoded.
///
/// Binary layout (the calldata an EVM verifier reads), G1 as 64-byte x‖y
/// big-endian (infinity = 64 zero bytes), scalars as 32-byte big-endian:
///
/// | # | offset | item |
/// |---|---|---|
/// | G1 0–4 | 0 | [a], [b], [c], [d] wires, [m] lookup multiplicities |
/// | G1 5–6 | 320 | [z] permutation product, [φ] lookup running sum |
/// | G1 7–9 | 448 | [t_lo], [t_mid], [t_hi] quotient pieces |
/// | G1 10–11 | 640 | W_ζ, W_ζω opening proofs |
/// | Fr 0–7 | 768 | a(ζ), b(ζ), c(ζ), d(ζ), σa(ζ), σb(ζ), qTag(ζ), T(ζ) with T = tableTag + η·t0 + η²·t1 + η³·t2 |
/// | Fr 8–13 | 1024 | a(ζω), b(ζω), c(ζω), d(ζω), z(ζω), φ(ζω) |
///
/// a, b, c, d are always opened at ζω (custom gates may read the next row),
/// so the layout does not depend on the circuit.
public struct Proof: Sendable, Hashable {
    /// The 12 commitments in layout order.
    public var commitments: [G1Affine]
    /// The 14 evaluations in layout order.
    public var evaluations: [Fr]

    /// Number of G1 points.
    public static let commitmentCount = 12
    /// Number of scalars.
    public static let evaluationCount = 14
    /// Encoded size in bytes: 12·64 + 14·32 = 1216.
    public static let byteCount = commitmentCount * 64 + evaluationCount * 32

    /// Commitment indices.
    public enum C {
        /// Positions in `commitments` (layout table above).
        public static let a = 0, b = 1, c = 2, d = 3, m = 4, z = 5, phi = 6, tLo = 7, tMid = 8, tHi = 9, wZeta = 10, wZetaOmega = 11
    }
    /// Evaluation indices.
    public enum E {
        /// Positions of the evaluations at ζ.
        public static let a = 0, b = 1, c = 2, d = 3, sigmaA = 4, sigmaB = 5, qTag = 6, table = 7
        /// Positions of the evaluations at ζω.
        public static let aNext = 8, bNext = 9, cNext = 10, dNext = 11, zNext = 12, phiNext = 13
    }

    /// A proof from its parts.
    /// - Precondition: 12 commitments and 14 evaluations.
    public init(commitments: [G1Affine], evaluations: [Fr]) {
        precondition(commitments.count == Proof.commitmentCount && evaluations.count == Proof.evaluationCount)
        self.commitments = commitments
        self.evaluations = evaluations
    }

    /// The 1216-byte binary encoding.
    public var bytes: [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(Proof.byteCount)
        for p in commitments { out += p.precompileBytes }
        for e in evaluations { out += e.bigEndianBytes }
        return out
    }

    /// Decodes the binary encoding strictly.
    /// - Throws: `PlonkEncodingError.wrongLength` unless exactly 1216 bytes,
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
