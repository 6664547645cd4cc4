/// An affine G1 point in exactly 64 bytes (one cache line when aligned), for
/// MSM buckets and precomputed tables: y = 0 encodes infinity, which is
/// unambiguous because G1 has odd order and so no point with y = 0.
struct PackedG1Affine {
    var x: Fq
    var y: Fq

    @inline(__always)
    init(x: Fq, y: Fq) { self.x = x; self.y = y }

    @inline(__always)
    init(_ p: G1Affine) {
        self.x = p.x
        self.y = p.isInfinity ? .zero : p.y
    }

    @inline(__always)
    var isInfinity: Bool { y.isZero }

    /// Allocates `count` points aligned to 64 bytes, uninitialised.
    static func allocate(_ count: Int) -> UnsafeMutablePointer<PackedG1Affine> {
        UnsafeMutableRawPointer.allocate(byteCount: max(1, count) * MemoryLayout<PackedG1Affine>.stride, alignment: 64)
            .bindMemory(to: PackedG1Affine.self, capacity: count)
    }
}
