/// Every benchmark `zkrollup bench` knows, in the order it prints them.
public enum BenchmarkSuite {
    /// All benchmarks; each family lives in its own file.
    public static var all: [Benchmark] {
        FieldBenchmarks.all + CurveBenchmarks.all + PairingBenchmarks.all + MSMBenchmarks.all + NTTBenchmarks.all + TransactionBenchmarks.all + EVMBenchmarks.all
            + PlonkBenchmarks.all
            + PoseidonBenchmarks.all
    }

    /// Benchmarks whose `label` contains `filter` (all when nil or empty).
    public static func matching(_ filter: String?) -> [Benchmark] {
        guard let f = filter, !f.isEmpty else { return all }
        // Large sizes (e.g. `plonk.prove.2^20`) run only when the filter names a "2^" size.
        let extended = f.contains("2^") ? PlonkBenchmarks.extended + BatchBenchmarks.extended : []
        return (all + extended).filter { $0.label.contains(f) }
    }
}
