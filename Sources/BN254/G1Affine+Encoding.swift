/// The 64-byte encoding of the EIP-196 precompiles (ECADD, ECMUL) and of the
/// pairing input: x‖y, each coordinate 32 bytes big-endian and canonical;
/// the point at infinity is 64 zero bytes.
extension G1Affine {
    /// Reads a point in the precompile format and validates it.
    /// - Parameter bytes: exactly 64 bytes, x‖y big-endian; all zeros is infinity.
    /// - Throws: `BN254Error.wrongLength` for a length other than 64,
    ///   `.notInField` when a coordinate is ≥ p, `.notOnCurve` when (x, y)
    ///   is not on y² = x³ + 3. (G1 has cofactor 1: on the curve means in G1.)
    public init<Bytes: Collection>(precompileBytes bytes: Bytes) throws(BN254Error) where Bytes.Element == UInt8 {
        let b = Array(bytes)
        guard b.count == 64 else { throw .wrongLength(expected: 64, got: b.count) }
        guard let x = Fq(bigEndianBytes: b[0..<32]), let y = Fq(bigEndianBytes: b[32..<64]) else {
            throw .notInField
        }
        if x.isZero && y.isZero { self = .infinity; return }
        let p = G1Affine(x: x, y: y)
        guard p.isOnCurve else { throw .notOnCurve }
        self = p
    }

    /// The precompile encoding: x‖y as 32-byte big-endian each; infinity is 64 zero bytes.
    public var precompileBytes: [UInt8] {
        if isInfinity { return [UInt8](repeating: 0, count: 64) }
        return x.bigEndianBytes + y.bigEndianBytes
    }
}
