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

    /// Asserts 0 ≤ x < 2^bits by decomposing x into little-endian bytes (`range8`).
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
        return decompose(&cs, x, bits: bits, limbBits: 8, table: .range8)
    }

    /// Asserts 0 ≤ x < 2^bits by 16-bit limbs (`range16`): half the rows of `checkBits`
    /// (a lookup and a Horner row per 16 bits instead of per 8), for circuits of at least
    /// 2¹⁶ rows. A circuit that uses only this check carries only the 65 536-row `range16`
    /// table, so it still fits 2¹⁶ rows. Sound for bits ≤ 252.
    /// - Returns: the limb variables, least significant first.
    @discardableResult
    public static func checkBits16(_ cs: inout ConstraintSystem, _ x: Variable, bits: Int) -> [Variable] {
        precondition(bits >= 1 && bits <= 252, "checkBits16 supports 1...252 bits")
        return decompose(&cs, x, bits: bits, limbBits: 16, table: .range16)
    }

    /// Limbs of `limbBits` looked up in `table` ([0, 2^limbBits)), a top limb of k < limbBits
    /// bits checked shifted by 2^(limbBits − k), and the Horner chain back to x.
    static func decompose(_ cs: inout ConstraintSystem, _ x: Variable, bits: Int, limbBits: Int,
                          table: LookupTable) -> [Variable] {
        let limbCount = (bits + limbBits - 1) / limbBits
        let l = cs.value(of: x).canonicalLimbs
        let words = [l.0, l.1, l.2, l.3]
        let perWord = 64 / limbBits, mask = (UInt64(1) << UInt64(limbBits)) - 1
        // A single limb is x itself; otherwise fresh limb variables.
        let limbs: [Variable] = limbCount == 1 ? [x] : (0..<limbCount).map { i in
            cs.alloc(Fr((words[i / perWord] >> (UInt64(limbBits) * UInt64(i % perWord))) & mask))
        }
        for v in limbs { _ = cs.lookup(table, a: v) }
        let topBits = bits - limbBits * (limbCount - 1)
        if topBits < limbBits {
            let top = limbs[limbCount - 1]
            _ = cs.lookup(table, a: cs.combine(top, Fr(UInt64(1) << UInt64(limbBits - topBits)), top, .zero))
        }
        guard limbCount > 1 else { return limbs }
        let radix = Fr(UInt64(1) << UInt64(limbBits))
        var acc = limbs[limbCount - 1]
        for i in stride(from: limbCount - 2, through: 1, by: -1) {
            acc = cs.combine(acc, radix, limbs[i], .one)
        }
        // Last Horner step writes x itself into wire c: radix·acc + limb₀ − x = 0.
        cs.addRow(a: acc, b: limbs[0], c: x, qL: radix, qR: .one, qO: -Fr.one)
        return limbs
    }
}
