// RLP for 256-bit integers, and header-only skipping (used by the transaction and trie decoders).

extension RLP {
    /// Appends a 256-bit unsigned integer: big-endian, no leading zeros, zero as the empty string.
    public static func appendUInt(_ value: UInt256, to out: inout [UInt8]) {
        if let small = value.exactUInt64 {
            appendUInt(small, to: &out)
        } else {
            appendBytes(value.minimalBigEndianBytes, to: &out)
        }
    }
}

extension RLPItem {
    /// A 256-bit unsigned integer as RLP does it (minimal big-endian; zero is the empty string).
    public static func uint256(_ value: UInt256) -> RLPItem { .bytes(value.minimalBigEndianBytes) }
}

extension RLPReader {
    /// Reads a canonical unsigned integer of at most 256 bits.
    /// - Throws: as `readUIntBytes(maxBytes: 32)`.
    public mutating func readUInt256() throws(RLPError) -> UInt256 {
        let b = try readUIntBytes(maxBytes: 32)
        return UInt256(bigEndianBytes: b) ?? .zero  // at most 32 bytes: never nil
    }

    /// Moves past the next item, checking only its own prefix (not nested items).
    /// - Throws: a prefix error.
    public mutating func skipItem() throws(RLPError) {
        _position = try peekHeader().payload.upperBound
    }

    /// The number of items left in this reader, counted by their prefixes only.
    /// - Throws: a prefix error.
    public func remainingItemCount() throws(RLPError) -> Int {
        var copy = self
        var n = 0
        while !copy.isAtEnd { try copy.skipItem(); n += 1 }
        return n
    }
}
