import BN254
import Plonk
import Poseidon

/// A stand-in for the batch circuit with the same public shape: exactly one
/// public input x and the Poseidon gate, so its verification key has the
/// layout the settlement contract accepts (14 built-in + 7 Poseidon columns,
/// ℓ = 1). It proves N Poseidon permutations of (x, 0, 0), which any x
/// satisfies: the settlement tests use it to produce valid proofs for batch
/// public inputs until the batch circuit exists, and it stays useful as the
/// smallest circuit the contract verifies.
///
/// 83·N rows plus one public-input row.
public struct SettlementStub: Sendable {
    /// N, the number of permutations.
    public let count: Int

    /// A stub with `count` ≥ 1 permutations.
    public init(count: Int) {
        precondition(count >= 1, "the stub needs at least one permutation")
        self.count = count
    }

    /// Builds the constraint system whose only public input is `publicInput`.
    public func build(publicInput: Fr) -> ConstraintSystem {
        var cs = ConstraintSystem()
        let x = cs.publicInput(publicInput)
        var state = [x, cs.constant(.zero), cs.constant(.zero)]
        for _ in 0..<count { state = PoseidonGadget.permute(&cs, state) }
        return cs
    }
}
