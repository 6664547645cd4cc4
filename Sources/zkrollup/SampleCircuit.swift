import BN254
import Circuits
import EVM
import Plonk

/// A sample circuit named on the command line as `KIND:N`:
/// `poseidon:N`, a chain of N Poseidon permutations (the prover benchmark), or
/// `stub:N`, the settlement stub (one public input, given by `--public-input`),
/// whose proofs the settlement contract accepts.
struct SampleCircuit {
    /// The circuit kinds.
    enum Kind: String { case poseidon, stub }
    /// Which circuit.
    let kind: Kind
    /// Permutations in the chain.
    let permutations: Int
    /// The stub's public input.
    let publicInput: Fr

    /// The fixed input state of the chain: (0, 1, 2). Fixed so that proofs of the
    /// same N are comparable; the output is computed natively and made public.
    static let input: [Fr] = [Fr(0), Fr(1), Fr(2)]

    /// Parses `poseidon:N` or `stub:N` with 1 ≤ N ≤ 2^20; `publicInput` (0x-hex, < r)
    /// is required by `stub` and refused by `poseidon`.
    init(spec: String, publicInput hexInput: String? = nil) throws(CLIError) {
        let parts = spec.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let kind = Kind(rawValue: String(parts[0])) else {
            throw CLIError("unknown circuit '\(spec)': expected poseidon:N or stub:N")
        }
        guard let n = Int(parts[1]), n >= 1, n <= 1 << 20 else {
            throw CLIError("bad permutation count in '\(spec)': expected an integer in 1...\(1 << 20)")
        }
        self.kind = kind
        permutations = n
        switch (kind, hexInput) {
        case (.poseidon, nil): publicInput = .zero
        case (.poseidon, .some): throw CLIError("--public-input is for stub:N only (poseidon:N has fixed public inputs)")
        case (.stub, nil): throw CLIError("stub:N needs --public-input 0x… (the batch public input, < r)")
        case (.stub, .some(let text)):
            guard let bytes = Hex.decode(text), bytes.count <= 32 else {
                throw CLIError("--public-input: expected 0x-hex of at most 32 bytes, got '\(text)'")
            }
            guard let x = Fr(bigEndianBytes: [UInt8](repeating: 0, count: 32 - bytes.count) + bytes) else {
                throw CLIError("--public-input: value is not below the scalar field order r")
            }
            publicInput = x
        }
    }

    /// The constraint system with its witness.
    func build() -> ConstraintSystem {
        switch kind {
        case .poseidon: PoseidonChain(count: permutations).build(input: Self.input)
        case .stub: SettlementStub(count: permutations).build(publicInput: publicInput)
        }
    }
}
