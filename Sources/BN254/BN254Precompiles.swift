/// The BN254 precompiles of the EVM, byte for byte: ecAdd (0x06), ecMul (0x07)
/// and ecPairing (0x08) as EIP-196/197 define them, with EIP-1108 gas.
///
/// The EVM and the Plonk verifier both call these, so a proof the Swift
/// verifier accepts is one the settlement contract's precompile calls accept.
/// Input rules: ecAdd reads 128 bytes and ecMul 96 bytes, zero-padding a
/// shorter input on the right and ignoring bytes past that length; ecPairing
/// takes any multiple of 192 bytes (empty input: the empty product, true).
/// Every failure (a coordinate ≥ p, a point off the curve, a G2 point outside
/// the r-torsion subgroup, a pairing input length not a multiple of 192) is an
/// error, on which the EVM consumes all gas the call was given.
public enum BN254Precompiles {
    /// Address of ecAdd.
    public static let addAddress: UInt8 = 0x06
    /// Address of ecMul.
    public static let mulAddress: UInt8 = 0x07
    /// Address of ecPairing.
    public static let pairingAddress: UInt8 = 0x08

    /// ecAdd gas (EIP-1108).
    public static let addGas: UInt64 = 150
    /// ecMul gas (EIP-1108).
    public static let mulGas: UInt64 = 6000
    /// ecPairing base gas (EIP-1108).
    public static let pairingBaseGas: UInt64 = 45000
    /// ecPairing gas per (G1, G2) pair (EIP-1108).
    public static let pairingPerPairGas: UInt64 = 34000

    /// The gas a call to `address` with an input of `inputLength` bytes costs
    /// (charged before the input is checked), or nil if `address` is not one of
    /// the three. For ecPairing the charge uses ⌊length / 192⌋ pairs; a length
    /// that is not a multiple of 192 then fails in `run`.
    public static func gas(address: UInt8, inputLength: Int) -> UInt64? {
        switch address {
        case addAddress: return addGas
        case mulAddress: return mulGas
        case pairingAddress: return pairingBaseGas + pairingPerPairGas * UInt64(inputLength / 192)
        default: return nil
        }
    }

    /// Runs the precompile at `address` on `input`.
    /// - Returns: the 64-byte point (ecAdd, ecMul) or the 32-byte 0/1 word (ecPairing).
    /// - Throws: `BN254PrecompileError` naming the failed check.
    public static func run(address: UInt8, input: [UInt8]) throws(BN254PrecompileError) -> [UInt8] {
        switch address {
        case addAddress: return try ecAdd(input)
        case mulAddress: return try ecMul(input)
        case pairingAddress: return try ecPairing(input)
        default: throw .unknownAddress(address)
        }
    }

    /// ecAdd: the sum of two G1 points, each 64 bytes x‖y.
    public static func ecAdd(_ input: [UInt8]) throws(BN254PrecompileError) -> [UInt8] {
        let data = padded(input, to: 128)
        let a = try g1(data, at: 0, argument: 0)
        let b = try g1(data, at: 64, argument: 1)
        return (G1Projective(a) + G1Projective(b)).toAffine().precompileBytes
    }

    /// ecMul: a G1 point (64 bytes) times a 256-bit big-endian scalar (any
    /// value; the point has order r, so the scalar acts mod r).
    public static func ecMul(_ input: [UInt8]) throws(BN254PrecompileError) -> [UInt8] {
        let data = padded(input, to: 96)
        let p = try g1(data, at: 0, argument: 0)
        let k = Fr(reducingBigEndianBytes: data[64..<96])
        return (G1Projective(p) * k).toAffine().precompileBytes
    }

    /// ecPairing: 1 (as a 32-byte word) if ∏ e(P_i, Q_i) = 1 over the 192-byte
    /// (G1 ‖ G2) pairs, else 0.
    public static func ecPairing(_ input: [UInt8]) throws(BN254PrecompileError) -> [UInt8] {
        guard input.count % 192 == 0 else { throw .invalidInputLength(input.count) }
        var pairs: [(G1Affine, G2Affine)] = []
        pairs.reserveCapacity(input.count / 192)
        for i in 0..<(input.count / 192) {
            let p = try g1(input, at: 192 * i, argument: 2 * i)
            let q: G2Affine
            do { q = try G2Affine(eip197Bytes: input[(192 * i + 64)..<(192 * i + 192)]) } catch {
                throw .invalidPoint(argument: 2 * i + 1, error)
            }
            pairs.append((p, q))
        }
        var out = [UInt8](repeating: 0, count: 32)
        if Pairing.pairingCheck(pairs) { out[31] = 1 }
        return out
    }

    private static func padded(_ input: [UInt8], to n: Int) -> [UInt8] {
        if input.count >= n { return Array(input[0..<n]) }
        return input + [UInt8](repeating: 0, count: n - input.count)
    }

    private static func g1(_ data: [UInt8], at offset: Int, argument: Int) throws(BN254PrecompileError) -> G1Affine {
        do { return try G1Affine(precompileBytes: data[offset..<(offset + 64)]) } catch {
            throw .invalidPoint(argument: argument, error)
        }
    }
}

/// Why a BN254 precompile call failed; the EVM then consumes the call's gas.
public enum BN254PrecompileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// ecPairing input whose length is not a multiple of 192.
    case invalidInputLength(Int)
    /// Point number `argument` (0-based, in input order) failed decoding.
    case invalidPoint(argument: Int, BN254Error)
    /// Not 0x06, 0x07 or 0x08.
    case unknownAddress(UInt8)

    public var description: String {
        switch self {
        case let .invalidInputLength(n): return "invalid input length \(n): not a multiple of 192"
        case let .invalidPoint(i, e): return "invalid point at argument \(i): \(e)"
        case let .unknownAddress(a): return "no BN254 precompile at address \(a)"
        }
    }
}
