/// A strict, position-aware RLP decoder that reads items in place.
///
/// It rejects exactly what go-ethereum's `rlp` package rejects: a single byte
/// below 0x80 wrapped as a string, long-form sizes for short payloads, long
/// lengths with leading zeros, lengths that run past the input or past the
/// enclosing list, trailing bytes, and (for integers) leading zero bytes.
/// Errors carry the offset in the original input.
///
/// A reader over a list (from `readList()`) shares the input buffer and is
/// bounded by the list's payload; call `finish()` on it to reject extra elements.
public struct RLPReader: Sendable {
    @usableFromInline internal let _bytes: [UInt8]
    @usableFromInline internal var _position: Int
    @usableFromInline internal let _end: Int

    /// A reader over a whole buffer.
    public init(_ bytes: [UInt8]) {
        _bytes = bytes; _position = 0; _end = bytes.count
    }

    init(bytes: [UInt8], range: Range<Int>) {
        _bytes = bytes; _position = range.lowerBound; _end = range.upperBound
    }

    /// Offset of the next unread byte in the original input.
    public var offset: Int { _position }
    /// Whether every byte of this reader's range has been read.
    public var isAtEnd: Bool { _position >= _end }

    /// Throws unless the range is fully consumed.
    /// - Throws: `RLPError.trailingBytes` at the first unread byte.
    public func finish() throws(RLPError) {
        if _position < _end { throw .trailingBytes(offset: _position) }
    }

    /// The kind and payload range of the next item, without consuming it.
    /// - Returns: whether it is a list, and where its payload lies in the input.
    /// - Throws: `RLPError` for a malformed prefix.
    public func peekHeader() throws(RLPError) -> (isList: Bool, payload: Range<Int>) {
        let start = _position
        guard start < _end else { throw .unexpectedEnd(offset: start) }
        let b = _bytes[start]
        switch b {
        case 0x00...0x7f:
            return (false, start..<(start + 1))
        case 0x80...0xb7:
            let n = Int(b - 0x80)
            guard n <= _end - start - 1 else { throw .unexpectedEnd(offset: start) }
            if n == 1 && _bytes[start + 1] < 0x80 { throw .nonCanonicalSingleByte(offset: start) }
            return (false, (start + 1)..<(start + 1 + n))
        case 0xb8...0xbf:
            let payload = try longPayload(start: start, lengthOfLength: Int(b - 0xb7))
            return (false, payload)
        case 0xc0...0xf7:
            let n = Int(b - 0xc0)
            guard n <= _end - start - 1 else { throw .unexpectedEnd(offset: start) }
            return (true, (start + 1)..<(start + 1 + n))
        default:
            let payload = try longPayload(start: start, lengthOfLength: Int(b - 0xf7))
            return (true, payload)
        }
    }

    private func longPayload(start: Int, lengthOfLength: Int) throws(RLPError) -> Range<Int> {
        guard lengthOfLength <= _end - start - 1 else { throw .unexpectedEnd(offset: start) }
        guard _bytes[start + 1] != 0 else { throw .leadingZeroInLength(offset: start + 1) }
        // 8 length bytes can exceed Int.max; anything above the input size fails anyway.
        guard lengthOfLength <= 7 || _bytes[start + 1] < 0x80 else { throw .lengthOverflow(offset: start + 1) }
        var n = 0
        for i in 0..<lengthOfLength { n = n << 8 | Int(_bytes[start + 1 + i]) }
        guard n >= 56 else { throw .nonCanonicalLength(offset: start) }
        let payloadStart = start + 1 + lengthOfLength
        guard n <= _end - payloadStart else { throw .unexpectedEnd(offset: start) }
        return payloadStart..<(payloadStart + n)
    }

    /// Reads a byte string's payload.
    /// - Throws: `RLPError.expectedBytes` for a list, or a prefix error.
    public mutating func readBytes() throws(RLPError) -> ArraySlice<UInt8> {
        let start = _position
        let (isList, payload) = try peekHeader()
        if isList { throw .expectedBytes(offset: start) }
        _position = payload.upperBound
        return _bytes[payload]
    }

    /// Reads a byte string of exactly `count` bytes (an address, a hash).
    /// - Throws: `RLPError.wrongLength` or a `readBytes` error.
    public mutating func readFixedBytes(count: Int) throws(RLPError) -> [UInt8] {
        let start = _position
        let b = try readBytes()
        guard b.count == count else { throw .wrongLength(offset: start, expected: count, got: b.count) }
        return Array(b)
    }

    /// Reads a canonical unsigned integer of at most `maxBytes` bytes, as its big-endian payload.
    ///
    /// Zero is the empty payload; the byte `0x00` and leading zeros are rejected (geth `ErrCanonInt`).
    /// - Throws: `RLPError.leadingZeroInInteger`, `.integerOverflow`, or a `readBytes` error.
    public mutating func readUIntBytes(maxBytes: Int) throws(RLPError) -> ArraySlice<UInt8> {
        let start = _position
        let b = try readBytes()
        if let first = b.first, first == 0 { throw .leadingZeroInInteger(offset: start) }
        guard b.count <= maxBytes else { throw .integerOverflow(offset: start) }
        return b
    }

    /// Reads a canonical unsigned integer of at most 64 bits.
    /// - Throws: as `readUIntBytes(maxBytes: 8)`.
    public mutating func readUInt64() throws(RLPError) -> UInt64 {
        let b = try readUIntBytes(maxBytes: 8)
        var v: UInt64 = 0
        for x in b { v = v << 8 | UInt64(x) }
        return v
    }

    /// Enters a list: returns a reader over its payload and moves past it.
    /// - Throws: `RLPError.expectedList` for a byte string, or a prefix error.
    public mutating func readList() throws(RLPError) -> RLPReader {
        let start = _position
        let (isList, payload) = try peekHeader()
        if !isList { throw .expectedList(offset: start) }
        _position = payload.upperBound
        return RLPReader(bytes: _bytes, range: payload)
    }

    /// Reads the next item, any kind, and returns its raw encoding (prefix included).
    /// - Throws: a prefix error.
    public mutating func readRaw() throws(RLPError) -> ArraySlice<UInt8> {
        let start = _position
        let (isList, payload) = try peekHeader()
        if isList { _ = try validateList(payload) }
        _position = payload.upperBound
        return _bytes[start..<payload.upperBound]
    }

    private func validateList(_ payload: Range<Int>) throws(RLPError) -> RLPItem {
        var inner = RLPReader(bytes: _bytes, range: payload)
        var items: [RLPItem] = []
        while !inner.isAtEnd { items.append(try inner.readItem()) }
        return .list(items)
    }

    /// Reads the next item as a tree, checking every nested prefix.
    /// - Throws: the first `RLPError` found, depth first.
    public mutating func readItem() throws(RLPError) -> RLPItem {
        let (isList, payload) = try peekHeader()
        _position = payload.upperBound
        if isList { return try validateList(payload) }
        return .bytes(Array(_bytes[payload]))
    }
}
