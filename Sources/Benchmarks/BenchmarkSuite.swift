/// Every benchmark `zkrollup bench` knows, in the order it prints them.
public enum BenchmarkSuite {
    /// All benchmarks; each family lives in its own file.
    public static var all: [Benchmark] {
        FieldBenchmarks.all + CurveBenchmarks.all + PairingBenchmarks.all + MSMBenchmarks.all + NTTBenchmarks.all + EVMBenchmarks.all
    }

    /// Benchmarks whose `label` contains `filter` (all when nil or empty).
    public static func matching(_ filter: String?) -> [Benchmark] {
        guard let f = filter, !f.isEmpty else { return all }
        return all.filter { $0.label.contains(f) }
    }
}
