/// Dispatch to the precompiled contracts of Cancun, 0x01–0x0a.
///
/// The implementations live in `PrecompileSet.cancun` (0x01–0x05 and 0x09 in this module,
/// 0x06–0x08 from `BN254Precompiles`). 0x0a (KZG point evaluation, EIP-4844) is not
/// implemented: chain v2 has no blobs. It still counts as a precompile for EIP-2929 warmth,
/// and a call to it fails and consumes its gas.
public enum Precompiles {
    /// What running a precompile gave.
    public enum Outcome: Sendable, Equatable {
        /// Success with the output and the gas charged.
        case success(output: [UInt8], gasUsed: UInt64)
        /// The input was rejected or the gas did not suffice: the call fails and consumes all its gas.
        case failure
        /// The address is a precompile this build does not implement.
        case unsupported
    }

    /// True for 0x01–0x0a (Cancun's precompiles, warm from the start of every transaction, EIP-2929).
    @inlinable
    public static func contains(_ a: Address) -> Bool {
        a._hi == 0 && a._mid == 0 && a._lo >= 1 && a._lo <= 0x0a
    }

    /// All Cancun precompile addresses.
    public static let addresses: [Address] = (1...0x0a).map { Address(UInt64($0)) }

    /// Runs the precompile at `address` on `input` with `gas` available.
    /// - Returns: `.success` with the gas charged (≤ gas), `.failure` when the gas is short or the
    ///   input invalid, `.unsupported` for precompiles not implemented here.
    public static func run(address: Address, input: [UInt8], gas: UInt64) -> Outcome {
        guard contains(address) else { return .unsupported }
        do throws(PrecompileError) {
            let (output, used) = try PrecompileSet.cancun.call(address: UInt8(address._lo), input: input, gasLimit: gas)
            return .success(output: output, gasUsed: used)
        } catch {
            if case .unsupported = error { return .unsupported }
            return .failure
        }
    }
}
