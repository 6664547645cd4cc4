// Conversions between words and bytes, hex and decimal text.

extension UInt256 {
    /// The word of up to 32 big-endian bytes (shorter inputs are left-padded with zeros).
    /// - Returns: nil when there are more than 32 bytes.
    @inlinable
    public init?<Bytes: Collection>(bigEndianBytes bytes: Bytes) where Bytes.Element == UInt8 {
        if bytes.count > 32 { return nil }
        self = .zero
        var shift = 0
        for b in bytes.reversed() {
            self[limb: shift >> 6] |= UInt64(b) << UInt64(shift & 63)
            shift += 8
        }
    }

    /// Reads 32 big-endian bytes at `p` (no alignment needed).
    @inlinable @inline(__always)
    public init(bigEndianAt p: UnsafeRawPointer) {
        self.init(UInt64(bigEndian: p.loadUnaligned(fromByteOffset: 24, as: UInt64.self)),
                  UInt64(bigEndian: p.loadUnaligned(fromByteOffset: 16, as: UInt64.self)),
                  UInt64(bigEndian: p.loadUnaligned(fromByteOffset: 8, as: UInt64.self)),
                  UInt64(bigEndian: p.loadUnaligned(fromByteOffset: 0, as: UInt64.self)))
    }

    /// Reads the first 32 bytes of `bytes` as a big-endian word.
    /// - Precondition: `bytes.count >= 32`.
    @inlinable
    public init(bigEndianAt bytes: [UInt8]) {
        precondition(bytes.count >= 32)
        self = bytes.withUnsafeBytes { UInt256(bigEndianAt: $0.baseAddress!) }
    }

    /// Writes the word as 32 big-endian bytes at `p` (no alignment needed).
    @inlinable @inline(__always)
    public func storeBigEndian(to p: UnsafeMutableRawPointer) {
        p.storeBytes(of: _l3.bigEndian, toByteOffset: 0, as: UInt64.self)
        p.storeBytes(of: _l2.bigEndian, toByteOffset: 8, as: UInt64.self)
        p.storeBytes(of: _l1.bigEndian, toByteOffset: 16, as: UInt64.self)
        p.storeBytes(of: _l0.bigEndian, toByteOffset: 24, as: UInt64.self)
    }

    /// The 32-byte big-endian encoding.
    @inlinable
    public var bigEndianBytes: [UInt8] {
        [UInt8](unsafeUninitializedCapacity: 32) { buf, n in
            storeBigEndian(to: UnsafeMutableRawPointer(buf.baseAddress!))
            n = 32
        }
    }

    /// The big-endian encoding without leading zero bytes (empty for zero), as RLP wants integers.
    @inlinable
    public var minimalBigEndianBytes: [UInt8] { Array(bigEndianBytes.dropFirst(32 - byteWidth)) }

    /// Parses hex text with or without `0x`; the empty string and `0x` are zero.
    /// - Returns: nil for non-hex characters or a value over 256 bits.
    public init?(hex text: String) {
        var s = Substring(text)
        if s.hasPrefix("0x") || s.hasPrefix("0X") { s = s.dropFirst(2) }
        while s.first == "0" { s = s.dropFirst() }
        if s.count > 64 { return nil }
        self = .zero
        var shift = 0
        for c in s.utf8.reversed() {
            let d: UInt8
            switch c {
            case 0x30...0x39: d = c - 0x30
            case 0x61...0x66: d = c - 0x61 + 10
            case 0x41...0x46: d = c - 0x41 + 10
            default: return nil
            }
            self[limb: shift >> 6] |= UInt64(d) << UInt64(shift & 63)
            shift += 4
        }
    }

    /// Parses decimal digits.
    /// - Returns: nil for an empty string, a non-digit, or a value ≥ 2^256.
    public init?(decimal text: String) {
        if text.isEmpty { return nil }
        var v = UInt256.zero
        for c in text.utf8 {
            guard c >= 0x30 && c <= 0x39 else { return nil }
            let (hi, lo) = (v, UInt256(UInt64(c - 0x30)))
            // v*10 + d, rejecting overflow
            let times8 = hi.shiftedLeft(3), times2 = hi.shiftedLeft(1)
            if hi.bitWidth > 253 { return nil }
            let (s, o1) = times8.addingReportingOverflow(times2)
            let (t, o2) = s.addingReportingOverflow(lo)
            if o1 || o2 { return nil }
            v = t
        }
        self = v
    }

    /// Parses `0x`-prefixed hex or plain decimal (the state tests' and CLI's number forms).
    public init?(_ text: String) {
        if text.hasPrefix("0x") || text.hasPrefix("0X") { self.init(hex: text) } else { self.init(decimal: text) }
    }

    /// Minimal lowercase hex with `0x` (`0x0` for zero), as JSON-RPC quantities are written.
    public var hexString: String {
        if isZero { return "0x0" }
        var s = ""
        var started = false
        for i in stride(from: 3, through: 0, by: -1) {
            let limb = self[limb: i]
            if !started {
                if limb == 0 { continue }
                s = String(limb, radix: 16)
                started = true
            } else {
                let part = String(limb, radix: 16)
                s += String(repeating: "0", count: 16 - part.count) + part
            }
        }
        return "0x" + s
    }
}

extension UInt256: CustomStringConvertible {
    /// Decimal digits.
    public var description: String {
        if isZero { return "0" }
        var parts: [UInt64] = []
        var v = self
        let chunk = UInt256(10_000_000_000_000_000_000)
        while !v.isZero {
            let (q, r) = v.quotientAndRemainder(dividingBy: chunk)
            parts.append(r._l0)
            v = q
        }
        var s = String(parts.last!)
        for p in parts.dropLast().reversed() {
            let d = String(p)
            s += String(repeating: "0", count: 19 - d.count) + d
        }
        return s
    }
}
