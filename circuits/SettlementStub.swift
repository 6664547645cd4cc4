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
/// After the permutations, one arithmetic row that uses every selector
/// (qL, qR, qM, qO and qC) and one lookup into `range8`, so that the contract's
/// verifier is exercised on every fixed column and on the lookup argument with
/// non-trivial commitments, not only on the Poseidon gate.
///
/// 83·N + 2 rows, one public-input row and the 256-row range8 table.
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
        // out = 3·s0 + 5·s1 + 7·s0·s1 + 11, in wire c (qO = −1).
        _ = cs.combine(state[0], Fr(3), state[1], Fr(5), product: Fr(7), constant: Fr(11))
        // A fixed byte looked up in range8 (fixed: a constant lives in qC, so it must not depend on x).
        RangeCheck.check8(&cs, cs.constant(Fr(200)))
        return cs
    }
}
