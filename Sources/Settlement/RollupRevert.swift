/// Why the settlement contract reverts: exactly the `Error(string)` reasons of
/// SPEC.md, so the mirror's prediction and the chain's receipt compare as strings.
/// `calldataRejected` is the one revert without a reason (ABI decoding of an
/// oversized `Bytes[N]` argument fails before any `assert`).
public enum RollupRevert: String, Error, Sendable, CaseIterable, CustomStringConvertible {
    case onlySequencer = "only sequencer"
    case onlyOwner = "only owner"
    case batchIndexNotNext = "batch index not next"
    case wrongParentBatchHash = "wrong parent batch hash"
    case prevStateRootMismatch = "prev state root mismatch"
    case stateRootNotBelowR = "state root not below r"
    case unknownMessageQueueHash = "unknown message queue hash"
    case messageQueueGoesBack = "message queue goes back"
    case batchAlreadyFinalized = "batch already finalized"
    case batchNotCommitted = "batch not committed"
    case batchNotNextToFinalize = "batch not next to finalize"
    case prevStateRootNotFinalized = "prev state root is not finalized"
    case proofLength = "proof length"
    case publicInputNotBelowR = "public input not below r"
    case proofCoordinateNotBelowP = "proof coordinate not below p"
    case proofPointNotOnCurve = "proof point not on curve"
    case proofScalarNotBelowR = "proof scalar not below r"
    case degenerateChallenge = "degenerate challenge"
    case pairingCheckFailed = "pairing check failed"
    case precompileFailed = "precompile failed"
    case depositAmountIsZero = "deposit amount is zero"
    case batchNotFinalized = "batch not finalized"
    case leafIndexOutOfRange = "leaf index out of range"
    case invalidWithdrawalProof = "invalid withdrawal proof"
    case withdrawalAlreadyClaimed = "withdrawal already claimed"
    case withdrawalTransferFailed = "withdrawal transfer failed"
    case logNOutOfRange = "log_n out of range"
    case calldataRejected = ""

    /// The revert string (empty for a revert without data).
    public var reason: String { rawValue }

    /// The reason as the replay and the v1 client print it: the string, or `<revert 0x>` for no data.
    public var description: String { rawValue.isEmpty ? "<revert 0x>" : rawValue }

    /// The case for a revert string read from a receipt or `eth_call`, if it is one of the contract's.
    public init?(reason: String) { self.init(rawValue: reason) }
}
