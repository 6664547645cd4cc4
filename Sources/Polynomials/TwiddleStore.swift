import BN254
import Parallel
import Synchronization

/// The twiddle tables of one domain, shared by its copies; built lazily (for
/// `.precomputed`) under a lock, then read-only.
@usableFromInline
internal final class _TwiddleStore: Sendable {
    /// log₂ of the number of twiddles a transform reads, log₂(n/2); −1 for n = 1.
    let logHalf: Int
    let omega: Fr
    let omegaInverse: Fr
    let storage: TwiddleStorage
    private let forwardTables: Mutex<_Twiddles?>
    private let inverseTables: Mutex<_Twiddles?>

    init(logSize: Int, omega: Fr, omegaInverse: Fr, storage: TwiddleStorage) {
        self.logHalf = logSize - 1
        self.omega = omega
        self.omegaInverse = omegaInverse
        self.storage = storage
        if storage == .onTheFly && logSize >= 1 {
            forwardTables = Mutex(_Twiddles(root: omega, logHalf: logHalf, storage: storage))
            inverseTables = Mutex(_Twiddles(root: omegaInverse, logHalf: logHalf, storage: storage))
        } else {
            forwardTables = Mutex(nil)
            inverseTables = Mutex(nil)
        }
    }

    /// Tables of ω^(bitrev(j)), j < n/2; n ≥ 2.
    var forward: _Twiddles {
        forwardTables.withLock { t in
            if let t { return t }
            let built = _Twiddles(root: omega, logHalf: logHalf, storage: storage)
            t = built
            return built
        }
    }

    /// Tables of ω^(−bitrev(j)), j < n/2; n ≥ 2.
    var inverse: _Twiddles {
        inverseTables.withLock { t in
            if let t { return t }
            let built = _Twiddles(root: omegaInverse, logHalf: logHalf, storage: storage)
            t = built
            return built
        }
    }
}

/// T[j] = r^(bitrev_L(j)) for j < 2ᴸ (L = log₂(n/2), r = ω or ω⁻¹), stored as
/// `low` = T[0..<2ˢ] and `high`[h] = r^(bitrev_(L−s)(h)) so that
/// T[h·2ˢ + l] = low[l]·high[h] (bit reversal maps the sum of disjoint bit
/// fields to a sum, and r^(a+b) = rᵃ·rᵇ). `.precomputed` takes s = L (no `high`).
@usableFromInline
internal struct _Twiddles: Sendable {
    let low: [Fr]
    let lowLog: Int
    let high: [Fr]

    /// No tables: the size-1 domain has no butterflies.
    static let none = _Twiddles()

    private init() {
        low = []; lowLog = 0; high = []
    }

    init(root r: Fr, logHalf L: Int, storage: TwiddleStorage) {
        let s = storage == .precomputed ? L : (L + 1) / 2
        lowLog = s
        // low[l] = r^(bitrev_L(l)) = (r^(2^(L−s)))^(bitrev_s(l)).
        var rl = r
        for _ in s..<L { rl = rl.square() }
        var lo = Domain._powers(of: rl, count: 1 << s, scale: .one)
        lo.withUnsafeMutableBufferPointer { Domain._bitReverse($0, logCount: s) }
        low = lo
        if s < L {
            var hi = Domain._powers(of: r, count: 1 << (L - s), scale: .one)
            hi.withUnsafeMutableBufferPointer { Domain._bitReverse($0, logCount: L - s) }
            high = hi
        } else {
            high = []
        }
    }

    /// Runs `body` with a reader over the tables.
    @inline(__always)
    func withReader<R>(_ body: (_TwiddleReader) -> R) -> R {
        low.withUnsafeBufferPointer { lo in
            high.withUnsafeBufferPointer { hi in
                body(_TwiddleReader(low: lo.baseAddress!, lowMask: lo.count - 1, lowLog: lowLog, high: hi.baseAddress))
            }
        }
    }
}

/// Reads T[j] from `_Twiddles`: a table read, or (past `low`) one product.
@usableFromInline
internal struct _TwiddleReader {
    let low: UnsafePointer<Fr>
    let lowMask: Int
    let lowLog: Int
    let high: UnsafePointer<Fr>?

    @inline(__always)
    subscript(j: Int) -> Fr {
        if j <= lowMask { return low[j] }
        return low[j & lowMask] * high.unsafelyUnwrapped[j >> lowLog]
    }
}
