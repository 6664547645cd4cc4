import BN254

/// The precompiles active in a fork, looked up by the last address byte.
///
/// `cancun` holds 0x01–0x09. 0x0a (EIP-4844 point evaluation) is left out on
/// purpose: chain v2 carries no blobs, so a call to 0x0a is an ordinary call to
/// an empty account.
public struct PrecompileSet: Sendable {
    /// The precompiles, ordered by address.
    public let precompiles: [Precompile]
    @usableFromInline let _table: [Precompile?]

    /// A set from a list with distinct addresses.
    public init(_ precompiles: [Precompile]) {
        self.precompiles = precompiles.sorted { $0.address < $1.address }
        var table = [Precompile?](repeating: nil, count: 256)
        for p in precompiles { table[Int(p.address)] = p }
        _table = table
    }

    /// The precompile at `0x00…00<address>`, if this set has one.
    public subscript(address address: UInt8) -> Precompile? { _table[Int(address)] }

    /// Charges gas first, then runs: what a CALL to a precompile does.
    /// - Parameters:
    ///   - address: the last address byte.
    ///   - input: the call data.
    ///   - gasLimit: the gas the call has.
    /// - Returns: the output and the gas used.
    /// - Throws: `.unsupported` for an address outside the set, `.outOfGas` when the input costs
    ///   more than `gasLimit` (checked before any work), or the precompile's own error.
    public func call(address: UInt8, input: [UInt8], gasLimit: UInt64) throws(PrecompileError) -> (output: [UInt8], gasUsed: UInt64) {
        guard let p = self[address: address] else { throw .unsupported(address: address) }
        let cost = p.gas(input)
        guard cost <= gasLimit else { throw .outOfGas }
        return (try p.run(input), cost)
    }

    /// Cancun's precompiles 0x01–0x09 (EIP-152, EIP-196/197 with EIP-1108 gas, EIP-198 with EIP-2565 gas).
    public static let cancun = PrecompileSet([
        Precompile(address: 0x01, name: "ecrecover", gas: EcRecoverPrecompile.gas, run: EcRecoverPrecompile.run),
        Precompile(address: 0x02, name: "sha256", gas: SHA256Precompile.gas, run: SHA256Precompile.run),
        Precompile(address: 0x03, name: "ripemd160", gas: RIPEMD160Precompile.gas, run: RIPEMD160Precompile.run),
        Precompile(address: 0x04, name: "identity", gas: IdentityPrecompile.gas, run: IdentityPrecompile.run),
        Precompile(address: 0x05, name: "modexp", gas: ModExpPrecompile.gas, run: ModExpPrecompile.run),
        bn254(BN254Precompiles.addAddress, "ecAdd"),
        bn254(BN254Precompiles.mulAddress, "ecMul"),
        bn254(BN254Precompiles.pairingAddress, "ecPairing"),
        Precompile(address: 0x09, name: "blake2f", gas: Blake2FPrecompile.gas, run: Blake2FPrecompile.run),
    ])

    /// 0x06–0x08 from `BN254Precompiles` (gas charged before the input is checked).
    static func bn254(_ address: UInt8, _ name: String) -> Precompile {
        Precompile(address: address, name: name,
                   gas: { BN254Precompiles.gas(address: address, inputLength: $0.count) ?? .max },
                   run: { (input: [UInt8]) throws(PrecompileError) -> [UInt8] in try runBN254(address, input) })
    }

    static func runBN254(_ address: UInt8, _ input: [UInt8]) throws(PrecompileError) -> [UInt8] {
        do throws(BN254PrecompileError) {
            return try BN254Precompiles.run(address: address, input: input)
        } catch {
            throw .bn254(error)
        }
    }
}
