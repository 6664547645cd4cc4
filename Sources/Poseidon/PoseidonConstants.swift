import BN254

/// Namespace of the generated constant tables (PoseidonConstants+Generated.swift,
/// written by scripts/gen-poseidon-constants.py).
enum PoseidonConstants {
    /// Field elements from canonical limbs, four per element (the generator
    /// emits only values below r, so the conversion cannot fail).
    static func elements(_ limbs: [UInt64]) -> [Fr] {
        stride(from: 0, to: limbs.count, by: 4).map { i in
            Fr(reducing: (limbs[i], limbs[i + 1], limbs[i + 2], limbs[i + 3]))
        }
    }
}
