/// One precompiled contract: its address, name, gas rule and byte-in/byte-out function.
///
/// The closures are plain static functions (`EcRecoverPrecompile.run` …); a failure
/// (`PrecompileError`) consumes all gas given to the call.
public struct Precompile: Sendable {
    /// The last byte of the address (the other 19 are zero).
    public let address: UInt8
    /// A short name ("ecrecover", "sha256", …).
    public let name: String
    /// The gas the input requires; u64 max where it cannot be paid.
    public let gas: @Sendable (_ input: [UInt8]) -> UInt64
    /// The output for the input.
    public let run: @Sendable (_ input: [UInt8]) throws(PrecompileError) -> [UInt8]

    /// Wraps a gas rule and a function.
    public init(address: UInt8, name: String,
                gas: @escaping @Sendable (_ input: [UInt8]) -> UInt64,
                run: @escaping @Sendable (_ input: [UInt8]) throws(PrecompileError) -> [UInt8]) {
        self.address = address; self.name = name; self.gas = gas; self.run = run
    }
}
