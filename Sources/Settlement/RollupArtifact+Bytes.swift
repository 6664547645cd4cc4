import EVM

extension RollupArtifact {
    /// The init code as bytes (decoded once).
    public static let initCode: [UInt8] = Hex.decode(initCodeHex)!
}
