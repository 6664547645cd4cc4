import Foundation
import Testing
import TestSupport

/// `zkrollup circuit coverage` and the README's Soundness section name the same open items.
@Suite struct CircuitCoverageTests {
    @Test func coverageMatchesTheReadme() throws {
        let r = try CLI.run(["circuit", "coverage", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let items = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        #expect(items.count >= 10)
        let readme = try String(contentsOf: Fixtures.url("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "## Soundness"))
        let section = readme[start.upperBound...].prefix { _ in true }
        let end = section.range(of: "\n## ")?.lowerBound ?? section.endIndex
        let soundness = section[..<end].replacingOccurrences(of: "\n", with: " ")
        for item in items {
            let name = try #require(item["name"] as? String)
            if item["constrained"] as? Bool == false {
                #expect(soundness.contains(name), "the README's Soundness section must name '\(name)' as not constrained")
            }
        }
        let text = try CLI.run(["circuit", "coverage"])
        let constrained = items.filter { $0["constrained"] as? Bool == true }.count
        #expect(constrained > 0 && constrained < items.count)
        #expect(text.stdout.hasPrefix("batch circuit coverage: \(constrained) of \(items.count) constrained"))
        #expect(text.stdout.contains("constrained     value transfers"))
        #expect(text.stdout.contains("NOT constrained ECDSA sender recovery"))
    }
}
