import BN254
import Parallel
import Polynomials

/// `ntt`, `ntt.inverse`, `ntt.coset`: in-place transforms over a domain of
/// 2¹⁶ and 2²⁰ elements, natural order in and out, twiddle tables built before
/// timing. Each run transforms the previous run's output (the cost does not
/// depend on the values).
enum NTTBenchmarks {
    static let sizes = [1 << 16, 1 << 20]

    static var all: [Benchmark] {
        sizes.flatMap { n in
            [
                transform("ntt", size: n) { d, v in d.forwardNTT(v) },
                transform("ntt.inverse", size: n) { d, v in d.inverseNTT(v) },
                transform("ntt.coset", size: n) { d, v in d.cosetForwardNTT(v) },
                transform("ntt.bitrev-out", size: n) { d, v in d.forwardNTT(v, outputOrder: .bitReversed) },
                transform("ntt.permute", size: n) { _, v in Domain.bitReverse(v) },
            ]
        }
    }

    /// A benchmark of `body` on n seeded-random elements.
    static func transform(_ name: String, size n: Int,
                          _ body: @escaping @Sendable (Domain, UnsafeMutableBufferPointer<Fr>) -> Void) -> Benchmark {
        Benchmark(name: name, size: n, unit: "ms", runs: n >= 1 << 20 ? 5 : 10) {
            let domain = Domain(size: n)!
            let input = NTTInput(count: n)
            // Builds the twiddle tables outside the timed runs.
            body(domain, input.values.buffer)
            return {
                body(domain, input.values.buffer)
                return input.values[1].montgomeryLimbs.0
            }
        }
    }
}

/// A benchmark's input buffer, freed when the timed closure is released.
final class NTTInput: Sendable {
    let values: SendableBuffer<Fr>

    init(count: Int) {
        let buffer = UnsafeMutableBufferPointer<Fr>.allocate(capacity: count)
        // Cheap deterministic inputs (a transform's cost does not depend on them).
        var x: UInt64 = 0x9E37_79B9_7F4A_7C15
        for i in 0..<count {
            x = x &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            buffer.initializeElement(at: i, to: Fr(x))
        }
        values = SendableBuffer(buffer)
    }

    deinit { values.buffer.deallocate() }
}
