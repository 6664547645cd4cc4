/// Why a proof was rejected.
public enum PlonkVerificationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The proof or a public input failed to decode (see the inner error).
    case malformed(PlonkEncodingError)
    /// The number of public inputs differs from the key's.
    case wrongPublicInputCount(expected: Int, got: Int)
    /// A proof point is not on the curve (only for proofs built in memory; decoding catches it first).
    case pointNotOnCurve(index: Int)
    /// ζ fell in H (probability about n/r); the proof cannot be checked.
    case degenerateChallenge
    /// The final pairing check failed: the proof does not verify under this key and input.
    case pairingCheckFailed

    /// A readable account.
    public var description: String {
        switch self {
        case .malformed(let e): return "malformed proof: \(e)"
        case let .wrongPublicInputCount(e, g): return "wrong number of public inputs: expected \(e), got \(g)"
        case .pointNotOnCurve(let i): return "proof point \(i) is not on the curve"
        case .degenerateChallenge: return "degenerate challenge (ζ in H)"
        case .pairingCheckFailed: return "pairing check failed: proof rejected"
        }
    }
}
