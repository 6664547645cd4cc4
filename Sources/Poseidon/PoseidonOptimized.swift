import BN254

/// Tables of the optimised but equivalent evaluation of the partial rounds
/// (the "optimized round constants" and "sparse MDS matrices" of the Neptune
/// specification, Filecoin 2020, also used by circomlib's poseidon.circom;
/// derived here from the plain tables).
///
/// 1. Constants: in a partial round only element 0 meets the S-box, so the
///    constants of elements 1…t−1 can be moved through the linear layer into
///    the next round: each partial round keeps one scalar constant and the
///    accumulated vector joins the first constant of the second full half.
/// 2. Matrices: write the round's matrix m = Sp·D with D = diag(1, M̂) (M̂ the
///    lower-right block of m) and Sp = [[m₀₀, r·M̂⁻¹], [c, I]] (r, c the rest
///    of the first row and column). D leaves element 0 alone, so it commutes
///    with the partial S-box and moves into the previous round's matrix
///    (D·M). Walking from the last partial round backwards leaves a sparse Sp
///    per partial round (2t − 1 multiplications instead of t²) and a modified
///    matrix for the last round of the first full half.
@usableFromInline
struct PoseidonOptimized: Sendable {
    /// One scalar constant per partial round.
    @usableFromInline let partialConstants: [Fr]
    /// Per partial round, 2t − 1 values: m₀₀, the t − 1 entries of r·M̂⁻¹, then the t − 1 of c.
    @usableFromInline let sparse: [Fr]
    /// The matrix (row-major) of the last round of the first full half.
    @usableFromInline let preMatrix: [Fr]
    /// The constants of the first round of the second full half, with the carried vector.
    @usableFromInline let secondHalfConstants: [Fr]

    init(t: Int, fullRounds: Int, partialRounds: Int, constants c: [[Fr]], mds: [[Fr]]) {
        let half = fullRounds / 2
        func mul(_ a: [[Fr]], _ v: [Fr]) -> [Fr] {
            a.map { row in zip(row, v).reduce(Fr.zero) { $0 + $1.0 * $1.1 } }
        }
        // 1. Constants, carried forward.
        var carry = [Fr](repeating: .zero, count: t)
        var scalars: [Fr] = []
        for j in 0..<partialRounds {
            let full = zip(c[half + j], carry).map { $0 + $1 }
            scalars.append(full[0])
            carry = mul(mds, [.zero] + Array(full[1...]))
        }
        partialConstants = scalars
        secondHalfConstants = zip(c[half + partialRounds], carry).map { $0 + $1 }

        // 2. Sparse factorisation, backwards.
        var m = mds
        var perRound = [[Fr]](repeating: [], count: partialRounds)
        for j in stride(from: partialRounds - 1, through: 0, by: -1) {
            let hat = (1..<t).map { i in Array(m[i][1...]) }
            guard let inv = PoseidonOptimized.inverse(hat) else { preconditionFailure("MDS block not invertible") }
            let r = Array(m[0][1...])
            let s = (0..<(t - 1)).map { k in (0..<(t - 1)).reduce(Fr.zero) { $0 + r[$1] * inv[$1][k] } }
            let col = (1..<t).map { m[$0][0] }
            perRound[j] = [m[0][0]] + s + col
            // m ← D·M with D = diag(1, hat).
            var next = [mds[0]]
            for i in 0..<(t - 1) {
                next.append((0..<t).map { col in (0..<(t - 1)).reduce(Fr.zero) { $0 + hat[i][$1] * mds[$1 + 1][col] } })
            }
            m = next
        }
        sparse = perRound.flatMap { $0 }
        preMatrix = m.flatMap { $0 }
    }

    /// Gauss–Jordan inverse of a small square matrix, nil if singular.
    static func inverse(_ a: [[Fr]]) -> [[Fr]]? {
        let n = a.count
        var m = a.enumerated().map { i, row in row + (0..<n).map { $0 == i ? Fr.one : .zero } }
        for col in 0..<n {
            guard let pivot = (col..<n).first(where: { !m[$0][col].isZero }) else { return nil }
            m.swapAt(col, pivot)
            guard let inv = m[col][col].inverse() else { return nil }
            m[col] = m[col].map { $0 * inv }
            for r in 0..<n where r != col && !m[r][col].isZero {
                let f = m[r][col]
                m[r] = zip(m[r], m[col]).map { $0 - f * $1 }
            }
        }
        return m.map { Array($0[n...]) }
    }
}
