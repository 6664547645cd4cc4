// Signing and sender recovery (secp256k1 over the signing hash; EIP-2 low s).

extension Transaction {
    /// Signs the transaction in place with RFC 6979 nonces and a low s.
    ///
    /// Legacy transactions with a chain id are signed under EIP-155; with `chainId == nil`
    /// they are unprotected. Typed transactions must carry a chain id.
    /// - Parameter privateKey: 32 bytes big-endian in [1, n).
    /// - Throws: `Secp256k1Error.invalidPrivateKey` or `.wrongLength`.
    public mutating func sign(privateKey: [UInt8]) throws(Secp256k1Error) {
        let sig = try Secp256k1.sign(hash: signingHash, privateKey: privateKey)
        signature = TransactionSignature(yParity: sig.v, r: UInt256(bigEndianBytes: sig.r) ?? .zero,
                                         s: UInt256(bigEndianBytes: sig.s) ?? .zero)
    }

    /// A signed copy (see `sign(privateKey:)`).
    public func signed(privateKey: [UInt8]) throws(Secp256k1Error) -> Transaction {
        var copy = self
        try copy.sign(privateKey: privateKey)
        return copy
    }

    /// Recovers the sender from the signature over `signingHash`.
    ///
    /// Applies the transaction rules of EIP-2: r and s in [1, n), s ≤ n/2, y-parity 0 or 1.
    /// It does not compare the chain id with any expected value (`validate(chainId:)` does).
    /// - Returns: the sender's address.
    /// - Throws: `.unsigned`, or `.invalidSignature` with the failed check.
    public func recoverSender() throws(TransactionValidationError) -> Address {
        guard let sig = signature else { throw .unsigned }
        let address: [UInt8]
        do throws(Secp256k1Error) {
            address = try Secp256k1.recoverAddress(hash: signingHash, r: sig.r.bigEndianBytes, s: sig.s.bigEndianBytes,
                                                   recoveryId: sig.yParity, requireLowS: true)
        } catch {
            throw .invalidSignature(error)
        }
        guard let sender = Address(bytes: address) else { preconditionFailure("recovered address is 20 bytes") }
        return sender
    }
}
