/// Keccak-256 as Ethereum uses it: the original Keccak padding (`0x01 … 0x80`),
/// not the FIPS 202 SHA3-256 padding (`0x06 … 0x80`).
///
/// Lives in its own dependency-free library because both the EVM (SHA3, addresses,
/// trie nodes) and the Plonk Fiat–Shamir transcript hash with it, and neither may
/// depend on the other.
public struct Keccak256: Sendable {
    /// Bytes absorbed per permutation: 1600 − 2·256 bits.
    public static let rate = 136

    @usableFromInline var _state: [UInt64]
    @usableFromInline var _buffered: Int

    /// An empty hasher.
    @inlinable
    public init() {
        _state = [UInt64](repeating: 0, count: 25)
        _buffered = 0
    }

    /// Absorbs `bytes`; may be called any number of times before `finalize()`.
    @inlinable
    public mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        let done: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            update(UnsafeRawBufferPointer(buffer))
        }
        if done == nil {
            let copy = Array(bytes)
            copy.withUnsafeBytes { update($0) }
        }
    }

    /// Absorbs the bytes of `buffer`.
    @inlinable
    public mutating func update(_ buffer: UnsafeRawBufferPointer) {
        var buffered = _buffered
        _state.withUnsafeMutableBufferPointer { lanes in
            let state = lanes.baseAddress!
            buffered = Keccak256.absorb(buffer, into: state, buffered: buffered)
        }
        _buffered = buffered
    }

    /// Pads, squeezes and returns the 32-byte digest. The hasher must not be reused.
    @inlinable
    public mutating func finalize() -> [UInt8] {
        let buffered = _buffered
        return _state.withUnsafeMutableBufferPointer { lanes in
            Keccak256.padAndSqueeze(lanes.baseAddress!, buffered: buffered)
        }
    }

    /// The Keccak-256 digest of `bytes`.
    @inlinable
    public static func hash<Bytes: Sequence>(_ bytes: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
        if let digest = bytes.withContiguousStorageIfAvailable({ hash(UnsafeRawBufferPointer($0)) }) {
            return digest
        }
        return Array(bytes).withUnsafeBytes { hash($0) }
    }

    /// The Keccak-256 digest of the bytes in `buffer`, without heap allocation for the state.
    @inlinable
    public static func hash(_ buffer: UnsafeRawBufferPointer) -> [UInt8] {
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 25) { lanes in
            let state = lanes.baseAddress!
            state.initialize(repeating: 0, count: 25)
            let buffered = absorb(buffer, into: state, buffered: 0)
            return padAndSqueeze(state, buffered: buffered)
        }
    }

    /// Writes the Keccak-256 digest of `buffer` to the 32 bytes at `digest`, without any heap
    /// allocation (the EVM's KECCAK256 opcode hashes memory into a stack word this way).
    @inlinable
    public static func hash(_ buffer: UnsafeRawBufferPointer, into digest: UnsafeMutableRawPointer) {
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 25) { lanes in
            let state = lanes.baseAddress!
            state.initialize(repeating: 0, count: 25)
            let buffered = absorb(buffer, into: state, buffered: 0)
            pad(state, buffered: buffered)
            for lane in 0..<4 {
                digest.storeBytes(of: state[lane].littleEndian, toByteOffset: lane * 8, as: UInt64.self)
            }
        }
    }

    /// Applies the Keccak padding to the current block and permutes.
    @inlinable
    static func pad(_ state: UnsafeMutablePointer<UInt64>, buffered: Int) {
        let bytes = UnsafeMutableRawPointer(state)
        let first = bytes.advanced(by: laneByteOffset(buffered))
        first.storeBytes(of: first.load(as: UInt8.self) ^ 0x01, as: UInt8.self)
        let last = bytes.advanced(by: laneByteOffset(rate - 1))
        last.storeBytes(of: last.load(as: UInt8.self) ^ 0x80, as: UInt8.self)
        KeccakF1600.permute(state)
    }

    /// XORs `input` into the rate part of `state`, permuting at every full block.
    /// `buffered` is how many bytes of the current block were already absorbed.
    @inlinable
    static func absorb(_ input: UnsafeRawBufferPointer, into state: UnsafeMutablePointer<UInt64>, buffered: Int) -> Int {
        var position = buffered
        var offset = 0
        let count = input.count
        let bytes = UnsafeMutableRawPointer(state)
        // Whole aligned lanes when the block position allows it.
        while offset < count {
            if position == 0 && count - offset >= rate {
                for lane in 0..<(rate / 8) {
                    let word = input.loadUnaligned(fromByteOffset: offset + lane * 8, as: UInt64.self)
                    state[lane] ^= UInt64(littleEndian: word)
                }
                offset += rate
                KeccakF1600.permute(state)
                continue
            }
            if position & 7 == 0 && count - offset >= 8 { // a whole lane inside a partial block
                let word = input.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                state[position >> 3] ^= UInt64(littleEndian: word)
                offset += 8
                position += 8
                if position == rate {
                    KeccakF1600.permute(state)
                    position = 0
                }
                continue
            }
            let byte = input[offset]
            let target = bytes.advanced(by: laneByteOffset(position))
            target.storeBytes(of: target.load(as: UInt8.self) ^ byte, as: UInt8.self)
            offset += 1
            position += 1
            if position == rate {
                KeccakF1600.permute(state)
                position = 0
            }
        }
        return position
    }

    /// Byte `position` of the little-endian lane sequence, as an offset into host memory.
    @inlinable @inline(__always)
    static func laneByteOffset(_ position: Int) -> Int {
        #if _endian(little)
        return position
        #else
        return (position & ~7) + (7 - (position & 7))
        #endif
    }

    @inlinable
    static func padAndSqueeze(_ state: UnsafeMutablePointer<UInt64>, buffered: Int) -> [UInt8] {
        pad(state, buffered: buffered)
        var digest = [UInt8](repeating: 0, count: 32)
        for lane in 0..<4 {
            let word = state[lane].littleEndian
            withUnsafeBytes(of: word) { raw in
                for i in 0..<8 { digest[lane * 8 + i] = raw[i] }
            }
        }
        return digest
    }
}
