/// Precompile 0x01: ECDSA public-key recovery (Yellow Paper appendix E).
///
/// Input (right-padded with zeros to 128 bytes): hash ‖ v ‖ r ‖ s, 32 bytes each.
/// Output: the 20-byte signer address left-padded to 32 bytes, or empty when
/// the input is invalid (v not 27/28 with 31 zero bytes before it, r or s out of
/// [1, n), no matching key). High s is accepted here; EIP-2 applies only to
/// transactions. These are go-ethereum's semantics.
public enum EcRecoverPrecompile {
    /// Fixed cost: 3000 gas.
    public static let gasCost: UInt64 = 3000

    /// The gas for any input.
    public static func gas(input: [UInt8]) -> UInt64 { gasCost }

    /// Recovers the signer; never fails (invalid input returns empty output).
    public static func run(input: [UInt8]) throws(PrecompileError) -> [UInt8] {
        var data = input.count >= 128 ? Array(input[0..<128]) : input
        if data.count < 128 { data += [UInt8](repeating: 0, count: 128 - data.count) }
        guard data[32..<63].allSatisfy({ $0 == 0 }), data[63] == 27 || data[63] == 28 else { return [] }
        guard let address = try? Secp256k1.recoverAddress(
            hash: Array(data[0..<32]), r: Array(data[64..<96]), s: Array(data[96..<128]),
            recoveryId: data[63] - 27, requireLowS: false)
        else { return [] }
        return [UInt8](repeating: 0, count: 12) + address
    }
}
