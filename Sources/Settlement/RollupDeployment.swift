import BN254
import EVM
import Plonk

/// What the settlement contract is deployed with (SPEC.md, "Roles and
/// constructor"): roles, chain v2's id and genesis root, and the verification
/// key as immutables. One value feeds both the mirror and the constructor's
/// ABI arguments, so the two cannot be configured apart.
public struct RollupDeployment: Sendable {
    /// The deployer, allowed to `revertBatch`.
    public var owner: Address
    /// The only account allowed to `commitBatch`.
    public var sequencer: Address
    /// Chain v2's chain id, bound into every batch's binding (public input 0).
    public var l2ChainId: UInt256
    /// Batch 0's post-state root (below r: the constructor refuses others).
    public var genesisStateRoot: UInt256
    /// The batch circuit's key.
    public var vk: VerificationKey

    /// The one custom gate the contract's verifier implements.
    public static let gateName = "poseidon.t3.circom.w6"

    /// A deployment; checks that the contract can serve `vk` and that its constructor accepts the genesis root.
    /// - Throws: `RollupDeploymentError` when the key's shape is not the contract's, or the
    ///   constructor would revert.
    public init(owner: Address, sequencer: Address, l2ChainId: UInt256, genesisStateRoot: UInt256,
                vk: VerificationKey) throws(RollupDeploymentError) {
        guard vk.publicInputCount == SettlementVerifier.publicInputCount else {
            throw .unsupportedKey("the contract verifies exactly three public inputs (binding, prev and post state root), the key has \(vk.publicInputCount)")
        }
        guard vk.gates.map(\.name) == [Self.gateName] else {
            throw .unsupportedKey("the contract implements exactly the custom gate \(Self.gateName), the key has \(vk.gates.map(\.name))")
        }
        guard (4...28).contains(vk.logSize) else { throw .unsupportedKey("log_n \(vk.logSize) is outside 4…28") }
        guard genesisStateRoot < .scalarModulus else { throw .constructorReverts(.stateRootNotBelowR) }
        self.owner = owner; self.sequencer = sequencer; self.l2ChainId = l2ChainId
        self.genesisStateRoot = genesisStateRoot; self.vk = vk
    }

    /// The ABI-encoded constructor arguments `(address, uint256, bytes32, uint256, uint256[4], uint256[2][25])`,
    /// appended to the init code.
    public var constructorArguments: [UInt8] {
        var out = sequencer.word.bigEndianBytes + l2ChainId.bigEndianBytes + genesisStateRoot.bigEndianBytes
        out += UInt256(vk.logSize).bigEndianBytes
        out += vk.g2Tau.eip197Bytes
        for p in vk.fixedCommitments { out += p.precompileBytes }
        return out
    }

    /// The init code of a deployment transaction: the committed bytecode and the arguments.
    public var initCode: [UInt8] { RollupArtifact.initCode + constructorArguments }
}

/// Why a deployment cannot be made.
public enum RollupDeploymentError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The verification key is not of the shape the contract's verifier implements.
    case unsupportedKey(String)
    /// The constructor would revert with this reason (a genesis root not below r).
    case constructorReverts(RollupRevert)

    /// A readable account.
    public var description: String {
        switch self {
        case .unsupportedKey(let s): return "unsupported verification key: \(s)"
        case .constructorReverts(let r): return "the contract's constructor reverts: \(r)"
        }
    }
}
