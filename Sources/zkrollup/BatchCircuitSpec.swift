import Circuits

/// The `--circuit batch[:DEPTH:CAPACITY[:WRITES]]` spelling of a batch circuit's shape. `batch`
/// alone is the product's: state tree depth 32, 8 storage writes (a few token transfers) and as
/// many slots as fit the rest of 2^20 rows; a smaller capacity makes a smaller circuit (faster
/// proofs of smaller batches, for development and tests). WRITES (default 0) is how many
/// storage slots the batch's calls and creations may change in all.
enum BatchCircuitSpec {
    /// The product's state tree depth.
    static let depth = 32
    /// log₂ of the product circuit's rows.
    static let logSize = 20
    /// The product circuit's storage operations.
    static let writes = 8

    /// Parses `spec`, or returns nil when it does not start with `batch`.
    static func parse(_ spec: String) throws(CLIError) -> BatchCircuit? {
        let parts = spec.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.first == "batch" else { return nil }
        switch parts.count {
        case 1:
            return BatchCircuit(depth: depth, capacity: BatchCircuit.capacity(depth: depth, logSize: logSize, writes: writes),
                                writes: writes)
        case 3, 4:
            guard let d = Int(parts[1]), (6...63).contains(d) else { throw CLIError("\(spec): the depth must be 6…63") }
            guard let c = Int(parts[2]), (1...4096).contains(c) else { throw CLIError("\(spec): the capacity must be 1…4096 slots") }
            var w = 0
            if parts.count == 4 {
                guard let x = Int(parts[3]), (0...4096).contains(x) else { throw CLIError("\(spec): the writes must be 0…4096") }
                w = x
            }
            return BatchCircuit(depth: d, capacity: c, writes: w)
        default:
            throw CLIError("\(spec): expected batch or batch:DEPTH:CAPACITY[:WRITES]")
        }
    }
}
