/// Precompile 0x02: SHA-256 of the input (Yellow Paper appendix E).
public enum SHA256Precompile {
    /// 60 gas plus 12 per 32-byte word of input.
    public static func gas(input: [UInt8]) -> UInt64 {
        60 + 12 * UInt64((input.count + 31) / 32)
    }

    /// The 32-byte digest; never fails.
    public static func run(input: [UInt8]) throws(PrecompileError) -> [UInt8] {
        SHA256.hash(input)
    }
}
