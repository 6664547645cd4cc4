import Plonk

/// The custom gates a verifier must know to decode verification keys of the
/// project's circuits. A VK names its gates; decoding looks them up here, so a
/// key that names an unknown gate is rejected instead of silently mis-verified.
public enum CircuitGates {
    /// Every custom gate defined in `circuits/`.
    public static let all: [any CustomGate] = [PoseidonGate()]
}
