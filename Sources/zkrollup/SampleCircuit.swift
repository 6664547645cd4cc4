import BN254
import Circuits
import Plonk

/// A sample circuit named on the command line as `KIND:N` (today only
/// `poseidon:N`, a chain of N Poseidon permutations — the prover benchmark).
struct SampleCircuit {
    /// Permutations in the chain.
    let permutations: Int

    /// The fixed input state of the chain: (0, 1, 2). Fixed so that proofs of the
    /// same N are comparable; the output is computed natively and made public.
    static let input: [Fr] = [Fr(0), Fr(1), Fr(2)]

    /// Parses `poseidon:N` with 1 ≤ N ≤ 2^20.
    init(spec: String) throws(CLIError) {
        let parts = spec.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0] == "poseidon" else {
            throw CLIError("unknown circuit '\(spec)': expected poseidon:N")
        }
        guard let n = Int(parts[1]), n >= 1, n <= 1 << 20 else {
            throw CLIError("bad permutation count in '\(spec)': expected an integer in 1...\(1 << 20)")
        }
        permutations = n
    }

    /// The constraint system with its witness.
    func build() -> ConstraintSystem {
        PoseidonChain(count: permutations).build(input: Self.input)
    }
}
