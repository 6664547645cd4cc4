/// The index order of transform values.
///
/// The butterfly network reads natural order and writes bit-reversed order
/// (and the inverse the other way round); `.natural` adds one bit-reversal
/// pass. A prover that transforms, works pointwise and transforms back can
/// stay in `.bitReversed` and skip both passes.
public enum NTTOrder: Sendable, Hashable {
    /// Value i at index i.
    case natural
    /// Value i at index bitrev(i), the reversal of i's log₂ n bits (see `Domain.bitReverse`).
    case bitReversed
}
