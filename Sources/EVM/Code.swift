import Keccak

/// Contract bytecode with its Keccak-256 hash and JUMPDEST analysis, shared by reference.
///
/// The bytes are copied into a buffer padded with 33 zero bytes so the interpreter can read
/// a PUSH32 immediate past the end without bounds checks (evmone's padded code). The valid
/// jump destinations are found once, skipping PUSH immediates (Yellow Paper §9.4.3).
public final class Code: @unchecked Sendable {
    // Immutable after init; the unchecked Sendable covers the raw buffers.
    /// The padded bytes: `count` code bytes then 33 zeros.
    @usableFromInline internal let _bytes: UnsafeMutablePointer<UInt8>
    /// One bit per code byte: set when the byte is a JUMPDEST opcode (not inside push data).
    @usableFromInline internal let _jumpdests: UnsafeMutablePointer<UInt64>
    /// Length without padding.
    public let count: Int
    /// keccak256 of the code.
    public let hash: UInt256

    /// The empty code (hash 0xc5d2…a470).
    public static let empty = Code([])

    /// keccak256 of the empty byte string.
    public static let emptyHash = UInt256(bigEndianAt: Keccak256.hash([UInt8]()))

    /// Analyses and hashes `bytes`.
    public init(_ bytes: [UInt8]) {
        count = bytes.count
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count + 33)
        buffer.initialize(repeating: 0, count: bytes.count + 33)
        bytes.withUnsafeBufferPointer { b in
            if let base = b.baseAddress { buffer.update(from: base, count: b.count) }
        }
        _bytes = buffer
        let words = (bytes.count + 64) / 64
        let jd = UnsafeMutablePointer<UInt64>.allocate(capacity: words)
        jd.initialize(repeating: 0, count: words)
        _jumpdests = jd
        var i = 0
        while i < bytes.count {
            let op = bytes[i]
            if op == 0x5b {
                jd[i >> 6] |= 1 << UInt64(i & 63)
            } else if op >= 0x60 && op <= 0x7f {
                i += Int(op) - 0x5f
            }
            i += 1
        }
        hash = UInt256(bigEndianAt: Keccak256.hash(bytes))
    }

    deinit {
        _bytes.deallocate()
        _jumpdests.deallocate()
    }

    /// True when there is no code.
    @inlinable public var isEmpty: Bool { count == 0 }

    /// The code bytes (a copy).
    public var bytes: [UInt8] { Array(UnsafeBufferPointer(start: _bytes, count: count)) }

    /// True when `pc` is a JUMPDEST outside push data.
    @inlinable @inline(__always)
    public func isJumpdest(_ pc: UInt64) -> Bool {
        pc < UInt64(count) && (_jumpdests[Int(pc >> 6)] >> (pc & 63)) & 1 != 0
    }
}
