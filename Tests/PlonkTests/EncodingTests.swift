import BN254
import Keccak
import Plonk
import TestSupport
import Testing

@Suite struct EncodingTests {
    @Test func proofBinaryRoundTrip() throws {
        let bytes = Proven.proof.bytes
        #expect(bytes.count == 1472)
        let decoded = try Proof(bytes: bytes)
        #expect(decoded == Proven.proof)
        #expect(decoded.bytes == bytes)
    }

    @Test func proofJSONRoundTrip() throws {
        let env = ProofEnvelope(proof: Proven.proof, publicInputs: Proven.inputs, vkHash: Proven.vk.hash)
        let json = env.json
        #expect(json.hasPrefix("{\"version\":1,\"proof\":\"0x"))
        let back = try ProofEnvelope(json: json)
        #expect(back == env)
        try Verifier.verify(back.proof, publicInputs: back.publicInputs, vk: Proven.vk)
        #expect(throws: PlonkEncodingError.unsupportedVersion(2)) {
            _ = try ProofEnvelope(json: json.replacingOccurrences(of: "\"version\":1", with: "\"version\":2"))
        }
        #expect(throws: PlonkEncodingError.self) { _ = try ProofEnvelope(json: "{\"version\":1}") }
        #expect(throws: PlonkEncodingError.self) { _ = try ProofEnvelope(json: "not json") }
        // A public input ≥ r inside the JSON is refused.
        let r = "0x" + BigNumber(limbs: Fr.modulusLimbs).string(radix: 16)
        var aliased = env
        aliased.publicInputs = []
        let bad = aliased.json.replacingOccurrences(of: "\"publicInputs\":[]", with: "\"publicInputs\":[\"\(r)\"]")
        #expect(throws: PlonkEncodingError.scalarNotCanonical(field: "public input 0")) { _ = try ProofEnvelope(json: bad) }
    }

    @Test func vkBinaryAndJSONRoundTrip() throws {
        let vk = Proven.vk
        let registry: [any CustomGate] = [SquareGate(), ChainGate()]
        let bin = vk.binaryEncoding
        #expect(Keccak256.hash(bin) == vk.hash)
        let back = try VerificationKey(binary: bin, gates: registry)
        #expect(back.hash == vk.hash)
        #expect(back.binaryEncoding == bin)
        #expect(back.gates.map(\.name) == vk.gates.map(\.name))
        try Verifier.verify(Proven.proof, publicInputs: Proven.inputs, vk: back)
        let fromJSON = try VerificationKey(json: vk.json, gates: registry)
        #expect(fromJSON.hash == vk.hash)
        // Strictness.
        #expect(throws: PlonkEncodingError.unknownGate("test.chain")) { _ = try VerificationKey(binary: bin, gates: [SquareGate()]) }
        #expect(throws: PlonkEncodingError.wrongLength(expected: bin.count, got: bin.count + 1)) { _ = try VerificationKey(binary: bin + [0], gates: registry) }
        #expect(throws: PlonkEncodingError.truncated) { _ = try VerificationKey(binary: Array(bin.dropLast()), gates: registry) }
        var badMagic = bin; badMagic[0] ^= 1
        #expect(throws: PlonkEncodingError.badMagic) { _ = try VerificationKey(binary: badMagic, gates: registry) }
        var badVersion = bin; badVersion[4] = 2
        #expect(throws: PlonkEncodingError.unsupportedVersion(2)) { _ = try VerificationKey(binary: badVersion, gates: registry) }
        var badPoint = bin; badPoint[bin.count - 1] ^= 1
        #expect(throws: PlonkEncodingError.self) { _ = try VerificationKey(binary: badPoint, gates: registry) }
        let wrongHash = vk.json.replacingOccurrences(of: hexString(vk.hash), with: hexString([UInt8](repeating: 0, count: 32)))
        #expect(throws: PlonkEncodingError.invalidValue("vkHash does not match the key")) { _ = try VerificationKey(json: wrongHash, gates: registry) }
    }

    /// Golden proof: fixed circuit, SRS τ and blinding seed. If the proof
    /// format, transcript or prover changes on purpose, print the new values
    /// (`swift test -c release --filter goldenProof` shows them in the failure)
    /// and update both constants here, noting why in the commit.
    @Test func goldenProof() throws {
        let (circuit, w) = TestCircuits.random(seed: 2024, rows: 60).compile()
        let pk = try ProvingKey(circuit: circuit, srs: Shared.srs)
        var rng = SeededRNG(seed: 2025)
        let proof = try Prover.prove(pk, assignment: w, rng: &rng)
        try Verifier.verify(proof, publicInputs: w.publicInputs, vk: pk.verificationKey)
        #expect(hexString(pk.verificationKey.hash) == EncodingTests.goldenVKHash)
        #expect(hexString(Keccak256.hash(proof.bytes)) == EncodingTests.goldenProofHash)
    }

    static let goldenVKHash = "0xc370f0d7502dd83b4e7795668511074924a3836b30888fb0248e60bcbaf175cb"
    static let goldenProofHash = "0x9a02dac8e087525fa178345a768a2c206382adf59dd752cc768061c6781838d0"
}

func hexString(_ b: [UInt8]) -> String { "0x" + b.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined() }
