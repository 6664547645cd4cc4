import BN254
import Plonk
import Poseidon

/// A stand-in for the batch circuit with the same public shape: exactly three
/// public inputs (x0, x1, x2) = (binding, prev state root, post state root) and
/// the Poseidon gate, so its verification key has the layout the settlement
/// contract accepts (14 built-in + 11 Poseidon columns, ℓ = 3). It proves N
/// Poseidon permutations of (x0, x1, x2), which any inputs satisfy: the
/// settlement tests use it to produce valid proofs for any batch's public
/// inputs, and it stays useful as the smallest circuit the contract verifies.
///
/// Each input is copied into the first permutation's row, so each enters the
/// constraints (not only the public-input rows): a proof for other inputs
/// fails, whichever one differs.
///
/// After the permutations, one arithmetic row that uses every selector
/// (qL, qR, qM, qO and qC) and one lookup into `range8`, so that the contract's
/// verifier is exercised on every fixed column and on the lookup argument with
/// non-trivial commitments, not only on the Poseidon gate.
///
/// Three public-input rows, 29·N permutation rows, then the arithmetic row,
/// a constant's row and the lookup row; plus the 256-row range8 table.
public struct SettlementStub: Sendable {
    /// N, the number of permutations.
    public let count: Int

    /// The number of public inputs, as the contract takes them.
    public static let publicInputCount = 3

    /// A stub with `count` ≥ 1 permutations.
    public init(count: Int) {
        precondition(count >= 1, "the stub needs at least one permutation")
        self.count = count
    }

    /// Builds the constraint system whose public inputs are `publicInputs` (exactly three).
    public func build(publicInputs: [Fr]) -> ConstraintSystem {
        precondition(publicInputs.count == Self.publicInputCount, "the stub has exactly three public inputs")
        var cs = ConstraintSystem()
        var state = publicInputs.map { cs.publicInput($0) }
        for _ in 0..<count { state = PoseidonGadget.permute(&cs, state) }
        // out = 3·s0 + 5·s1 + 7·s0·s1 + 11, in wire c (qO = −1).
        _ = cs.combine(state[0], Fr(3), state[1], Fr(5), product: Fr(7), constant: Fr(11))
        // A fixed byte looked up in range8 (fixed: a constant lives in qC, so it must not depend on the inputs).
        RangeCheck.check8(&cs, cs.constant(Fr(200)))
        return cs
    }
}
