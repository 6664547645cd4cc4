import BN254
import EVM
import Plonk

/// The contract's `verifyProof`, check for check and in the contract's order
/// (SPEC.md, "verifyProof"): length, each of the three public inputs < r, each
/// point's coordinates < p then on the curve, each scalar < r, then the Plonk
/// verifier (ζ ∉ H and the pairing). `Proof(bytes:)` alone would report the same
/// failures but not as the contract's reasons, so the byte checks run here first.
public enum SettlementVerifier {
    /// The base-field order p, the bound of every coordinate.
    static let baseModulus = UInt256(decimal: "21888242871839275222246405745257275088696311157297823662689037894645226208583")!

    /// The number of public inputs the contract verifies (its ABI type is `uint256[3]`).
    public static let publicInputCount = 3

    /// Verifies a 1472-byte proof for `publicInputs` under `vk`.
    /// - Parameters:
    ///   - bytes: the proof as `finalizeBatch` receives it.
    ///   - publicInputs: exactly three words (binding, prev root, post root); another count
    ///     cannot be ABI-encoded for the contract and is a programmer error.
    ///   - vk: the key the contract is deployed with.
    /// - Throws: the `RollupRevert` the contract reverts with.
    public static func verify(proof bytes: [UInt8], publicInputs: [UInt256], vk: VerificationKey) throws(RollupRevert) {
        precondition(publicInputs.count == publicInputCount, "the contract takes exactly three public inputs")
        if bytes.count > Proof.byteCount { throw .calldataRejected }
        guard bytes.count == Proof.byteCount else { throw .proofLength }
        for x in publicInputs where x >= .scalarModulus { throw .publicInputNotBelowR }
        var points = [G1Affine]()
        for i in 0..<Proof.commitmentCount {
            let x = UInt256(bigEndianAt: Array(bytes[64 * i..<64 * i + 32]))
            let y = UInt256(bigEndianAt: Array(bytes[64 * i + 32..<64 * i + 64]))
            guard x < baseModulus, y < baseModulus else { throw .proofCoordinateNotBelowP }
            guard let p = try? G1Affine(precompileBytes: bytes[64 * i..<64 * i + 64]) else { throw .proofPointNotOnCurve }
            points.append(p)
        }
        var scalars = [Fr]()
        let base = 64 * Proof.commitmentCount
        for i in 0..<Proof.evaluationCount {
            guard let s = Fr(bigEndianBytes: bytes[base + 32 * i..<base + 32 * i + 32]) else { throw .proofScalarNotBelowR }
            scalars.append(s)
        }
        let inputs = publicInputs.map { Fr(bigEndianBytes: $0.bigEndianBytes)! }
        do {
            try Verifier.verify(Proof(commitments: points, evaluations: scalars), publicInputs: inputs, vk: vk)
        } catch .degenerateChallenge {
            throw .degenerateChallenge
        } catch {
            throw .pairingCheckFailed
        }
    }
}
