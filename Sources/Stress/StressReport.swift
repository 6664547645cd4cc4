import Foundation
import Sequencer

/// What a stress run measured.
public struct StressReport: Sendable {
    /// Transactions sent.
    public var sent: Int
    /// Transactions acknowledged with a hash.
    public var accepted: Int
    /// Acknowledged transactions seen in blocks before the deadline.
    public var included: Int
    /// Rejections by message prefix (first words of the error).
    public var errors: [String: Int]
    /// Accepted per second over the sending period.
    public var acceptedTPS: Double
    /// Included per second from the first send to the last inclusion.
    public var includedTPS: Double
    /// Submit-to-inclusion latency percentiles, seconds.
    public var p50: Double, p95: Double, p99: Double
    /// includedTPS × 86,400.
    public var transactionsPerDay: Double
    /// Per-second timeline: (second, accepted, included, p50 latency of those included).
    public var timeline: [(second: Int, accepted: Int, included: Int, p50: Double)]
    /// Sending duration, seconds.
    public var sendSeconds: Double

    /// A report.
    public init(sent: Int, accepted: Int, included: Int, errors: [String: Int], acceptedTPS: Double, includedTPS: Double,
                p50: Double, p95: Double, p99: Double, transactionsPerDay: Double,
                timeline: [(second: Int, accepted: Int, included: Int, p50: Double)], sendSeconds: Double) {
        self.sent = sent; self.accepted = accepted; self.included = included; self.errors = errors
        self.acceptedTPS = acceptedTPS; self.includedTPS = includedTPS; self.p50 = p50; self.p95 = p95; self.p99 = p99
        self.transactionsPerDay = transactionsPerDay; self.timeline = timeline; self.sendSeconds = sendSeconds
    }

    /// The JSON report.
    public var json: JSONValue {
        func n(_ d: Double) -> JSONValue { .number((d * 1000).rounded() / 1000) }
        return .object([
            ("sent", .number(Double(sent))), ("accepted", .number(Double(accepted))), ("included", .number(Double(included))),
            ("errors", .object(errors.sorted { $0.key < $1.key }.map { ($0.key, .number(Double($0.value))) })),
            ("acceptedTPS", n(acceptedTPS)), ("includedTPS", n(includedTPS)), ("sendSeconds", n(sendSeconds)),
            ("latencySeconds", .object([("p50", n(p50)), ("p95", n(p95)), ("p99", n(p99))])),
            ("transactionsPerDay", .number(transactionsPerDay.rounded())),
            ("timeline", .array(timeline.map { .object([("second", .number(Double($0.second))), ("accepted", .number(Double($0.accepted))),
                                                          ("included", .number(Double($0.included))), ("p50", n($0.p50))]) })),
        ])
    }

    /// An SVG plot: accepted and included transactions per second (left axis) and the p50
    /// latency of each second's inclusions (right axis), over time.
    public var svg: String {
        let w = 800.0, h = 400.0, left = 60.0, right = 60.0, top = 30.0, bottom = 40.0
        let seconds = max(timeline.count, 1)
        let maxRate = max(timeline.map { Double(max($0.accepted, $0.included)) }.max() ?? 1, 1)
        let maxLat = max(timeline.map(\.p50).max() ?? 1, 0.001)
        func x(_ i: Int) -> Double { left + (w - left - right) * Double(i) / Double(max(seconds - 1, 1)) }
        func yRate(_ v: Double) -> Double { h - bottom - (h - top - bottom) * v / maxRate }
        func yLat(_ v: Double) -> Double { h - bottom - (h - top - bottom) * v / maxLat }
        func line(_ pts: [(Double, Double)], _ color: String) -> String {
            let d = pts.map { String(format: "%.1f,%.1f", $0.0, $0.1) }.joined(separator: " ")
            return "<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\" points=\"\(d)\"/>"
        }
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(w))\" height=\"\(Int(h))\" font-family=\"sans-serif\" font-size=\"12\">"
        s += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>"
        s += String(format: "<text x=\"%.0f\" y=\"18\">zkrollup stress: %.0f accepted/s, %.0f included/s, p99 %.2f s</text>", left, acceptedTPS, includedTPS, p99)
        s += String(format: "<line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" stroke=\"black\"/>", left, h - bottom, w - right, h - bottom)
        s += String(format: "<line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" stroke=\"black\"/>", left, top, left, h - bottom)
        s += String(format: "<text x=\"5\" y=\"%.0f\">%.0f/s</text><text x=\"5\" y=\"%.0f\">0</text>", top + 10, maxRate, h - bottom)
        s += String(format: "<text x=\"%.0f\" y=\"%.0f\">%.2fs</text>", w - right + 5, top + 10, maxLat)
        s += String(format: "<text x=\"%.0f\" y=\"%.0f\">time (s), %d s</text>", w / 2 - 40, h - 10, seconds)
        s += line(timeline.enumerated().map { (x($0.offset), yRate(Double($0.element.accepted))) }, "#1f77b4")
        s += line(timeline.enumerated().map { (x($0.offset), yRate(Double($0.element.included))) }, "#2ca02c")
        s += line(timeline.enumerated().map { (x($0.offset), yLat($0.element.p50)) }, "#d62728")
        s += String(format: "<text x=\"%.0f\" y=\"%.0f\" fill=\"#1f77b4\">accepted/s</text>", left + 10, top + 20)
        s += String(format: "<text x=\"%.0f\" y=\"%.0f\" fill=\"#2ca02c\">included/s</text>", left + 100, top + 20)
        s += String(format: "<text x=\"%.0f\" y=\"%.0f\" fill=\"#d62728\">p50 latency (right axis)</text>", left + 190, top + 20)
        return s + "</svg>\n"
    }

    /// The value at fraction `q` of sorted `values` (nearest rank), 0 when empty.
    public static func percentile(_ sorted: [Double], _ q: Double) -> Double {
        if sorted.isEmpty { return 0 }
        let i = min(sorted.count - 1, max(0, Int((q * Double(sorted.count)).rounded(.up)) - 1))
        return sorted[i]
    }
}
