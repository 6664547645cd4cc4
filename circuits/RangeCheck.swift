import BN254
import Plonk

/// Range checks by lookups into Plonk's built-in tables (log-derivative
/// argument: one lookup row per checked limb).
public enum RangeCheck {
    /// Asserts 0 ≤ x < 2⁸ (one lookup row into `LookupTable.range8`).
    public static func check8(_ cs: inout ConstraintSystem, _ x: Variable) {
        cs.lookup(.range8, a: x)
    }

    /// Asserts 0 ≤ x < 2¹⁶ (one lookup row into `LookupTable.range16`; the table
    /// has 65 536 rows, so the circuit size becomes at least 2¹⁶).
    public static func check16(_ cs: inout ConstraintSystem, _ x: Variable) {
        cs.lookup(.range16, a: x)
    }

    /// Asserts 0 ≤ x < 2^bits by decomposing x into little-endian bytes.
    ///
    /// Each byte is a new variable range-checked with `range8`; a top byte of
    /// k < 8 bits is checked as byte·2^(8−k) ∈ [0, 2⁸) (one extra row), which
    /// holds exactly when byte < 2^k. The bytes are recombined by a Horner
    /// chain acc ← 256·acc + byte (one arithmetic row per byte) whose last row
    /// has x itself in its output cell. A single byte is x itself. Sound for
    /// bits ≤ 248 (then Σ byteᵢ·256ⁱ < r cannot wrap around).
    /// - Returns: the byte variables, least significant first.
    @discardableResult
    public static func checkBits(_ cs: inout ConstraintSystem, _ x: Variable, bits: Int) -> [Variable] {
        precondition(bits >= 1 && bits <= 248, "checkBits supports 1...248 bits")
        let byteCount = (bits + 7) / 8
        let limbs = cs.value(of: x).canonicalLimbs
        let words = [limbs.0, limbs.1, limbs.2, limbs.3]
        // A single byte is x itself; otherwise fresh byte variables.
        let bytes: [Variable] = byteCount == 1 ? [x] : (0..<byteCount).map { i in
            cs.alloc(Fr((words[i / 8] >> (8 * UInt64(i % 8))) & 0xff))
        }
        for b in bytes { check8(&cs, b) }
        let topBits = bits - 8 * (byteCount - 1)
        if topBits < 8 {
            let shift = Fr(UInt64(1) << UInt64(8 - topBits))
            let top = bytes[byteCount - 1]
            let shifted = cs.combine(top, shift, top, .zero)
            check8(&cs, shifted)
        }
        guard byteCount > 1 else { return bytes }
        var acc = bytes[byteCount - 1]
        for i in stride(from: byteCount - 2, through: 1, by: -1) {
            acc = cs.combine(acc, Fr(256), bytes[i], .one)
        }
        // Last Horner step writes x itself into wire c: 256·acc + byte₀ − x = 0.
        cs.addRow(a: acc, b: bytes[0], c: x, qL: Fr(256), qR: .one, qO: -Fr.one)
        return bytes
    }
}
