import EVM
import Keccak

extension UInt256 {
    /// keccak of 32-byte big-endian words laid end to end: every hash of SPEC.md
    /// (batch hash, binding, queue hash, withdraw leaves and nodes) is one.
    static func keccak(words: UInt256...) -> UInt256 { keccak(words: words) }

    /// keccak of 32-byte big-endian words laid end to end.
    static func keccak(words: [UInt256]) -> UInt256 {
        var h = Keccak256()
        for w in words { h.update(w.bigEndianBytes) }
        return UInt256(bigEndianAt: h.finalize())
    }

    /// The BN254 scalar-field order r, the bound of every public input, state root and proof scalar.
    static let scalarModulus = UInt256(decimal: "21888242871839275222246405745257275088548364400416034343698204186575808495617")!
}
