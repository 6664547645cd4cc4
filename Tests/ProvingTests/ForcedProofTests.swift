import BN254
import Circuits
import EVM
import KZG
import Plonk
import Proving
import Sequencer
import Settlement
import Testing
import TestSupport

/// A proof forced through for a batch file with a changed balance — the witness checker skipped,
/// the prover run on the unsatisfied assignment — is rejected by the Swift mirror of the
/// contract's verifier and by the compiled contract itself on the project's EVM, which both
/// accept the honest batch's proof.
@Suite struct ForcedProofTests {
    @Test func forcedProofsAreRejectedByTheMirrorAndTheContract() async throws {
        let dev1 = Address(hex: DevAccounts.addresses[1])!
        let file = try await BatchTraceTests.batchFile([
            BatchTraceTests.transfer(from: 0, nonce: 0, to: BatchTraceTests.fresh, value: 1_000),
            BatchTraceTests.transfer(from: 1, nonce: 0, to: dev1, value: 5),
        ])
        let circuit = BatchCircuit(depth: 12, capacity: 2)
        let layout = BatchCircuitProver.layout(circuit)
        let prover = try BatchCircuitProver(circuit: circuit, srs: SRS.insecureDev(power: layout.size.trailingZeroBitCount + 1, seed: 4))
        let vk = prover.provingKey.verificationKey
        let owner = Address(0x0e), sequencer = Address(0x5e)
        let deployment = try RollupDeployment(owner: owner, sequencer: sequencer, l2ChainId: UInt256(file.chainId),
                                              genesisStateRoot: file.batch.prevStateRoot, vk: vk)
        var chain = try RollupEVMChain(deployment, funded: [sequencer], balance: UInt256(UInt64(1) << 60))
        func words(_ pis: [Fr]) -> [UInt256] { pis.map { UInt256(bigEndianAt: $0.bigEndianBytes) } }
        var rng = SeededRNG(seed: 12)

        // The honest batch: accepted by both.
        let honest = try prover.prove(try prover.witness(file, binding: Fr(99), claimRoots: true), rng: &rng)
        try SettlementVerifier.verify(proof: honest.proof.bytes, publicInputs: words(honest.publicInputs), vk: vk)
        let ok = try chain.send(.verifyProof(proof: honest.proof.bytes, publicInputs: words(honest.publicInputs)), from: sequencer)
        #expect(ok.ok, "\(ok.reason ?? "")")

        // dev 1 given one more wei in the file's pre-state: the checker names the constraint …
        var changed = file
        changed.preState.accounts[dev1]!.balance = changed.preState.accounts[dev1]!.balance + UInt256(1)
        let w = try prover.witness(changed, binding: Fr(99), claimRoots: true)
        #expect { _ = try prover.prove(w, rng: &rng) } throws: { e in "\(e)".contains("public input 1 (prev state root)") }
        // … and a proof forced through without it is rejected, with the contract's reason.
        let (_, assignment) = circuit.build(w).compile()
        #expect(words(assignment.publicInputs) == words(honest.publicInputs), "the forced proof claims the honest roots")
        let forced = try Prover.prove(prover.provingKey, assignment: assignment, rng: &rng, checkWitness: false)
        #expect(throws: RollupRevert.self) {
            try SettlementVerifier.verify(proof: forced.bytes, publicInputs: words(assignment.publicInputs), vk: vk)
        }
        let refused = try chain.send(.verifyProof(proof: forced.bytes, publicInputs: words(assignment.publicInputs)), from: sequencer)
        #expect(!refused.ok && refused.reason == "pairing check failed", "\(refused.reason ?? "accepted")")
    }
}
