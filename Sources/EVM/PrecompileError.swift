import BN254

/// Why a precompile call failed. Every failure consumes all gas given to the call
/// (Yellow Paper §8, EIP-198, EIP-152, EIP-196/197); the cases say which check failed.
public enum PrecompileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The gas the input requires exceeds what the call has (or what `run` is prepared to do).
    case outOfGas
    /// BLAKE2 F (0x09) input is not exactly 213 bytes (EIP-152).
    case blake2fInvalidInputLength(Int)
    /// BLAKE2 F (0x09) final-block flag is neither 0 nor 1 (EIP-152).
    case blake2fInvalidFinalFlag(UInt8)
    /// ecAdd/ecMul/ecPairing (0x06–0x08) rejected the input.
    case bn254(BN254PrecompileError)
    /// No precompile at this address in the chosen set (e.g. 0x0a: chain v2 has no blobs).
    case unsupported(address: UInt8)

    public var description: String {
        switch self {
        case .outOfGas: return "precompile: out of gas"
        case let .blake2fInvalidInputLength(n): return "blake2f: input length \(n), expected 213"
        case let .blake2fInvalidFinalFlag(f): return "blake2f: final flag \(f), expected 0 or 1"
        case let .bn254(e): return "bn254: \(e)"
        case let .unsupported(a): return "precompile 0x\(String(a, radix: 16)) not supported"
        }
    }
}
