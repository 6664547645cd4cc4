import Foundation

/// Counters, gauges and one histogram of the node, written in Prometheus' text exposition format
/// (version 0.0.4) at GET /metrics.
///
/// Hand-written rather than through swift-metrics/swift-prometheus to keep the dependency set
/// small while the set of metrics is this short; the names follow Prometheus conventions
/// (`_total` counters, `_seconds` histograms) so a later switch keeps dashboards working.
public final class NodeMetrics: @unchecked Sendable {
    let lock = NSLock()
    var received = 0
    var accepted = 0
    var rejected: [String: Int] = [:]
    var blocks = 0
    var includedTransactions = 0
    /// Upper bounds (seconds) of the block build-time histogram buckets.
    public static let buckets: [Double] = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]
    var bucketCounts = [Int](repeating: 0, count: NodeMetrics.buckets.count)
    var buildSum = 0.0
    var buildCount = 0

    /// Empty metrics.
    public init() {}

    /// Counts a submitted raw transaction and its outcome (`nil` error = accepted).
    public func recordSubmission(error: MempoolError?) {
        lock.lock(); defer { lock.unlock() }
        received += 1
        if let error { rejected[Self.kind(error), default: 0] += 1 } else { accepted += 1 }
    }

    /// Counts a produced block and how long building and storing it took.
    public func recordBlock(transactions: Int, seconds: Double) {
        lock.lock(); defer { lock.unlock() }
        blocks += 1
        includedTransactions += transactions
        buildSum += seconds
        buildCount += 1
        for (i, b) in Self.buckets.enumerated() where seconds <= b { bucketCounts[i] += 1 }
    }

    static func kind(_ e: MempoolError) -> String {
        switch e {
        case .malformed: "malformed"
        case .wrongChainId: "wrong_chain_id"
        case .invalidSender: "invalid_sender"
        case .oversized: "oversized"
        case .nonceTooLow: "nonce_too_low"
        case .nonceTooHigh: "nonce_too_high"
        case .insufficientFunds: "insufficient_funds"
        case .underpriced, .feeCapBelowBaseFee: "underpriced"
        case .replacementUnderpriced: "replacement_underpriced"
        case .replacementWhileIncluding: "replacement_while_including"
        case .malformedWithdrawal: "malformed_withdrawal"
        case .notProvable: "not_provable"
        case .alreadyKnown: "already_known"
        case .accountLimitExceeded: "account_limit"
        case .poolFull: "pool_full"
        case .invalid: "invalid"
        }
    }

    /// The exposition text, with the gauges read now.
    public func render(mempoolSize: Int, blockHeight: UInt64, batchHeight: Int64) -> String {
        lock.lock(); defer { lock.unlock() }
        var s = ""
        func metric(_ name: String, _ type: String, _ help: String, _ lines: [String]) {
            s += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
            for l in lines { s += l + "\n" }
        }
        metric("zkrollup_transactions_received_total", "counter", "Raw transactions submitted.",
               ["zkrollup_transactions_received_total \(received)"])
        metric("zkrollup_transactions_accepted_total", "counter", "Transactions acknowledged (durable).",
               ["zkrollup_transactions_accepted_total \(accepted)"])
        metric("zkrollup_transactions_rejected_total", "counter", "Transactions rejected, by reason.",
               rejected.sorted { $0.key < $1.key }.map { "zkrollup_transactions_rejected_total{reason=\"\($0.key)\"} \($0.value)" })
        metric("zkrollup_transactions_included_total", "counter", "Transactions included in blocks.",
               ["zkrollup_transactions_included_total \(includedTransactions)"])
        metric("zkrollup_mempool_size", "gauge", "Pooled transactions.", ["zkrollup_mempool_size \(mempoolSize)"])
        metric("zkrollup_block_height", "gauge", "Latest block number.", ["zkrollup_block_height \(blockHeight)"])
        metric("zkrollup_batch_height", "gauge", "Latest sealed batch index (-1: none).", ["zkrollup_batch_height \(batchHeight)"])
        var lines: [String] = []
        for (i, b) in Self.buckets.enumerated() { lines.append("zkrollup_block_build_seconds_bucket{le=\"\(b)\"} \(bucketCounts[i])") }
        lines.append("zkrollup_block_build_seconds_bucket{le=\"+Inf\"} \(buildCount)")
        lines.append("zkrollup_block_build_seconds_sum \(buildSum)")
        lines.append("zkrollup_block_build_seconds_count \(buildCount)")
        metric("zkrollup_block_build_seconds", "histogram", "Time to execute, root and store a block.", lines)
        return s
    }
}
