/// How a `Domain` keeps the twiddle factors (powers of ω and ω⁻¹) of its NTTs.
///
/// A transform of size n = 2ᵏ needs, at stage s, the twiddles ω^(bitrev(j)) for
/// j < 2ˢ (see `Domain+NTT.swift`); all stages together read the n/2 values
/// ω^(bitrev(j)), j < n/2, one per butterfly block.
public enum TwiddleStorage: Sendable, Hashable {
    /// Full tables of n/2 elements per direction, each built on the first
    /// transform that needs it (n/2 multiplications plus a bit reversal) and
    /// kept for the domain's lifetime: 16·n bytes for the forward table and
    /// 16·n more once an inverse transform runs (32 MiB in all at n = 2²⁰,
    /// 512 MiB at n = 2²⁴). Every twiddle is a table read.
    case precomputed
    /// Two tables of about √(n/2) elements per direction, built at `init`
    /// (about 64·√n bytes in all: 48 KiB at n = 2²⁰). A twiddle past the first
    /// table is the product of one entry of each, one multiplication per
    /// butterfly block: about n extra multiplications per transform, some
    /// 5–10 % more time than `.precomputed`. For large domains where memory
    /// matters more than speed.
    case onTheFly
}
