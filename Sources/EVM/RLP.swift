/// Recursive Length Prefix encoding helpers (Ethereum Yellow Paper, appendix B).
///
/// Encoding is total; decoding lives in `RLPReader`, which rejects every
/// non-canonical form go-ethereum rejects.
public enum RLP {
    /// Encodes a byte string (single bytes below 0x80 stand for themselves).
    /// - Parameter bytes: the payload.
    /// - Returns: its canonical RLP.
    public static func encode(bytes: [UInt8]) -> [UInt8] {
        RLPItem.bytes(bytes).encoded
    }

    /// Wraps already-encoded items (concatenated) in a list header.
    /// - Parameter payload: the concatenation of the encodings of the list's elements.
    /// - Returns: the list's canonical RLP.
    public static func encodeList(payload: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(headerLength(payloadLength: payload.count) + payload.count)
        appendHeader(payloadLength: payload.count, offset: 0xc0, to: &out)
        out.append(contentsOf: payload)
        return out
    }

    /// `value` big-endian without leading zero bytes (zero gives an empty array).
    public static func minimalBigEndian(_ value: UInt64) -> [UInt8] {
        guard value != 0 else { return [] }
        let n = (64 - value.leadingZeroBitCount + 7) / 8
        var out = [UInt8](repeating: 0, count: n)
        for i in 0..<n { out[n - 1 - i] = UInt8(truncatingIfNeeded: value >> (8 * UInt64(i))) }
        return out
    }

    /// Size of the prefix for a payload of `payloadLength` bytes (not for a single byte < 0x80).
    public static func headerLength(payloadLength: Int) -> Int {
        payloadLength < 56 ? 1 : 1 + (64 - UInt64(payloadLength).leadingZeroBitCount + 7) / 8
    }

    /// Appends the prefix of a string (`offset` 0x80) or list (`offset` 0xc0) with the given payload size.
    public static func appendHeader(payloadLength: Int, offset: UInt8, to out: inout [UInt8]) {
        if payloadLength < 56 {
            out.append(offset + UInt8(payloadLength))
        } else {
            let len = minimalBigEndian(UInt64(payloadLength))
            out.append(offset + 55 + UInt8(len.count))
            out.append(contentsOf: len)
        }
    }

    /// Appends the canonical encoding of a byte string.
    public static func appendBytes<C: Collection<UInt8>>(_ bytes: C, to out: inout [UInt8]) {
        if bytes.count == 1, let b = bytes.first, b < 0x80 {
            out.append(b)
        } else {
            appendHeader(payloadLength: bytes.count, offset: 0x80, to: &out)
            out.append(contentsOf: bytes)
        }
    }

    /// Appends the canonical encoding of an unsigned integer.
    public static func appendUInt(_ value: UInt64, to out: inout [UInt8]) {
        if value != 0 && value < 0x80 {
            out.append(UInt8(value))
        } else {
            appendBytes(minimalBigEndian(value), to: &out)
        }
    }

    /// Appends the canonical encoding of an item tree.
    public static func append(_ item: RLPItem, to out: inout [UInt8]) {
        switch item {
        case let .bytes(b):
            appendBytes(b, to: &out)
        case let .list(items):
            var payload = 0
            for i in items { payload += i.encodedLength }
            appendHeader(payloadLength: payload, offset: 0xc0, to: &out)
            for i in items { append(i, to: &out) }
        }
    }
}
