import EVM
import Logging
import Sequencer

/// Follows the settlement contract's `DepositQueued` events on v1 and records them in the node,
/// which credits them on chain v2 in queue order (`ChainNode.enqueue(messages:)`).
///
/// The scan cursor is a v1 block number kept in memory and restarted from `startBlock` after a
/// restart: the node ignores deposits it already recorded and refuses any that would leave a gap
/// or break the queue's hash chain, so re-reading is safe and missing one is impossible to
/// overlook. `confirmations` holds back the newest v1 blocks; 0 suits chains with instant
/// finality (Tendermint-based Evmos, the dev chain).
public actor DepositFollower {
    let client: L1Client
    let node: ChainNode
    let startBlock: UInt64
    let confirmations: UInt64
    let logger: Logger
    /// The next v1 block to scan.
    public private(set) var cursor: UInt64
    /// Widest eth_getLogs range asked for (our node allows 10,000; public endpoints often less).
    public static let range: UInt64 = 1000

    /// A follower of `client`'s contract feeding `node`.
    public init(client: L1Client, node: ChainNode, startBlock: UInt64 = 0, confirmations: UInt64 = 0, logger: Logger) {
        self.client = client; self.node = node; self.startBlock = startBlock; self.confirmations = confirmations
        self.logger = logger; cursor = startBlock
    }

    /// Scans from the cursor to the confirmed v1 head; returns how many new deposits it recorded.
    /// - Throws: `L1ClientError` from v1, `SequencerError` from the node (then the cursor restarts).
    @discardableResult
    public func poll() async throws -> Int {
        let head = try await client.blockNumber()
        guard head >= confirmations else { return 0 }
        let last = head - confirmations
        var recorded = 0
        while cursor <= last {
            let to = min(cursor + Self.range - 1, last)
            let deposits = try await client.deposits(fromBlock: cursor, toBlock: to)
            let before = node.messageQueueTip.count
            do { try node.enqueue(messages: deposits) } catch {
                cursor = startBlock
                throw error
            }
            recorded += Int(node.messageQueueTip.count - before)
            cursor = to + 1
        }
        return recorded
    }

    /// Polls every `intervalMilliseconds` until cancelled, logging failures and carrying on.
    public func run(intervalMilliseconds: UInt64) async {
        while !Task.isCancelled {
            do { try await poll() } catch {
                logger.warning("deposit follower", metadata: ["error": "\(error)"])
            }
            try? await Task.sleep(for: .milliseconds(intervalMilliseconds))
        }
    }
}
