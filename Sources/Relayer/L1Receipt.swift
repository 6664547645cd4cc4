import EVM
import Settlement

/// A mined chain v1 transaction as the relayer needs it: outcome, gas, and the settlement
/// contract's events decoded.
public struct L1Receipt: Sendable {
    /// The transaction hash.
    public var hash: UInt256
    /// Whether it succeeded (receipt status 1).
    public var status: Bool
    /// Gas it used.
    public var gasUsed: UInt64
    /// The block that holds it.
    public var blockNumber: UInt64
    /// The settlement contract's events it emitted, in log order.
    public var events: [RollupEvent]
    /// The address a deployment created.
    public var contractAddress: Address?

    /// A receipt.
    public init(hash: UInt256, status: Bool, gasUsed: UInt64, blockNumber: UInt64, events: [RollupEvent],
                contractAddress: Address?) {
        self.hash = hash; self.status = status; self.gasUsed = gasUsed; self.blockNumber = blockNumber
        self.events = events; self.contractAddress = contractAddress
    }
}
