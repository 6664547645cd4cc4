/// Precompile 0x04: returns its input (Yellow Paper appendix E).
public enum IdentityPrecompile {
    /// 15 gas plus 3 per 32-byte word of input.
    public static func gas(input: [UInt8]) -> UInt64 {
        15 + 3 * UInt64((input.count + 31) / 32)
    }

    /// The input unchanged; never fails.
    public static func run(input: [UInt8]) throws(PrecompileError) -> [UInt8] { input }
}
