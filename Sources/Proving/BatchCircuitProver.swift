import BN254
import Circuits
import EVM
import KZG
import Plonk
import Sequencer
import State

/// Proves sealed batches with the batch circuit of one shape (depth, capacity): the key is made
/// once from the layout of an empty batch (the layout never depends on the witness, so every
/// batch of that shape shares it), then each batch is traced, its witness generated and checked
/// constraint by constraint, and only a satisfied witness is proven.
public struct BatchCircuitProver: Sendable {
    /// The circuit's shape.
    public let circuit: BatchCircuit
    /// Its proving key (its verification key is what the settlement contract is deployed with).
    public let provingKey: ProvingKey

    /// Why a batch is not proven.
    public enum Failure: Error, CustomStringConvertible {
        /// The batch cannot be traced or laid out (unsupported transaction, capacity, depth).
        case witness(String)
        /// The witness breaks a constraint: the batch is wrong, and this names how.
        case unsatisfied(String)
        /// The file's roots are not the ones the batch leads to.
        case roots(String)

        public var description: String {
            switch self {
            case .witness(let s): "batch not provable: \(s)"
            case .unsatisfied(let s): "batch does not satisfy the circuit: \(s)"
            case .roots(let s): "batch roots: \(s)"
            }
        }
    }

    /// The compiled layout of `circuit` (an empty batch's; every batch of the shape has it).
    public static func layout(_ circuit: BatchCircuit) -> CompiledCircuit {
        circuit.build(circuit.emptyWitness).compile().circuit
    }

    /// A prover for `circuit` with a key made from `srs`; `layout` is `layout(circuit)` when
    /// the caller already has it (it sized the SRS with it), so it is not built twice.
    public init(circuit: BatchCircuit, layout: CompiledCircuit? = nil, srs: SRS) throws(PlonkSetupError) {
        self.circuit = circuit
        provingKey = try ProvingKey(circuit: layout ?? Self.layout(circuit), srs: srs)
    }

    /// The witness of `file`'s batch. Its roots are the Poseidon roots of the file's states;
    /// when the file's own roots are Poseidon roots (`claimRoots`), they are the public inputs
    /// instead, so a file whose roots are wrong fails the circuit rather than being corrected.
    public func witness(_ file: BatchFile, binding: Fr, claimRoots: Bool) throws(Failure) -> BatchWitness {
        let trace: BatchTrace
        do { trace = try BatchTrace(file) } catch { throw .witness("\(error)") }
        let claimed: (Fr?, Fr?) = claimRoots
            ? (Fr(canonicalLimbs: file.batch.prevStateRoot.limbs), Fr(canonicalLimbs: file.batch.postStateRoot.limbs)) : (nil, nil)
        if claimRoots && (claimed.0 == nil || claimed.1 == nil) { throw .roots("a state root is not below r") }
        let w: BatchWitness
        do {
            w = try BatchWitness.generate(state: trace.preState, slots: trace.slots, coinbase: trace.coinbase,
                                          depth: circuit.depth, capacity: circuit.capacity, writes: circuit.writes, binding: binding,
                                          claimedPrevRoot: claimed.0, claimedPostRoot: claimed.1)
        } catch { throw .witness("\(error)") }
        return w
    }

    /// Checks `w` against every constraint and proves it.
    /// - Parameter progress: (phase, fraction done) as the prover's rounds finish.
    public func prove<R: RandomNumberGenerator>(_ w: BatchWitness, rng: inout R,
                                                 progress: ((String, Double) -> Void)? = nil) throws(Failure) -> (proof: Proof, publicInputs: [Fr]) {
        progress?("building witness", 0)
        let cs = circuit.build(w)
        let (compiled, assignment) = cs.compile()
        progress?("checking constraints", 0.05)
        do { try compiled.check(assignment) } catch { throw .unsatisfied(cs.explain(error)) }
        do {
            let proof = try Prover.prove(provingKey, assignment: assignment, rng: &rng) { round, of, fraction in
                progress?("round \(min(round + 1, of))/\(of)", 0.1 + 0.9 * fraction)
            }
            return (proof, assignment.publicInputs)
        } catch {
            throw .unsatisfied("\(error)")
        }
    }
}
