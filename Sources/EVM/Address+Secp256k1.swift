extension Address {
    /// The address of a secp256k1 private key (last 20 bytes of Keccak-256 of the public key).
    /// - Parameter privateKey: 32 bytes big-endian in [1, n).
    /// - Throws: `Secp256k1Error.invalidPrivateKey` or `.wrongLength`.
    public init(privateKey: [UInt8]) throws(Secp256k1Error) {
        let bytes = try Secp256k1.address(privateKey: privateKey)
        guard let a = Address(bytes: bytes) else { preconditionFailure("an address is 20 bytes") }
        self = a
    }
}
