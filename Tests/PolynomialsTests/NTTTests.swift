import BN254
import Parallel
import Polynomials
import Testing
import TestSupport

/// Seeded random field elements.
func randomElements(_ count: Int, seed: UInt64) -> [Fr] {
    var rng = SeededRNG(seed: seed)
    return (0..<count).map { _ in Fr.random(using: &rng) }
}

/// The O(n²) DFT: out[i] = Σⱼ a[j]·(shift·ωⁱ)ʲ, by Horner at each point.
func naiveEvaluations(_ a: [Fr], generator w: Fr, shift: Fr = .one) -> [Fr] {
    var out: [Fr] = []
    var x = shift
    for _ in 0..<a.count {
        var acc = Fr.zero
        for c in a.reversed() { acc = acc * x + c }
        out.append(acc)
        x *= w
    }
    return out
}

/// The first index where `a` and `b` differ (or the shorter count), nil when
/// equal: cheap to report, unlike a diff of two long arrays.
func firstDifference(_ a: [Fr], _ b: [Fr]) -> Int? {
    if let i = zip(a.indices, b.indices).first(where: { a[$0.0] != b[$0.1] })?.0 { return i }
    return a.count == b.count ? nil : min(a.count, b.count)
}

/// i with its `bits` low bits reversed.
func reversedIndex(_ i: Int, bits: Int) -> Int {
    var r = 0
    for b in 0..<bits where i & (1 << b) != 0 { r |= 1 << (bits - 1 - b) }
    return r
}

@Suite struct NTTTests {
    static let naiveSizes = [1, 2, 4, 8, 64, 256]
    /// Above `Domain.parallelThreshold` (2¹²) and the depth-first leaf size.
    static let largeSizes = [1 << 12, 1 << 13, 1 << 15]

    @Test(arguments: naiveSizes, [TwiddleStorage.precomputed, .onTheFly])
    func forwardMatchesNaiveDFT(size: Int, twiddles: TwiddleStorage) throws {
        let d = try #require(Domain(size: size, twiddles: twiddles))
        let a = randomElements(size, seed: UInt64(size))
        var v = a
        d.forwardNTT(&v)
        #expect(firstDifference(v, naiveEvaluations(a, generator: d.generator)) == nil)
    }

    @Test(arguments: naiveSizes)
    func forwardOfKnownInputs(size: Int) throws {
        let d = try #require(Domain(size: size))
        // The constant 1 evaluates to all ones; X to the domain elements.
        var one = [Fr](repeating: .zero, count: size)
        one[0] = .one
        d.forwardNTT(&one)
        #expect(firstDifference(one, [Fr](repeating: .one, count: size)) == nil)
        if size >= 2 {
            var x = [Fr](repeating: .zero, count: size)
            x[1] = .one
            d.forwardNTT(&x)
            #expect(firstDifference(x, d.elements) == nil)
        }
        // All ones is n·δ₀.
        var ones = [Fr](repeating: .one, count: size)
        d.forwardNTT(&ones)
        #expect(ones[0] == Fr(UInt64(size)))
        #expect(ones.dropFirst().allSatisfy { $0.isZero })
    }

    @Test(arguments: naiveSizes)
    func inverseMatchesNaive(size: Int) throws {
        let d = try #require(Domain(size: size))
        let a = randomElements(size, seed: 100 + UInt64(size))
        var v = a
        d.inverseNTT(&v)
        let expected = naiveEvaluations(a, generator: d.generatorInverse).map { $0 * d.sizeInverse }
        #expect(firstDifference(v, expected) == nil)
    }

    @Test(arguments: naiveSizes)
    func cosetMatchesNaive(size: Int) throws {
        let d = try #require(Domain(size: size))
        let a = randomElements(size, seed: 200 + UInt64(size))
        var v = a
        d.cosetForwardNTT(&v)
        #expect(firstDifference(v, naiveEvaluations(a, generator: d.generator, shift: d.cosetShift)) == nil)
        d.cosetInverseNTT(&v)
        #expect(firstDifference(v, a) == nil)
    }

    @Test(arguments: [1, 2, 4, 16, 256] + largeSizes + [1 << 17])
    func inverseUndoesForward(size: Int) throws {
        let d = try #require(Domain(size: size))
        let a = randomElements(size, seed: 300 + UInt64(size))
        var v = a
        d.forwardNTT(&v)
        d.inverseNTT(&v)
        #expect(firstDifference(v, a) == nil)
        d.cosetForwardNTT(&v)
        d.cosetInverseNTT(&v)
        #expect(firstDifference(v, a) == nil)
    }

    /// Above the threshold, the transform still agrees with the naive DFT at
    /// sampled outputs, on H and on g·H.
    @Test(arguments: largeSizes)
    func largeForwardMatchesSampledNaive(size: Int) throws {
        let d = try #require(Domain(size: size))
        let a = randomElements(size, seed: 400 + UInt64(size))
        let p = DensePolynomial(coefficients: a)
        var v = a, c = a
        d.forwardNTT(&v)
        d.cosetForwardNTT(&c)
        for i in [0, 1, 2, size / 2 - 1, size / 2, size / 2 + 1, size - 1, 12345 % size] {
            #expect(v[i] == p.evaluate(at: d.element(i)))
            #expect(c[i] == p.evaluate(at: d.cosetShift * d.element(i)))
        }
    }

    @Test(arguments: [1, 2, 8, 256, 1 << 13])
    func bitReversedOrders(size: Int) throws {
        let d = try #require(Domain(size: size))
        let bits = d.logSize
        let a = randomElements(size, seed: 500 + UInt64(size))
        var natural = a, reversed = a
        d.forwardNTT(&natural)
        d.forwardNTT(&reversed, outputOrder: .bitReversed)
        for i in 0..<size { #expect(reversed[reversedIndex(i, bits: bits)] == natural[i]) }
        var back = reversed
        d.inverseNTT(&back, inputOrder: .bitReversed)
        #expect(firstDifference(back, a) == nil)

        var cosetNatural = a, cosetReversed = a
        d.cosetForwardNTT(&cosetNatural)
        d.cosetForwardNTT(&cosetReversed, outputOrder: .bitReversed)
        for i in 0..<size { #expect(cosetReversed[reversedIndex(i, bits: bits)] == cosetNatural[i]) }
        d.cosetInverseNTT(&cosetReversed, inputOrder: .bitReversed)
        #expect(firstDifference(cosetReversed, a) == nil)

        var permuted = a
        Domain.bitReverse(&permuted)
        for i in 0..<size { #expect(permuted[reversedIndex(i, bits: bits)] == a[i]) }
    }

    @Test(arguments: [2, 64, 1 << 12, 1 << 15])
    func lowMemoryModeEqualsDefault(size: Int) throws {
        let full = try #require(Domain(size: size))
        let low = try #require(Domain(size: size, twiddles: .onTheFly))
        #expect(low.twiddleStorage == .onTheFly)
        let a = randomElements(size, seed: 600 + UInt64(size))
        var x = a, y = a
        full.forwardNTT(&x); low.forwardNTT(&y)
        #expect(firstDifference(x, y) == nil)
        full.inverseNTT(&x); low.inverseNTT(&y)
        #expect(firstDifference(x, y) == nil)
        #expect(firstDifference(x, a) == nil)
        full.cosetForwardNTT(&x); low.cosetForwardNTT(&y)
        #expect(firstDifference(x, y) == nil)
        full.cosetInverseNTT(&x); low.cosetInverseNTT(&y)
        #expect(firstDifference(x, y) == nil)
        #expect(firstDifference(x, a) == nil)
    }

    @Test func bufferOverloadsMatchArrays() throws {
        let d = try #require(Domain(size: 1 << 12))
        let a = randomElements(1 << 12, seed: 700)
        var viaArray = a, viaBuffer = a
        d.cosetForwardNTT(&viaArray)
        viaBuffer.withUnsafeMutableBufferPointer { d.cosetForwardNTT($0) }
        #expect(firstDifference(viaArray, viaBuffer) == nil)
        d.forwardNTT(&viaArray, outputOrder: .bitReversed)
        viaBuffer.withUnsafeMutableBufferPointer { d.forwardNTT($0, outputOrder: .bitReversed) }
        #expect(firstDifference(viaArray, viaBuffer) == nil)
        d.inverseNTT(&viaArray)
        viaBuffer.withUnsafeMutableBufferPointer { d.inverseNTT($0) }
        #expect(firstDifference(viaArray, viaBuffer) == nil)
        d.cosetInverseNTT(&viaArray, inputOrder: .bitReversed)
        viaBuffer.withUnsafeMutableBufferPointer { d.cosetInverseNTT($0, inputOrder: .bitReversed) }
        #expect(firstDifference(viaArray, viaBuffer) == nil)
    }

    @Test func copiesShareTwiddlesAcrossThreads() throws {
        // Several threads trigger the lazy table build at once.
        let d = try #require(Domain(size: 1 << 10))
        let a = randomElements(1 << 10, seed: 800)
        var transformed = a
        d.forwardNTT(&transformed)
        let expected = transformed
        let results = SendableBuffer(UnsafeMutableBufferPointer<Bool>.allocate(capacity: 8))
        defer { results.buffer.deallocate() }
        let fresh = try #require(Domain(size: 1 << 10))
        Parallel.forEach(8) { i in
            var v = a
            fresh.forwardNTT(&v)
            results[i] = v == expected
        }
        #expect(results.buffer.allSatisfy { $0 })
    }
}

/// Changes `Parallel.threadCount`, so its tests run one at a time; other
/// suites' results do not depend on it.
@Suite(.serialized) struct NTTThreadCountTests {
    @Test(arguments: [1 << 12, 1 << 14, 1 << 16])
    func resultsIndependentOfThreadCount(size: Int) throws {
        let d = try #require(Domain(size: size))
        let low = try #require(Domain(size: size, twiddles: .onTheFly))
        let a = randomElements(size, seed: 900 + UInt64(size))
        let saved = Parallel.threadCount
        defer { Parallel.threadCount = saved }
        var outputs: [[Fr]] = []
        for threads in [1, 2, 3, 4] {
            Parallel.threadCount = threads
            var f = a, c = a, i = a, l = a
            d.forwardNTT(&f)
            d.cosetForwardNTT(&c)
            d.inverseNTT(&i)
            low.cosetInverseNTT(&l, inputOrder: .bitReversed)
            outputs.append(f + c + i + l + d.lagrangeEvaluations(at: a[0]))
        }
        for o in outputs.dropFirst() { #expect(firstDifference(o, outputs[0]) == nil) }
    }
}
