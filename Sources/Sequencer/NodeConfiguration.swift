import EVM

/// Settings of a `ChainNode`.
public struct NodeConfiguration: Sendable {
    /// Milliseconds between block production attempts (a block is also produced as soon as the
    /// pool holds a block's worth of gas). Empty blocks are not produced.
    public var blockTimeMilliseconds: UInt64
    /// Pool limits.
    public var mempoolLimits: MempoolLimits
    /// Batch sealing policy.
    public var batchPolicy: BatchPolicy
    /// Largest accepted transaction encoding (go-ethereum's pool: 128 KiB).
    public var maxTransactionSize: Int
    /// Gas cap of eth_call and eth_estimateGas.
    public var callGasCap: UInt64
    /// How many recent blocks' states the state methods can read (the head included). Each is a
    /// copy-on-write snapshot of the account map, so memory grows with accounts × this number.
    public var stateHistory: Int = 16
    /// Most v1 deposits one block credits (the rest wait for the next blocks, in order).
    public var maxMessagesPerBlock: Int = 256
    /// Admit only what the batch circuit proves: no precompile calls, and with no
    /// `provableStorageWrites` value transfers only (no calldata, no creation, no contract call).
    /// A node whose batches are proven by the batch circuit sets it, so that a transaction it
    /// could never prove is refused at `eth_sendRawTransaction` with the reason (or, when only
    /// its execution shows it, dropped at block building), instead of being sealed into a batch
    /// that can never be finalized on v1.
    public var provableTransfersOnly = false
    /// With `provableTransfersOnly`: the storage writes the batch circuit applies per batch.
    /// Above 0, calls and creations are admitted; each block is built so that its calls' and
    /// creations' writes fit the open batch's room (`BlockBuilder.maxStorageWrites`), one whose
    /// code reaches another account is dropped, and the batch seals when the room is used up.
    public var provableStorageWrites = 0
    /// The state tree depth of the batch circuit that proves this node's batches: a transfer to
    /// a new account whose key shares its low bits, that many, with another account's is refused
    /// (`StateKeyGuard`), since no batch holding both could be proven. nil: no such check.
    public var provableTreeDepth: Int?

    /// A configuration (defaults: 1 s blocks, default pool limits and batch policy, 128 KiB, 50M gas cap).
    public init(blockTimeMilliseconds: UInt64 = 1000, mempoolLimits: MempoolLimits = MempoolLimits(),
                batchPolicy: BatchPolicy = BatchPolicy(), maxTransactionSize: Int = 128 * 1024,
                callGasCap: UInt64 = 50_000_000) {
        self.blockTimeMilliseconds = blockTimeMilliseconds; self.mempoolLimits = mempoolLimits
        self.batchPolicy = batchPolicy; self.maxTransactionSize = maxTransactionSize; self.callGasCap = callGasCap
    }
}
