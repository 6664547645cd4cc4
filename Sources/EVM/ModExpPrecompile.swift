import CGMP

/// Precompile 0x05: modular exponentiation (EIP-198), priced by EIP-2565.
///
/// Input: baseLen ‖ expLen ‖ modLen (32-byte big-endian words) ‖ base ‖ exp ‖ mod,
/// where missing input bytes read as zero. Output: base^exp mod mod, left-padded
/// to modLen bytes (all zeros when mod is 0). The lengths are attacker-chosen
/// 256-bit values, so `gas` works from the header and the exponent's first 32
/// bytes only, with saturating arithmetic (u64 max when unpayable), and `run`
/// refuses operand sizes that no gas limit could pay before allocating. When the
/// modulus is zero (in particular when it lies past the end of the input) the
/// answer is zeros without reading base or exponent, so the exponent that is
/// read always lies inside the input. Arithmetic is libgmp's `mpz_powm`.
public enum ModExpPrecompile {
    /// Largest base or modulus `run` accepts: 2^24 bytes costs over 10^12 gas under either formula.
    public static let maxOperandLength: UInt64 = 1 << 24

    /// The three length words; nil where a length does not fit in 64 bits.
    struct Header {
        var baseLength: UInt64?
        var exponentLength: UInt64?
        var modulusLength: UInt64?

        init(_ input: [UInt8]) {
            func word(_ index: Int) -> UInt64? {
                let start = 32 * index
                var v: UInt64 = 0
                for i in 0..<32 {
                    let b = start + i < input.count ? input[start + i] : 0
                    if i < 24 { if b != 0 { return nil } } else { v = v << 8 | UInt64(b) }
                }
                return v
            }
            baseLength = word(0); exponentLength = word(1); modulusLength = word(2)
        }
    }

    /// Bytes `[96 + start, 96 + start + count)` of the input, zero-filled past its end.
    static func data(_ input: [UInt8], start: UInt64, count: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        let available = UInt64(max(input.count - 96, 0))
        guard start < available else { return out }
        let from = 96 + Int(start)
        let n = min(count, input.count - from)
        for i in 0..<n { out[i] = input[from + i] }
        return out
    }

    /// EIP-2565's adjusted exponent length: 8·(expLen − 32) + ⌊log2 of the exponent's first 32 bytes⌋
    /// (or just the latter for short exponents); nil when it does not fit in 64 bits.
    static func adjustedExponentLength(_ input: [UInt8], _ h: Header) -> UInt64? {
        guard let e = h.exponentLength else { return nil }
        var headBits = 0
        if let b = h.baseLength, UInt64(max(input.count - 96, 0)) > b {
            let head = data(input, start: b, count: Int(min(e, 32)))
            if let i = head.firstIndex(where: { $0 != 0 }) {
                headBits = (head.count - i) * 8 - head[i].leadingZeroBitCount
            }
        }
        let msb = UInt64(max(headBits - 1, 0))
        guard e > 32 else { return msb }
        let (scaled, o1) = (e - 32).multipliedReportingOverflow(by: 8)
        let (sum, o2) = scaled.addingReportingOverflow(msb)
        return o1 || o2 ? nil : sum
    }

    /// EIP-2565 gas: max(200, ⌊⌈max(baseLen, modLen)/8⌉² · max(adjExpLen, 1) / 3⌋), saturating at u64 max.
    public static func gas(input: [UInt8]) -> UInt64 {
        let h = Header(input)
        if h.baseLength == 0 && h.modulusLength == 0 { return 200 }
        guard let b = h.baseLength, let m = h.modulusLength, let adj = adjustedExponentLength(input, h) else {
            return .max
        }
        let maxLength = max(b, m)
        let words = UInt128(maxLength / 8 + (maxLength % 8 == 0 ? 0 : 1))
        let (product, overflow) = (words * words).multipliedReportingOverflow(by: UInt128(max(adj, 1)))
        guard !overflow else { return .max }
        let g = product / 3
        guard g <= UInt128(UInt64.max) else { return .max }
        return max(200, UInt64(g))
    }

    /// EIP-198 gas (Byzantium to Berlin): ⌊mult_complexity(max(baseLen, modLen)) · max(adjExpLen, 1) / 20⌋.
    /// Kept for the go-ethereum `modexp.json` vectors, which are priced this way.
    public static func gasEIP198(input: [UInt8]) -> UInt64 {
        let h = Header(input)
        if h.baseLength == 0 && h.modulusLength == 0 { return 0 }
        guard let b = h.baseLength, let m = h.modulusLength, let adj = adjustedExponentLength(input, h) else {
            return .max
        }
        let x = UInt128(max(b, m))
        let complexity: UInt128
        if x <= 64 {
            complexity = x * x
        } else if x <= 1024 {
            complexity = x * x / 4 + 96 * x - 3072
        } else {
            complexity = x * x / 16 + 480 * x - 199_680
        }
        let (product, overflow) = complexity.multipliedReportingOverflow(by: UInt128(max(adj, 1)))
        guard !overflow else { return .max }
        let g = product / 20
        return g <= UInt128(UInt64.max) ? UInt64(g) : .max
    }

    /// Computes base^exp mod mod.
    /// - Throws: `.outOfGas` when the base or modulus length does not fit in 64 bits or is
    ///   longer than `maxOperandLength` (no gas limit pays for those; callers charge `gas` first).
    public static func run(input: [UInt8]) throws(PrecompileError) -> [UInt8] {
        let h = Header(input)
        guard let b = h.baseLength, let m = h.modulusLength, b <= maxOperandLength, m <= maxOperandLength else {
            throw .outOfGas
        }
        // An exponent length past 2^64 puts the modulus past the input: it reads as zero.
        let e = h.exponentLength ?? .max
        if b == 0 && m == 0 { return [] }
        let modulus = data(input, start: b + min(e, UInt64.max - b), count: Int(m))
        guard modulus.contains(where: { $0 != 0 }) else { return [UInt8](repeating: 0, count: Int(m)) }
        // A non-zero modulus lies inside the input, so the exponent before it does too:
        // every operand read below is bounded by the input size.
        let base = data(input, start: 0, count: Int(b))
        let exponent = data(input, start: b, count: Int(e))

        var zb = mpz_t(), ze = mpz_t(), zm = mpz_t(), zr = mpz_t()
        __gmpz_init(&zb); __gmpz_init(&ze); __gmpz_init(&zm); __gmpz_init(&zr)
        defer { __gmpz_clear(&zb); __gmpz_clear(&ze); __gmpz_clear(&zm); __gmpz_clear(&zr) }
        importBytes(&zb, base); importBytes(&ze, exponent); importBytes(&zm, modulus)
        __gmpz_powm(&zr, &zb, &ze, &zm)
        return exportBytes(&zr, width: Int(m))
    }

    static func importBytes(_ z: UnsafeMutablePointer<__mpz_struct>, _ bytes: [UInt8]) {
        guard !bytes.isEmpty else { __gmpz_set_ui(z, 0); return }
        bytes.withUnsafeBufferPointer { __gmpz_import(z, $0.count, 1, 1, 1, 0, $0.baseAddress) }
    }

    static func exportBytes(_ z: UnsafeMutablePointer<__mpz_struct>, width: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: width)
        guard z.pointee._mp_size != 0 else { return out }
        let n = (Int(__gmpz_sizeinbase(z, 2)) + 7) / 8
        var written = 0
        out.withUnsafeMutableBufferPointer { buf in
            _ = __gmpz_export(buf.baseAddress! + (width - n), &written, 1, 1, 1, 0, z)
        }
        return out
    }
}
