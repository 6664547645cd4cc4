import Foundation

/// One named benchmark: a prepared closure timed over several runs.
///
/// Shaped like swift-nio's `NIOPerformanceTester`: one warm-up run, then
/// `runs` timed runs; each run returns a value that is folded into a sink so
/// the optimiser cannot drop the work. A run may perform `opsPerRun`
/// operations, and the figures are reported per operation in `unit`.
public struct Benchmark: Sendable {
    /// Dotted name, e.g. `fr.mul` or `msm.g1`.
    public let name: String
    /// Input size (e.g. number of points), or nil for single operations.
    public let size: Int?
    /// Unit of the reported figures: "ns", "us", "ms" or "s".
    public let unit: String
    /// Operations one run performs; figures are divided by it.
    public let opsPerRun: Int
    /// Timed runs after the warm-up.
    public let runs: Int
    /// Builds the inputs (untimed) and returns the closure to time.
    public let prepare: @Sendable () -> (@Sendable () -> UInt64)

    public init(name: String, size: Int? = nil, unit: String, opsPerRun: Int = 1, runs: Int = 10,
                prepare: @escaping @Sendable () -> (@Sendable () -> UInt64)) {
        self.name = name; self.size = size; self.unit = unit
        self.opsPerRun = opsPerRun; self.runs = runs; self.prepare = prepare
    }

    /// "name" or "name/size", what the filter matches against.
    public var label: String { size.map { "\(name)/\($0)" } ?? name }
}

/// The figures of one benchmark, in the JSON shape `zkrollup bench --json` prints.
public struct BenchmarkResult: Codable, Sendable {
    public let name: String
    public let size: Int?
    public let unit: String
    public let median: Double
    public let min: Double
    public let max: Double
    public let runs: Int

    enum CodingKeys: String, CodingKey { case name, size, unit, median, min, max, runs }

    /// Writes every key, `size` as null for single operations, so consumers see one shape.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        if let size { try c.encode(size, forKey: .size) } else { try c.encodeNil(forKey: .size) }
        try c.encode(unit, forKey: .unit)
        try c.encode(median, forKey: .median)
        try c.encode(min, forKey: .min)
        try c.encode(max, forKey: .max)
        try c.encode(runs, forKey: .runs)
    }
}

/// Runs benchmarks and formats their results.
public enum BenchmarkRunner {
    /// Runs one benchmark: warm-up, then `runs` timed runs.
    public static func run(_ b: Benchmark) -> BenchmarkResult {
        let body = b.prepare()
        var sink: UInt64 = body()
        var times: [Double] = []
        for _ in 0..<b.runs {
            let t0 = DispatchTime.now().uptimeNanoseconds
            sink &+= body()
            let t1 = DispatchTime.now().uptimeNanoseconds
            times.append(Double(t1 - t0) / Double(b.opsPerRun))
        }
        blackHole(sink)
        times.sort()
        let scale: Double
        switch b.unit {
        case "ns": scale = 1
        case "us": scale = 1e3
        case "ms": scale = 1e6
        default: scale = 1e9
        }
        let median = times.count % 2 == 1 ? times[times.count / 2]
            : (times[times.count / 2 - 1] + times[times.count / 2]) / 2
        return BenchmarkResult(name: b.name, size: b.size, unit: b.unit, median: median / scale,
                               min: times.first! / scale, max: times.last! / scale, runs: b.runs)
    }

    /// A fixed-width text table of results.
    public static func table(_ results: [BenchmarkResult]) -> String {
        var lines = [pad("name", 20) + pad("size", 10) + pad("unit", 6) + pad("median", 12) + pad("min", 12) + pad("max", 12) + "runs"]
        for r in results {
            lines.append(pad(r.name, 20) + pad(r.size.map(String.init) ?? "-", 10) + pad(r.unit, 6)
                + pad(fmt(r.median), 12) + pad(fmt(r.min), 12) + pad(fmt(r.max), 12) + String(r.runs))
        }
        return lines.joined(separator: "\n")
    }

    private static func pad(_ s: String, _ w: Int) -> String { s.count >= w ? s + " " : s + String(repeating: " ", count: w - s.count) }
    private static func fmt(_ x: Double) -> String { String(format: x >= 100 ? "%.1f" : "%.3f", x) }
}

/// Keeps a value alive past the optimiser.
@inline(never)
public func blackHole(_ x: UInt64) {
    if x == 0x5eed_dead_beef_f00d { print("") }
}
