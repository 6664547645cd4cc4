import Foundation
import Testing
import TestSupport

/// Runs the built `zkrollup` binary end to end, as a user would.
@Suite struct BenchCommandTests {
    @Test func jsonOutputHasTheAgreedShape() throws {
        let run = try CLI.run(["bench", "fr.add", "--json", "--threads", "1"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let parsed = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]]
        let rows = try #require(parsed)
        #expect(rows.count == 1)
        let row = try #require(rows.first)
        #expect(row["name"] as? String == "fr.add")
        #expect(row["unit"] as? String == "ns")
        #expect((row["runs"] as? Int ?? 0) > 0)
        let median = try #require(row["median"] as? Double)
        let lo = try #require(row["min"] as? Double), hi = try #require(row["max"] as? Double)
        #expect(lo <= median && median <= hi && lo > 0)
        #expect(Set(row.keys) == ["name", "size", "unit", "median", "min", "max", "runs"])
        #expect(row["size"] is NSNull)
    }

    @Test func tablePrintsAHeaderAndRows() throws {
        let run = try CLI.run(["bench", "fr.add"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("median") && run.stdout.contains("fr.add"))
    }

    @Test func unknownFilterAndBadThreadsFailClearly() throws {
        let none = try CLI.run(["bench", "no.such.benchmark"])
        #expect(none.status != 0)
        #expect(none.stderr.contains("no benchmark matches"))
        let bad = try CLI.run(["bench", "--threads", "0"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("--threads"))
    }
}
