import Foundation
import Testing
import TestSupport

/// `zkrollup evm run|call|statetest` end to end.
@Suite struct EVMCommandTests {
    @Test func runPrintsJSON() throws {
        let r = try CLI.run(["evm", "run", "--code", "600160020160005260206000f3", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(obj["gasUsed"] as? Int == 24 && obj["success"] as? Bool == true)
        #expect(obj["output"] as? String == "0x" + String(repeating: "0", count: 63) + "3")
    }

    @Test func runTraceWritesEIP3155ToStderr() throws {
        let r = try CLI.run(["evm", "run", "--code", "6001600201", "--trace"])
        #expect(r.status == 0)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 5 && lines[2].contains(#""opName":"ADD""#) && lines[3].contains(#""opName":"STOP""#) && lines[4].contains(#""gasUsed":"0x9""#))
    }

    @Test func callIdentityPrecompile() throws {
        let r = try CLI.run(["evm", "call", "--to", "0x0000000000000000000000000000000000000004", "--input", "0xdeadbeef", "--json"])
        #expect(r.status == 0)
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(obj["output"] as? String == "0xdeadbeef" && obj["gasUsed"] as? Int == 18)
    }

    @Test func stateTestDirectory() throws {
        let r = try CLI.run(["evm", "statetest", Fixtures.url("../shared/conformance/state/stExample").path])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.last == "39 passed, 0 failed")
        let line = try #require(lines.first, "no output: \(r.stderr)")
        let first = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(Set(first.keys).isSuperset(of: ["name", "fork", "index", "pass", "stateRoot", "logsHash"]))
    }

    @Test func badHexFails() throws {
        let r = try CLI.run(["evm", "run", "--code", "0xzz"])
        #expect(r.status != 0 && r.stderr.contains("not hex"))
    }
}
