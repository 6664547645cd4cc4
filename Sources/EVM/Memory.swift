/// A call frame's byte-addressed memory, grown in 32-byte words and zero-filled.
///
/// A raw growable buffer owned by the interpreter and reused across frames at the same
/// depth, so a call does not allocate once the pool is warm.
public final class Memory {
    /// The bytes; valid for `size` bytes.
    @usableFromInline internal var _base: UnsafeMutableRawPointer
    /// Current size in bytes (a multiple of 32).
    @usableFromInline internal var _size: Int
    /// Allocated bytes.
    @usableFromInline internal var _capacity: Int

    /// An empty memory.
    public init() {
        _capacity = 4096
        _base = .allocate(byteCount: _capacity, alignment: 16)
        _size = 0
    }

    deinit { _base.deallocate() }

    /// The size in bytes (MSIZE).
    @inlinable public var size: Int { _size }

    /// Grows to `newSize` bytes (a multiple of 32), zero-filling the new part.
    @usableFromInline
    internal func _grow(to newSize: Int) {
        if newSize > _capacity {
            var cap = _capacity * 2
            while cap < newSize { cap *= 2 }
            let nb = UnsafeMutableRawPointer.allocate(byteCount: cap, alignment: 16)
            nb.copyMemory(from: _base, byteCount: _size)
            _base.deallocate()
            _base = nb
            _capacity = cap
        }
        (_base + _size).initializeMemory(as: UInt8.self, repeating: 0, count: newSize - _size)
        _size = newSize
    }

    /// Empties the memory, keeping the allocation.
    @inlinable public func reset() { _size = 0 }

    /// A copy of `count` bytes at `offset` (must be within `size`).
    @inlinable
    public func bytes(_ offset: Int, _ count: Int) -> [UInt8] {
        if count == 0 { return [] }
        return Array(UnsafeRawBufferPointer(start: _base + offset, count: count))
    }

    /// Copies `src[srcOffset..<srcOffset+count]` to `offset`, zero-filling past the end of `src`
    /// (CALLDATACOPY, CODECOPY, EXTCODECOPY semantics). The destination must be within `size`.
    @inlinable
    public func copy(to offset: Int, from src: UnsafeRawBufferPointer, srcOffset: UInt256, count: Int) {
        if count == 0 { return }
        let dst = _base + offset
        var n = 0
        if let so = srcOffset.exactUInt64, so < UInt64(src.count) {
            n = Swift.min(count, src.count - Int(so))
            dst.copyMemory(from: src.baseAddress! + Int(so), byteCount: n)
        }
        if n < count { (dst + n).initializeMemory(as: UInt8.self, repeating: 0, count: count - n) }
    }
}
