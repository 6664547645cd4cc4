extension G2Affine {
    /// Decodes the 128-byte G2 encoding of EIP-197 (the ecPairing precompile):
    /// x_imaginary ‖ x_real ‖ y_imaginary ‖ y_real, each 32 bytes big-endian,
    /// with x = x_real + x_imaginary·u. 128 zero bytes are the point at infinity.
    ///
    /// - Parameter bytes: exactly 128 bytes.
    /// - Throws: `BN254Error.wrongLength` for another length, `.notInField` if
    ///   a coordinate is ≥ p, `.notOnCurve` if the point is off the twist,
    ///   `.notInSubgroup` if it is on the twist but outside G2. The checks run
    ///   in that order.
    public init<Bytes: Collection>(eip197Bytes bytes: Bytes) throws(BN254Error) where Bytes.Element == UInt8 {
        let b = Array(bytes)
        guard b.count == 128 else { throw .wrongLength(expected: 128, got: b.count) }
        if b.allSatisfy({ $0 == 0 }) { self = .infinity; return }
        guard let xi = Fq(bigEndianBytes: b[0..<32]), let xr = Fq(bigEndianBytes: b[32..<64]),
              let yi = Fq(bigEndianBytes: b[64..<96]), let yr = Fq(bigEndianBytes: b[96..<128])
        else { throw .notInField }
        let p = G2Affine(x: Fq2(c0: xr, c1: xi), y: Fq2(c0: yr, c1: yi))
        guard p.isOnCurve else { throw .notOnCurve }
        guard p.isInSubgroup else { throw .notInSubgroup }
        self = p
    }

    /// The 128-byte EIP-197 encoding: x_imaginary ‖ x_real ‖ y_imaginary ‖
    /// y_real, each 32 bytes big-endian; 128 zero bytes for infinity.
    public var eip197Bytes: [UInt8] {
        if isInfinity { return [UInt8](repeating: 0, count: 128) }
        return x.c1.bigEndianBytes + x.c0.bigEndianBytes + y.c1.bigEndianBytes + y.c0.bigEndianBytes
    }
}
