import BN254

/// Placeholder until the NTT lands.
public enum PolynomialsModule {}
