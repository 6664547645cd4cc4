/// An ECDSA signature over a transaction's signing hash.
///
/// For legacy transactions the on-wire `v` is derived from `yParity` and the
/// transaction's chain id (27/28 unprotected, chainId·2 + 35/36 under EIP-155);
/// typed transactions carry `yParity` itself.
public struct TransactionSignature: Equatable, Hashable, Sendable {
    /// The recovery id: 0 or 1 (decoding rejects anything else).
    public var yParity: UInt8
    /// r, in [1, n) for a valid signature.
    public var r: UInt256
    /// s, in [1, n/2] for a valid transaction signature (EIP-2).
    public var s: UInt256

    /// A signature from its parts, unchecked (validation happens at sender recovery).
    public init(yParity: UInt8, r: UInt256, s: UInt256) {
        self.yParity = yParity; self.r = r; self.s = s
    }
}
