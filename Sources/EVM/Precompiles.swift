import BN254

/// Dispatch to the precompiled contracts of Cancun, 0x01–0x0a.
///
/// 0x06–0x08 (BN254, EIP-196/197/1108) come from `BN254Precompiles`. 0x01–0x05 and 0x09 are
/// implemented in `Precompile*.swift` (transaction helper branch) and plugged in here once merged;
/// until then they report `.unsupported`. 0x0a (KZG point evaluation, EIP-4844) is not supported:
/// chain v2 has no blobs, so a call to it fails and consumes its gas.
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
        let id = UInt8(address._lo)
        switch id {
        case BN254Precompiles.addAddress, BN254Precompiles.mulAddress, BN254Precompiles.pairingAddress:
            guard let cost = BN254Precompiles.gas(address: id, inputLength: input.count) else { return .failure }
            if cost > gas { return .failure }
            do {
                let out = try BN254Precompiles.run(address: id, input: input)
                return .success(output: out, gasUsed: cost)
            } catch {
                return .failure
            }
        default:
            return .unsupported
        }
    }
}
