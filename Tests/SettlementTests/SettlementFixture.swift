import BN254
import Circuits
import EVM
import KZG
import Plonk
import Settlement
import TestSupport

/// A settlement deployment over the stub circuit with an insecure SRS, and real
/// proofs for any three public inputs: what every settlement test runs against.
final class SettlementFixture: Sendable {
    static let shared = SettlementFixture()

    let pk: ProvingKey
    let owner = Address(0x1000), sequencer = Address(0x1001), alice = Address(0x1002), dave = Address(0x1003)
    let chainId = UInt256(53077)
    let genesisRoot = UInt256(hex: "0x1111111111111111111111111111111111111111111111111111111111111111")!
    let deployment: RollupDeployment
    /// The BN254 scalar-field order, the bound of public inputs and state roots.
    static let r = UInt256(decimal: Fr.modulusDecimal)!

    private init() {
        let cs = SettlementStub(count: 1).build(publicInputs: [.zero, .zero, .zero])
        let (circuit, _) = cs.compile()
        let srs = SRS.insecureDev(power: 10, seed: 7)
        pk = try! ProvingKey(circuit: circuit, srs: srs)
        deployment = try! RollupDeployment(owner: owner, sequencer: sequencer, l2ChainId: chainId,
                                           genesisStateRoot: genesisRoot, vk: pk.verificationKey)
    }

    /// A valid proof (1472 bytes) for `publicInputs` (three words, each < r).
    func prove(_ publicInputs: [UInt256], seed: UInt64 = 1) -> [UInt8] {
        let x = publicInputs.map { Fr(bigEndianBytes: $0.bigEndianBytes)! }
        let (_, w) = SettlementStub(count: 1).build(publicInputs: x).compile()
        var rng = SeededRNG(seed: seed)
        return try! Prover.prove(pk, assignment: w, rng: &rng).bytes
    }
}
