import Foundation
import Testing
import TestSupport

/// `zkrollup prove --circuit poseidon:N` and `zkrollup verify` through the built executable.
@Suite struct ProveVerifyCommandTests {
    static let ptau = Fixtures.url("../shared/fixtures/srs/pot12_snarkjs.ptau").path

    func temp(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString)-\(name)").path
    }

    func json(_ path: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any] ?? [:]
    }

    /// A proof made with the real ceremony SRS verifies; its JSON has the documented shape.
    @Test func provesAndVerifiesWithTheCeremonySRS() throws {
        let proof = temp("proof.json"), vk = temp("vk.json")
        defer { for p in [proof, vk] { try? FileManager.default.removeItem(atPath: p) } }
        let r = try CLI.run(["prove", "--circuit", "poseidon:3", "--srs", Self.ptau, "--out", proof, "--vk-out", vk])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stderr.contains("INSECURE"))
        #expect(r.stderr.contains("100%"))
        let p = try json(proof)
        #expect(p["version"] as? Int == 1)
        #expect((p["publicInputs"] as? [String])?.count == 6)
        #expect(((p["proof"] as? String)?.count ?? 0) == 2 + 2 * 1472)
        let v = try CLI.run(["verify", "--proof", proof, "--vk", vk])
        #expect(v.status == 0, "\(v.stderr)")
        #expect(v.stdout.contains("accepted"))
    }

    /// Tampering with the proof, a public input or the key is rejected with exit 1 and a reason.
    @Test func rejectsTamperedInputs() throws {
        let proof = temp("proof.json"), vk = temp("vk.json"), other = temp("other.json"), otherVK = temp("othervk.json")
        let bad = temp("bad.json")
        defer { for p in [proof, vk, other, otherVK, bad] { try? FileManager.default.removeItem(atPath: p) } }
        let r = try CLI.run(["prove", "--circuit", "poseidon:1", "--out", proof, "--vk-out", vk])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("INSECURE"))

        // A scalar of the proof changed (last word: still canonical, wrong value).
        var p = try json(proof)
        var hex = Array((p["proof"] as? String ?? "").utf8)
        let last = hex.count - 1
        hex[last] = hex[last] == UInt8(ascii: "1") ? UInt8(ascii: "2") : UInt8(ascii: "1")
        p["proof"] = String(decoding: hex, as: UTF8.self)
        try JSONSerialization.data(withJSONObject: p).write(to: URL(fileURLWithPath: bad))
        let flipped = try CLI.run(["verify", "--proof", bad, "--vk", vk])
        #expect(flipped.status == 1)
        #expect(flipped.stderr.contains("rejected"), "\(flipped.stderr)")

        // A public input changed.
        p = try json(proof)
        var inputs = p["publicInputs"] as? [String] ?? []
        inputs[3] = "0x" + String(repeating: "0", count: 63) + "7"
        p["publicInputs"] = inputs
        try JSONSerialization.data(withJSONObject: p).write(to: URL(fileURLWithPath: bad))
        let input = try CLI.run(["verify", "--proof", bad, "--vk", vk])
        #expect(input.status == 1)
        #expect(input.stderr.contains("pairing check failed"), "\(input.stderr)")

        // A proof checked against another circuit's key.
        #expect(try CLI.run(["prove", "--circuit", "poseidon:2", "--out", other, "--vk-out", otherVK]).status == 0)
        let wrongKey = try CLI.run(["verify", "--proof", proof, "--vk", otherVK])
        #expect(wrongKey.status == 1)
        #expect(wrongKey.stderr.contains("another verification key"), "\(wrongKey.stderr)")

        // Not JSON at all.
        try Data("not json".utf8).write(to: URL(fileURLWithPath: bad))
        let garbage = try CLI.run(["verify", "--proof", bad, "--vk", vk])
        #expect(garbage.status == 1)
        #expect(garbage.stderr.contains("malformed proof"), "\(garbage.stderr)")
    }

    /// A settlement-shaped key is verified by the contract's mirror: its reasons, on the raw bytes.
    @Test func settlementKeysGetTheContractsReasons() throws {
        let proof = temp("stub.json"), vk = temp("stubvk.json"), bad = temp("stubbad.json")
        defer { for p in [proof, vk, bad] { try? FileManager.default.removeItem(atPath: p) } }
        func word(_ hex: String) -> String { "0x" + String(repeating: "0", count: 64 - hex.count) + hex }
        let inputs = [word("2a"), word("1111"), word("2222")]  // binding, prev root, post root
        let r = try CLI.run(["prove", "--circuit", "stub:2", "--public-input", "0x2a,0x1111, 0x2222", "--out", proof, "--vk-out", vk])
        #expect(r.status == 0, "\(r.stderr)")
        var p = try json(proof)
        #expect(p["publicInputs"] as? [String] == inputs)
        let ok = try CLI.run(["verify", "--proof", proof, "--vk", vk])
        #expect(ok.status == 0 && ok.stdout.contains("settlement contract"), "\(ok.stdout) \(ok.stderr)")

        // x + r instead of x, for each input: the contract's "public input not below r".
        let rPlus42 = "0x30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f000002b" // r + 0x2a
        for i in 0..<3 {
            p = try json(proof)
            var big = inputs; big[i] = rPlus42
            p["publicInputs"] = big
            try JSONSerialization.data(withJSONObject: p).write(to: URL(fileURLWithPath: bad))
            let out = try CLI.run(["verify", "--proof", bad, "--vk", vk])
            #expect(out.status == 1 && out.stderr.contains("public input not below r"), "input \(i): \(out.stderr)")
        }

        // Another prev or post root than the proof was made for: "pairing check failed".
        for i in 1..<3 {
            p = try json(proof)
            var other = inputs; other[i] = word("3333")
            p["publicInputs"] = other
            try JSONSerialization.data(withJSONObject: p).write(to: URL(fileURLWithPath: bad))
            let out = try CLI.run(["verify", "--proof", bad, "--vk", vk])
            #expect(out.status == 1 && out.stderr.contains("pairing check failed"), "input \(i): \(out.stderr)")
        }

        // One public input only: the contract takes exactly three.
        p = try json(proof)
        p["publicInputs"] = [inputs[0]]
        try JSONSerialization.data(withJSONObject: p).write(to: URL(fileURLWithPath: bad))
        let one = try CLI.run(["verify", "--proof", bad, "--vk", vk])
        #expect(one.status == 1 && one.stderr.contains("exactly three"), "\(one.stderr)")

        // The first point's y coordinate moved off the curve: "proof point not on curve".
        p = try json(proof)
        var hex = Array((p["proof"] as? String ?? "").utf8)
        let yLast = 2 + 128 - 1
        hex[yLast] = hex[yLast] == UInt8(ascii: "1") ? UInt8(ascii: "2") : UInt8(ascii: "1")
        p["proof"] = String(decoding: hex, as: UTF8.self)
        try JSONSerialization.data(withJSONObject: p).write(to: URL(fileURLWithPath: bad))
        let curve = try CLI.run(["verify", "--proof", bad, "--vk", vk])
        #expect(curve.status == 1 && curve.stderr.contains("proof point not on curve"), "\(curve.stderr)")
    }

    @Test func rejectsBadArguments() throws {
        let spec = try CLI.run(["prove", "--circuit", "sha256:3", "--out", temp("x.json")])
        #expect(spec.status != 0)
        #expect(spec.stderr.contains("unknown circuit 'sha256:3'"), "\(spec.stderr)")
        // stub:N takes exactly three public inputs, each below r.
        let one = try CLI.run(["prove", "--circuit", "stub:1", "--public-input", "0x2a", "--out", temp("x.json")])
        #expect(one.status == 1 && one.stderr.contains("three comma-separated values"), "\(one.stderr)")
        let r = "0x30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001"
        let big = try CLI.run(["prove", "--circuit", "stub:1", "--public-input", "0x2a,\(r),0x01", "--out", temp("x.json")])
        #expect(big.status == 1 && big.stderr.contains("value 1 is not below"), "\(big.stderr)")
        let none = try CLI.run(["prove", "--circuit", "stub:1", "--out", temp("x.json")])
        #expect(none.status != 0 && none.stderr.contains("--public-input"), "\(none.stderr)")
        let tooBig = try CLI.run(["prove", "--circuit", "poseidon:300", "--srs", Self.ptau, "--out", temp("x.json")])
        #expect(tooBig.status == 1)
        #expect(tooBig.stderr.contains("the circuit needs"), "\(tooBig.stderr)")
    }
}
