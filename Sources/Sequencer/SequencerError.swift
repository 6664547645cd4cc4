/// Failures of the node itself (storage, configuration), as opposed to rejected transactions
/// (`MempoolError`) and bad requests (`RPCError`).
public enum SequencerError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A stored record could not be decoded: the database is damaged or from another version.
    case corruptRecord(String)
    /// The database holds a chain whose genesis differs from the configured one.
    case genesisMismatch(stored: String, configured: String)
    /// A command-line or configuration value is invalid.
    case invalidConfiguration(String)
    /// A requested item does not exist.
    case notFound(String)
    /// Deposits from v1 that do not continue the recorded queue (a gap or a wrong queue hash).
    case messageQueue(String)

    public var description: String {
        switch self {
        case .corruptRecord(let s): "corrupt record: \(s)"
        case let .genesisMismatch(s, c): "genesis mismatch: database has \(s), configuration gives \(c)"
        case .invalidConfiguration(let s): "invalid configuration: \(s)"
        case .notFound(let s): "not found: \(s)"
        case .messageQueue(let s): "v1 message queue: \(s)"
        }
    }
}
