/// Why an SRS file was rejected or an SRS failed its consistency check.
///
/// Every case names where the problem is (section, point index, byte
/// offsets) so that a user can tell a truncated download from a file of the
/// wrong curve or a tampered ceremony output. `description` is the message
/// the command line prints.
public enum SRSError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be opened or read.
    case unreadable(path: String, reason: String)
    /// The first 4 bytes are not the expected magic (`ptau` or `zsrs`).
    case badMagic(expected: String, found: [UInt8])
    /// A format version this reader does not know.
    case unsupportedVersion(format: String, version: UInt32)
    /// The file ends before a header, a section header or a section body ends.
    case truncated(what: String, needed: UInt64, available: UInt64)
    /// A required `.ptau` section is absent.
    case missingSection(id: UInt32)
    /// A `.ptau` section that must be unique appears more than once.
    case duplicateSection(id: UInt32)
    /// A section's size does not match what its header implies.
    case sectionSize(id: UInt32, expected: UInt64, found: UInt64)
    /// The file is for another curve: its base-field modulus is not BN254's p
    /// (or its field-element size is not 32 bytes).
    case wrongCurve(elementBytes: UInt32, modulusHex: String)
    /// The header's power is outside what this reader supports (1…28).
    case unsupportedPower(UInt32)
    /// More powers were requested than the file holds.
    case tooFewPowers(requested: Int, available: Int)
    /// A coordinate is not below p (not a Montgomery-form field element).
    case coordinateNotInField(section: String, index: Int)
    /// A point is not on its curve (G1: y² = x³ + 3; G2: the twist).
    case pointNotOnCurve(section: String, index: Int)
    /// A G2 point is on the twist but not in the order-r subgroup.
    case pointNotInSubgroup(section: String, index: Int)
    /// A point that must be finite is the point at infinity.
    case pointAtInfinity(section: String, index: Int)
    /// `[τ⁰]₁` or `[τ⁰]₂` is not the standard generator.
    case notGenerator(section: String)
    /// `e([τ]₁, [1]₂) ≠ e([1]₁, [τ]₂)`: the G2 power does not match the G1 powers.
    case tauMismatch
    /// The G1 powers are not consecutive powers of one τ (random linear
    /// combination check failed).
    case powersInconsistent(count: Int)
    /// Our own format's header is malformed.
    case badHeader(String)

    /// The message commands print (names section, index and sizes).
    public var description: String {
        switch self {
        case let .unreadable(path, reason):
            return "cannot read \(path): \(reason)"
        case let .badMagic(expected, found):
            let shown = found.map { ($0 >= 0x20 && $0 < 0x7f) ? String(UnicodeScalar($0)) : "\\x" + String($0, radix: 16) }.joined()
            return "bad magic: expected \"\(expected)\", found \"\(shown)\" — not a \(expected) file"
        case let .unsupportedVersion(format, version):
            return "unsupported \(format) version \(version)"
        case let .truncated(what, needed, available):
            return "file truncated in \(what): needs \(needed) bytes, only \(available) present"
        case let .missingSection(id):
            return "missing section \(id) (\(PtauSection.name(id)))"
        case let .duplicateSection(id):
            return "section \(id) (\(PtauSection.name(id))) appears more than once"
        case let .sectionSize(id, expected, found):
            return "section \(id) (\(PtauSection.name(id))) has \(found) bytes, expected \(expected)"
        case let .wrongCurve(n8, q):
            return "wrong curve: field elements of \(n8) bytes, modulus \(q); expected BN254 (32 bytes, p = 0x30644e72…fd47)"
        case let .unsupportedPower(p):
            return "unsupported power \(p) (expected 1…28)"
        case let .tooFewPowers(requested, available):
            return "too few powers: \(requested) requested, the file holds \(available)"
        case let .coordinateNotInField(section, index):
            return "\(section)[\(index)]: coordinate is not a field element (≥ p)"
        case let .pointNotOnCurve(section, index):
            return "\(section)[\(index)]: point is not on the curve"
        case let .pointNotInSubgroup(section, index):
            return "\(section)[\(index)]: point is not in the prime-order subgroup"
        case let .pointAtInfinity(section, index):
            return "\(section)[\(index)]: point at infinity"
        case let .notGenerator(section):
            return "\(section)[0] is not the standard generator"
        case .tauMismatch:
            return "powers inconsistent: e([τ]₁, [1]₂) ≠ e([1]₁, [τ]₂) (tauG1[1] and tauG2[1] disagree)"
        case let .powersInconsistent(count):
            return "powers inconsistent: the \(count) G1 powers are not successive powers of τ (pairing check failed)"
        case let .badHeader(message):
            return "bad SRS header: \(message)"
        }
    }
}

/// Section identifiers of the snarkjs `.ptau` format (snarkjs
/// `powersoftau_new`: 1 header, 2 tauG1, 3 tauG2, 4 alphaTauG1, 5 betaTauG1,
/// 6 betaG2, 7 contributions; `prepare phase2` adds 12–15, Lagrange bases).
public enum PtauSection {
    /// Section 1: n8, q, power, ceremonyPower.
    public static let header: UInt32 = 1
    /// Section 2: [τ^i]₁ for i < 2^(power+1) − 1.
    public static let tauG1: UInt32 = 2
    /// Section 3: [τ^i]₂ for i < 2^power.
    public static let tauG2: UInt32 = 3

    /// A human-readable name for a section id, for messages.
    public static func name(_ id: UInt32) -> String {
        switch id {
        case 1: return "header"
        case 2: return "tauG1"
        case 3: return "tauG2"
        case 4: return "alphaTauG1"
        case 5: return "betaTauG1"
        case 6: return "betaG2"
        case 7: return "contributions"
        case 12...15: return "lagrange"
        default: return "unknown"
        }
    }
}
