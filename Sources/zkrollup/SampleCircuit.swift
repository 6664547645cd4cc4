import BN254
import Circuits
import EVM
import Plonk

/// A sample circuit named on the command line as `KIND:N`:
/// `poseidon:N`, a chain of N Poseidon permutations (the prover benchmark), or
/// `stub:N`, the settlement stub (three public inputs, given by `--public-input`
/// as `BINDING,PREV_ROOT,POST_ROOT`), whose proofs the settlement contract accepts.
struct SampleCircuit {
    /// The circuit kinds.
    enum Kind: String { case poseidon, stub }
    /// Which circuit.
    let kind: Kind
    /// Permutations in the chain.
    let permutations: Int
    /// The stub's three public inputs (empty for `poseidon`).
    let publicInputs: [Fr]

    /// The fixed input state of the chain: (0, 1, 2). Fixed so that proofs of the
    /// same N are comparable; the output is computed natively and made public.
    static let input: [Fr] = [Fr(0), Fr(1), Fr(2)]

    /// Parses `poseidon:N` or `stub:N` with 1 ≤ N ≤ 2^20; `publicInput`, three comma-separated
    /// 0x-hex values below r (binding, prev root, post root), is required by `stub` and refused by `poseidon`.
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
        case (.poseidon, nil): publicInputs = []
        case (.poseidon, .some): throw CLIError("--public-input is for stub:N only (poseidon:N has fixed public inputs)")
        case (.stub, nil):
            throw CLIError("stub:N needs --public-input 0x…,0x…,0x… (a batch's binding, prev and post state root, each < r)")
        case (.stub, .some(let text)): publicInputs = try Self.parseInputs(text)
        }
    }

    /// `BINDING,PREV_ROOT,POST_ROOT`: three 0x-hex values of at most 32 bytes, each below r.
    static func parseInputs(_ text: String) throws(CLIError) -> [Fr] {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { String($0.filter { $0 != " " }) }
        guard parts.count == SettlementStub.publicInputCount else {
            throw CLIError("--public-input: stub:N takes three comma-separated values (binding,prev root,post root), got \(parts.count)")
        }
        var out = [Fr]()
        for (i, part) in parts.enumerated() {
            guard let bytes = Hex.decode(part), bytes.count <= 32 else {
                throw CLIError("--public-input: value \(i): expected 0x-hex of at most 32 bytes, got '\(part)'")
            }
            guard let x = Fr(bigEndianBytes: [UInt8](repeating: 0, count: 32 - bytes.count) + bytes) else {
                throw CLIError("--public-input: value \(i) is not below the scalar field order r")
            }
            out.append(x)
        }
        return out
    }

    /// The constraint system with its witness.
    func build() -> ConstraintSystem {
        switch kind {
        case .poseidon: PoseidonChain(count: permutations).build(input: Self.input)
        case .stub: SettlementStub(count: permutations).build(publicInputs: publicInputs)
        }
    }
}
