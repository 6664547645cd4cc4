import BN254

/// Why a proof, VK or their containers failed to decode.
public enum PlonkEncodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The input ended early.
    case truncated
    /// The byte length is wrong.
    case wrongLength(expected: Int, got: Int)
    /// A binary VK does not start with its magic.
    case badMagic
    /// A format version this code does not read.
    case unsupportedVersion(Int)
    /// A 32-byte scalar is ≥ r.
    case scalarNotCanonical(field: String)
    /// A point failed its check (coordinate ≥ p, not on the curve, not in the subgroup).
    case invalidPoint(field: String, BN254Error)
    /// The VK names a custom gate the verifier does not know.
    case unknownGate(String)
    /// A field has an impossible value.
    case invalidValue(String)
    /// Malformed JSON, hex or missing keys.
    case malformedJSON(String)

    /// A readable account.
    public var description: String {
        switch self {
        case .truncated: return "input truncated"
        case let .wrongLength(e, g): return "wrong length: expected \(e) bytes, got \(g)"
        case .badMagic: return "not a Plonk verification key (bad magic)"
        case .unsupportedVersion(let v): return "unsupported format version \(v)"
        case .scalarNotCanonical(let f): return "\(f): scalar not below the field modulus r"
        case let .invalidPoint(f, e): return "\(f): invalid G1/G2 point (\(e))"
        case .unknownGate(let g): return "unknown custom gate \"\(g)\""
        case .invalidValue(let s): return "invalid value: \(s)"
        case .malformedJSON(let s): return "malformed JSON: \(s)"
        }
    }
}
