/// One RLP value: a byte string or a list of values (Ethereum Yellow Paper, appendix B).
///
/// The tree form is for tests, tools and small structures; hot decoders (transactions,
/// trie nodes) read fields in place with `RLPReader` instead of building a tree.
public enum RLPItem: Equatable, Hashable, Sendable {
    /// A byte string (an empty string encodes as `0x80`).
    case bytes([UInt8])
    /// A list of items (an empty list encodes as `0xc0`).
    case list([RLPItem])

    /// An unsigned integer as RLP does it: big-endian with no leading zero bytes; zero is the empty string.
    /// - Parameter value: the integer.
    /// - Returns: `.bytes` of its minimal big-endian form.
    public static func uint(_ value: UInt64) -> RLPItem {
        .bytes(RLP.minimalBigEndian(value))
    }

    /// The canonical encoding of this item.
    public var encoded: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(encodedLength)
        RLP.append(self, to: &out)
        return out
    }

    /// The number of bytes `encoded` produces, computed without encoding.
    public var encodedLength: Int {
        switch self {
        case let .bytes(b):
            if b.count == 1 && b[0] < 0x80 { return 1 }
            return RLP.headerLength(payloadLength: b.count) + b.count
        case let .list(items):
            var payload = 0
            for item in items { payload += item.encodedLength }
            return RLP.headerLength(payloadLength: payload) + payload
        }
    }

    /// Decodes exactly one item that must span the whole input.
    /// - Parameter encoded: canonical RLP.
    /// - Throws: `RLPError` for any non-canonical or truncated encoding, or trailing bytes.
    public init(decoding encoded: [UInt8]) throws(RLPError) {
        var reader = RLPReader(encoded)
        self = try reader.readItem()
        try reader.finish()
    }

    /// The payload of a byte string.
    /// - Throws: `RLPError.expectedBytes` (offset 0: a tree keeps no positions) for a list.
    public func bytesValue() throws(RLPError) -> [UInt8] {
        guard case let .bytes(b) = self else { throw .expectedBytes(offset: 0) }
        return b
    }

    /// The elements of a list.
    /// - Throws: `RLPError.expectedList` (offset 0) for a byte string.
    public func listValue() throws(RLPError) -> [RLPItem] {
        guard case let .list(l) = self else { throw .expectedList(offset: 0) }
        return l
    }

    /// The byte string read as a canonical unsigned integer of at most 64 bits.
    /// - Throws: `RLPError.leadingZeroInInteger`, `.integerOverflow` or `.expectedBytes` (offset 0).
    public func uint64Value() throws(RLPError) -> UInt64 {
        let b = try bytesValue()
        guard b.first != 0 else { throw .leadingZeroInInteger(offset: 0) }
        guard b.count <= 8 else { throw .integerOverflow(offset: 0) }
        var v: UInt64 = 0
        for x in b { v = v << 8 | UInt64(x) }
        return v
    }
}
