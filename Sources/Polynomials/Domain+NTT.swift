import BN254
import Parallel

/// Radix-2 number-theoretic transforms over H and g·H, in place.
///
/// Cooley–Tukey ("An algorithm for the machine calculation of complex Fourier
/// series", 1965) forward and Gentleman–Sande (1966) inverse butterflies; the
/// loops and their schedule are described in `NTTKernel.swift`. Transforms of
/// `Domain.parallelThreshold` or more elements use `Parallel.threadCount`
/// threads; the result never depends on the thread count. Inputs are Fr
/// elements (Montgomery form, as every `Fr`); the count must equal `size`.
extension Domain {
    // MARK: - Over H

    /// Evaluates the polynomial with coefficients `values` (constant term
    /// first) at 1, ω, …, ωⁿ⁻¹: values[i] ← Σⱼ values[j]·ω^(ij).
    /// - Parameters:
    ///   - values: exactly n coefficients; replaced by the n evaluations.
    ///   - outputOrder: `.natural` (default) or `.bitReversed`, which skips the
    ///     final bit-reversal pass.
    public func forwardNTT(_ values: UnsafeMutableBufferPointer<Fr>, outputOrder: NTTOrder = .natural) {
        precondition(values.count == size, "NTT input must have exactly the domain's size")
        _NTTKernel.forward(values, logN: logSize, twiddles: forwardTwiddles, coset: nil)
        if outputOrder == .natural { Domain._bitReverse(values, logCount: logSize) }
    }

    /// Evaluates coefficients at 1, ω, …, ωⁿ⁻¹ (see the buffer overload).
    /// - Parameters:
    ///   - values: exactly n coefficients; replaced by the n evaluations.
    ///   - outputOrder: `.natural` (default) or `.bitReversed`.
    public func forwardNTT(_ values: inout [Fr], outputOrder: NTTOrder = .natural) {
        values.withUnsafeMutableBufferPointer { forwardNTT($0, outputOrder: outputOrder) }
    }

    /// Interpolates: from the evaluations at 1, ω, …, ωⁿ⁻¹ back to the n
    /// coefficients, values[i] ← n⁻¹·Σⱼ values[j]·ω^(−ij); the n⁻¹ is fused
    /// into the last butterfly stage.
    /// - Parameters:
    ///   - values: exactly n evaluations; replaced by the coefficients.
    ///   - inputOrder: `.natural` (default) or `.bitReversed`, as
    ///     `forwardNTT(_:outputOrder: .bitReversed)` leaves them.
    public func inverseNTT(_ values: UnsafeMutableBufferPointer<Fr>, inputOrder: NTTOrder = .natural) {
        precondition(values.count == size, "NTT input must have exactly the domain's size")
        if inputOrder == .natural { Domain._bitReverse(values, logCount: logSize) }
        _NTTKernel.inverse(values, logN: logSize, twiddles: inverseTwiddles, scale: sizeInverse, cosetInverse: nil)
    }

    /// Interpolates evaluations over H into coefficients (see the buffer overload).
    /// - Parameters:
    ///   - values: exactly n evaluations; replaced by the coefficients.
    ///   - inputOrder: `.natural` (default) or `.bitReversed`.
    public func inverseNTT(_ values: inout [Fr], inputOrder: NTTOrder = .natural) {
        values.withUnsafeMutableBufferPointer { inverseNTT($0, inputOrder: inputOrder) }
    }

    // MARK: - Over the coset g·H

    /// Evaluates the polynomial with coefficients `values` at g, g·ω, …,
    /// g·ωⁿ⁻¹: coefficient i is scaled by gⁱ inside the first butterfly stage,
    /// then the transform runs as `forwardNTT`.
    /// - Parameters:
    ///   - values: exactly n coefficients; replaced by the evaluations on g·H.
    ///   - outputOrder: `.natural` (default) or `.bitReversed`.
    public func cosetForwardNTT(_ values: UnsafeMutableBufferPointer<Fr>, outputOrder: NTTOrder = .natural) {
        precondition(values.count == size, "NTT input must have exactly the domain's size")
        _NTTKernel.forward(values, logN: logSize, twiddles: forwardTwiddles, coset: cosetShift)
        if outputOrder == .natural { Domain._bitReverse(values, logCount: logSize) }
    }

    /// Evaluates coefficients on g·H (see the buffer overload).
    /// - Parameters:
    ///   - values: exactly n coefficients; replaced by the evaluations on g·H.
    ///   - outputOrder: `.natural` (default) or `.bitReversed`.
    public func cosetForwardNTT(_ values: inout [Fr], outputOrder: NTTOrder = .natural) {
        values.withUnsafeMutableBufferPointer { cosetForwardNTT($0, outputOrder: outputOrder) }
    }

    /// Interpolates evaluations at g, g·ω, …, g·ωⁿ⁻¹ into coefficients: the
    /// inverse transform with n⁻¹·g⁻ⁱ applied to output i in its last stage.
    /// - Parameters:
    ///   - values: exactly n evaluations on g·H; replaced by the coefficients.
    ///   - inputOrder: `.natural` (default) or `.bitReversed`.
    public func cosetInverseNTT(_ values: UnsafeMutableBufferPointer<Fr>, inputOrder: NTTOrder = .natural) {
        precondition(values.count == size, "NTT input must have exactly the domain's size")
        if inputOrder == .natural { Domain._bitReverse(values, logCount: logSize) }
        _NTTKernel.inverse(values, logN: logSize, twiddles: inverseTwiddles, scale: sizeInverse, cosetInverse: cosetShiftInverse)
    }

    /// Interpolates evaluations on g·H into coefficients (see the buffer overload).
    /// - Parameters:
    ///   - values: exactly n evaluations on g·H; replaced by the coefficients.
    ///   - inputOrder: `.natural` (default) or `.bitReversed`.
    public func cosetInverseNTT(_ values: inout [Fr], inputOrder: NTTOrder = .natural) {
        values.withUnsafeMutableBufferPointer { cosetInverseNTT($0, inputOrder: inputOrder) }
    }

    // MARK: - Twiddles

    /// The forward tables (empty for n = 1, which has no butterflies).
    private var forwardTwiddles: _Twiddles {
        logSize == 0 ? _Twiddles.none : _twiddles.forward
    }

    /// The inverse tables.
    private var inverseTwiddles: _Twiddles {
        logSize == 0 ? _Twiddles.none : _twiddles.inverse
    }
}
