import BN254
import Keccak
import Polynomials

/// What a verifier needs: sizes, ω, the coset shifts, [τ]₂, the custom gates
/// (by name and order) and commitments to every fixed column.
///
/// `fixedCommitments` are in `CompiledCircuit` order: qL, qR, qO, qM, qC, σa,
/// σb, σc, qLookup, qTag, tableTag, table0, table1, table2, then the custom
/// gates' columns. `hash` is Keccak-256 of `binaryEncoding`; it is the first
/// thing the transcript absorbs after its label, so a proof made for one key
/// fails under any other.
public struct VerificationKey: Sendable {
    /// log₂ n.
    public let logSize: Int
    /// ℓ, the number of public inputs.
    public let publicInputCount: Int
    /// The permutation coset shifts (always `PlonkConstants.k1`, `.k2`).
    public let k1: Fr, k2: Fr
    /// [τ]₂ of the SRS ([1]₂ is the EIP-197 generator).
    public let g2Tau: G2Affine
    /// The custom gates, in circuit order.
    public let gates: [any CustomGate]
    /// Commitments to the fixed columns.
    public let fixedCommitments: [G1Affine]
    /// Keccak-256 of `binaryEncoding`.
    public let hash: [UInt8]
    /// The evaluation domain H (n points).
    public let domain: Domain

    /// n, the number of rows.
    public var size: Int { 1 << logSize }
    /// ω, the generator of H.
    public var omega: Fr { domain.generator }

    /// Assembles a key; computes its hash.
    /// - Precondition: 4 ≤ logSize ≤ 26 and one commitment per fixed column.
    public init(logSize: Int, publicInputCount: Int, g2Tau: G2Affine, gates: [any CustomGate], fixedCommitments: [G1Affine]) {
        precondition(fixedCommitments.count == CompiledCircuit.builtinFixedColumnCount + gates.reduce(0) { $0 + $1.fixedColumnCount })
        self.logSize = logSize
        self.publicInputCount = publicInputCount
        self.k1 = PlonkConstants.k1
        self.k2 = PlonkConstants.k2
        self.g2Tau = g2Tau
        self.gates = gates
        self.fixedCommitments = fixedCommitments
        self.domain = Domain(logSize: logSize, twiddles: .onTheFly)! // the verifier needs ω only: no twiddle tables
        self.hash = Keccak256.hash(VerificationKey.encode(logSize: logSize, publicInputCount: publicInputCount,
                                                          omega: domain.generator, g2Tau: g2Tau, gates: gates,
                                                          commitments: fixedCommitments))
    }

    /// The total number of constraints of all custom gates.
    public var customConstraintCount: Int { gates.reduce(0) { $0 + $1.constraintCount } }
}
