import BN254

/// A KZG structured reference string over BN254: `[τ^i]₁` for i < `g1Powers.count`
/// and `[1]₂`, `[τ]₂` — all a univariate KZG prover and verifier need.
///
/// Comes from a trusted-setup ceremony (snarkjs `.ptau` import) or, for local
/// development only, from `insecureDev`, whose τ is known to the machine that
/// made it; `isInsecure` carries that fact so every consumer can say so.
public struct SRS: Sendable {
    /// `[τ^i]₁` for i = 0 … count − 1; `g1Powers[0]` is the G1 generator.
    public let g1Powers: [G1Affine]
    /// `[1]₂`, the G2 generator of EIP-197.
    public let g2Generator: G2Affine
    /// `[τ]₂`.
    public let g2Tau: G2Affine
    /// True when τ was chosen locally (not from a ceremony): proofs are forgeable.
    public let isInsecure: Bool

    /// Wraps given powers. No consistency check is made here: importers check
    /// before they construct.
    public init(g1Powers: [G1Affine], g2Generator: G2Affine = .generator, g2Tau: G2Affine, isInsecure: Bool) {
        self.g1Powers = g1Powers
        self.g2Generator = g2Generator
        self.g2Tau = g2Tau
        self.isInsecure = isInsecure
    }

    /// The largest polynomial degree this SRS can commit to, plus one.
    public var maxCoefficients: Int { g1Powers.count }
}
