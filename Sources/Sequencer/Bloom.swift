import EVM
import Keccak

/// The 2048-bit log bloom filter of receipts and block headers (Yellow Paper §4.3.1, M3:2048).
///
/// Each log adds its address and every topic: three 11-bit indices from the first six bytes of
/// the item's Keccak-256 set one bit each; bit i lives in byte 255 − i/8 (big-endian bit order).
public struct Bloom: Sendable, Equatable, Hashable {
    /// The 256 bytes.
    public private(set) var bytes: [UInt8]

    /// The empty filter.
    public init() { bytes = [UInt8](repeating: 0, count: 256) }

    /// A filter from its 256 bytes; nil for another length.
    public init?(bytes: [UInt8]) {
        guard bytes.count == 256 else { return nil }
        self.bytes = bytes
    }

    /// Adds raw bytes (an address's 20 bytes or a topic's 32).
    public mutating func add(_ item: [UInt8]) {
        let h = Keccak256.hash(item)
        for i in stride(from: 0, to: 6, by: 2) {
            let bit = (Int(h[i]) << 8 | Int(h[i + 1])) & 2047
            bytes[255 - bit / 8] |= UInt8(1) << UInt8(bit % 8)
        }
    }

    /// Adds a log's address and topics.
    public mutating func add(_ log: Log) {
        add(log.address.bytes)
        for t in log.topics { add(t.bigEndianBytes) }
    }

    /// ORs another filter in (a block's bloom is the OR of its receipts').
    public mutating func formUnion(_ other: Bloom) {
        for i in 0..<256 { bytes[i] |= other.bytes[i] }
    }

    /// Whether every bit `item` would set is set (may give false positives, never false negatives).
    public func mayContain(_ item: [UInt8]) -> Bool {
        var probe = Bloom()
        probe.add(item)
        for i in 0..<256 where probe.bytes[i] & bytes[i] != probe.bytes[i] { return false }
        return true
    }

    /// The filter of a list of logs.
    public init(logs: [Log]) {
        self.init()
        for l in logs { add(l) }
    }
}
