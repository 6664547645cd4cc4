import BN254
import Keccak

/// The Fiat–Shamir transcript: Keccak-256 over a byte state.
///
/// `append` adds bytes to a pending buffer; `challenge()` computes
/// h = Keccak-256(pending) and returns h mod r, then restarts the buffer with h,
/// so every challenge depends on everything absorbed before it. This chaining
/// is what an EVM verifier computes with one `keccak256` per challenge over
/// (previous hash ‖ calldata slices). The prover and verifier absorb, in order:
/// the domain separator, the VK hash, ℓ and every public input (before the
/// first challenge; Frozen Heart), each commitment before the challenge that
/// depends on it, all evaluations before v, and W_ζ, W_ζω before u.
public struct Transcript: Sendable {
    @usableFromInline var _buffer: [UInt8]

    /// A transcript that starts with a domain-separation label.
    public init(label: String) { _buffer = Array(label.utf8) }

    /// Absorbs raw bytes.
    public mutating func append(_ bytes: [UInt8]) { _buffer += bytes }

    /// Absorbs a scalar as 32 bytes big-endian.
    public mutating func append(_ x: Fr) { _buffer += x.bigEndianBytes }

    /// Absorbs a G1 point in its 64-byte precompile encoding.
    public mutating func append(_ p: G1Affine) { _buffer += p.precompileBytes }

    /// Squeezes a challenge: Keccak-256 of the state, reduced mod r.
    public mutating func challenge() -> Fr {
        let h = Keccak256.hash(_buffer)
        _buffer = h
        return Fr(reducingBigEndianBytes: h)
    }
}
