import BN254
import Plonk
import Poseidon

/// The sample circuit behind `zkrollup prove --circuit poseidon:N`: N Poseidon
/// permutations chained (each output state is the next input), with the first
/// input state and the last output state as the 6 public inputs
/// (input₀, input₁, input₂, output₀, output₁, output₂).
///
/// 29·N rows plus 6 public-input rows, so 2^k ≥ 29·N + 6 (N = 35 fits 1024 rows).
public struct PoseidonChain: Sendable {
    /// N, the number of permutations.
    public let count: Int

    /// A chain of `count` ≥ 1 permutations.
    public init(count: Int) {
        precondition(count >= 1, "a chain needs at least one permutation")
        self.count = count
    }

    /// The native result: `count` permutations of `input`.
    public func output(for input: [Fr]) -> [Fr] {
        var s = input
        for _ in 0..<count { Poseidon.permute(&s, parameters: .t3) }
        return s
    }

    /// Builds the constraint system for `input` (3 elements).
    public func build(input: [Fr]) -> ConstraintSystem {
        precondition(input.count == 3)
        let expected = output(for: input)
        var cs = ConstraintSystem()
        let inputs = input.map { cs.publicInput($0) }
        let outputs = expected.map { cs.publicInput($0) }
        var state = inputs
        for _ in 0..<count { state = PoseidonGadget.permute(&cs, state) }
        for i in 0..<3 { cs.assertEqual(state[i], outputs[i]) }
        return cs
    }
}
