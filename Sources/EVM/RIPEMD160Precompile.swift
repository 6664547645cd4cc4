/// Precompile 0x03: RIPEMD-160 of the input, left-padded to 32 bytes (Yellow Paper appendix E).
public enum RIPEMD160Precompile {
    /// 600 gas plus 120 per 32-byte word of input.
    public static func gas(input: [UInt8]) -> UInt64 {
        600 + 120 * UInt64((input.count + 31) / 32)
    }

    /// 12 zero bytes then the 20-byte digest; never fails.
    public static func run(input: [UInt8]) throws(PrecompileError) -> [UInt8] {
        [UInt8](repeating: 0, count: 12) + RIPEMD160.hash(input)
    }
}
