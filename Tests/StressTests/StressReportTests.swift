import Sequencer
import Stress
import Testing

@Suite struct StressReportTests {
    @Test func nearestRankPercentiles() {
        let v = (1...100).map(Double.init)
        #expect(StressReport.percentile(v, 0.5) == 50)
        #expect(StressReport.percentile(v, 0.95) == 95)
        #expect(StressReport.percentile(v, 0.99) == 99)
        #expect(StressReport.percentile([], 0.5) == 0)
        #expect(StressReport.percentile([7], 0.99) == 7)
    }

    @Test func keysAreDeterministicAndDistinct() {
        let a = StressHarness.key(seed: 1, index: 0)
        #expect(a == StressHarness.key(seed: 1, index: 0))
        #expect(a != StressHarness.key(seed: 1, index: 1))
        #expect(a != StressHarness.key(seed: 2, index: 0))
        #expect(a.count == 32)
    }

    @Test func reportJSONAndPlot() throws {
        let r = StressReport(sent: 10, accepted: 9, included: 8, errors: ["nonce too low": 1], acceptedTPS: 9, includedTPS: 8,
                             p50: 0.1, p95: 0.2, p99: 0.3, transactionsPerDay: 8 * 86_400,
                             timeline: [(0, 5, 4, 0.1), (1, 4, 4, 0.2)], sendSeconds: 1)
        let json = try JSONValue.parse(r.json.serialized)
        #expect(json["transactionsPerDay"] == JSONValue.number(691_200))
        #expect(json["errors"]?["nonce too low"] == JSONValue.number(1))
        #expect(json["timeline"]?.arrayValue?.count == 2)
        #expect(r.svg.hasPrefix("<svg") && r.svg.contains("<polyline"))
    }
}
