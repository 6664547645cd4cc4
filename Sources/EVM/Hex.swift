/// Hex text as JSON-RPC writes it: `0x`-prefixed, lowercase.
///
/// Byte strings ("DATA") keep every byte; quantities ("QUANTITY") have no leading zeros
/// (`UInt256.hexString`). Parsing is strict: a DATA string must have an even number of digits.
public enum Hex {
    @usableFromInline static let digits: [UInt8] = Array("0123456789abcdef".utf8)

    /// `0x` followed by two lowercase digits per byte.
    /// - Parameter bytes: any bytes (empty gives `0x`).
    public static func encode<C: Collection<UInt8>>(_ bytes: C) -> String {
        var out = [UInt8]()
        out.reserveCapacity(2 + 2 * bytes.count)
        out.append(0x30); out.append(0x78)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A 32-byte hash word as `0x` + 64 digits.
    public static func encode(word: UInt256) -> String { encode(word.bigEndianBytes) }

    /// A quantity: `0x` + minimal digits (`0x0` for zero).
    public static func quantity(_ v: UInt64) -> String { "0x" + String(v, radix: 16) }

    /// Decodes `0x`-prefixed (or bare) hex with an even digit count.
    /// - Returns: nil for odd length or a non-hex character.
    public static func decode(_ text: String) -> [UInt8]? {
        var utf8 = Array(text.utf8)
        if utf8.count >= 2, utf8[0] == 0x30, utf8[1] == 0x78 || utf8[1] == 0x58 { utf8.removeFirst(2) }
        guard utf8.count % 2 == 0 else { return nil }
        var out = [UInt8]()
        out.reserveCapacity(utf8.count / 2)
        var i = 0
        while i < utf8.count {
            guard let hi = nibble(utf8[i]), let lo = nibble(utf8[i + 1]) else { return nil }
            out.append(hi << 4 | lo)
            i += 2
        }
        return out
    }

    /// Parses a JSON-RPC quantity (`0x`-prefixed hex, at most 64 bits).
    public static func decodeUInt64(_ text: String) -> UInt64? {
        guard text.hasPrefix("0x") || text.hasPrefix("0X") else { return nil }
        let digits = text.dropFirst(2)
        guard !digits.isEmpty, digits.count <= 16 else { return nil }
        return UInt64(digits, radix: 16)
    }

    /// The value of one hex digit (either case), nil for any other character.
    @inline(__always)
    public static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x61...0x66: return c - 0x61 + 10
        case 0x41...0x46: return c - 0x41 + 10
        default: return nil
        }
    }
}
