import BN254
import Poseidon

/// The linear algebra behind `PoseidonGate`'s three-partial-rounds-per-row layout: for the
/// t = 3 permutation, the coefficients that express each row's successor through S-box
/// outputs and earlier S-box inputs only, and the per-row constants they leave.
///
/// A partial round changes the state (x, h₀, h₁) to M·(x⁵, h₀, h₁) + K: only x goes through
/// the S-box, h is carried linearly. Three consecutive S-box inputs x_i, x_{i+1}, x_{i+2}
/// therefore determine h_i (through a 2 × 2 system that is invertible for circomlib's M),
/// and the next input is an affine function
/// x_{i+3} = c₁x_i⁵ + c₂x_{i+1}⁵ + c₃x_{i+2}⁵ + c₄x_{i+1} + c₅x_{i+2} + K_i
/// whose coefficients depend on M only and whose constant K_i collects the round
/// constants. So a row can hold three S-box inputs with their squares (six wires) and no
/// hidden state, and the gate needs no more than the current and the next row.
///
/// Everything is derived here by tracking each state element as an affine form over the
/// S-box outputs and the hidden state, so no formula is written out by hand; the gate
/// takes the linear parts and the gadget the constants, and `init` checks that every
/// row's linear part is the same (the claim that they depend on M only).
public struct PoseidonRoundForms: Sendable {
    /// c₁ … c₅ of the partial recurrence, on (x_i⁵, x_{i+1}⁵, x_{i+2}⁵, x_{i+1}, x_{i+2}).
    public let partial: [Fr]
    /// The entry row (the last full round before the partial rounds): the next row's
    /// x_{i}, x_{i+1}, x_{i+2} on (a⁵, b⁵, c⁵, next.a⁵, next.b⁵) of the full state (a, b, c).
    public let entry: [[Fr]]
    /// The exit row (the last three partial rounds): the next full state on
    /// (x_i⁵, x_{i+1}⁵, x_{i+2}⁵, x_{i+1}, x_{i+2}).
    public let exit: [[Fr]]
    /// The first partial round and the number of partial rows (three rounds each).
    public let firstPartial: Int, partialRows: Int
    /// Per-row constants: the entry row's, each partial row's (partialRows − 1 of them), the exit row's.
    public let entryConstants: [Fr], partialConstants: [[Fr]], exitConstants: [Fr]

    /// An affine form: coefficients on a basis, the last entry the constant.
    struct Form {
        var c: [Fr]
        init(count: Int) { c = [Fr](repeating: .zero, count: count) }
        static func basis(_ i: Int, count: Int) -> Form { var f = Form(count: count); f.c[i] = .one; return f }
        static func + (x: Form, y: Form) -> Form { var r = x; for i in r.c.indices { r.c[i] += y.c[i] }; return r }
        static func * (k: Fr, x: Form) -> Form { var r = x; for i in r.c.indices { r.c[i] *= k }; return r }
        func adding(constant k: Fr) -> Form { var r = self; r.c[r.c.count - 1] += k; return r }
    }

    /// Derives the forms for `p` (t = 3, a multiple of three partial rounds).
    public init(parameters p: Poseidon.Parameters = .t3) {
        precondition(p.t == 3 && p.partialRounds % 3 == 0 && p.partialRounds >= 6 && p.fullRounds >= 2,
                     "the three-per-row layout needs t = 3 and a multiple of three partial rounds")
        let m = p.mds, rc = p.roundConstants
        let first = p.fullRounds / 2
        firstPartial = first
        partialRows = p.partialRounds / 3
        func constants(_ r: Int) -> [Fr] { r < p.rounds ? rc[r] : [.zero, .zero, .zero] }
        /// M·v + K for a vector of forms.
        func mix(_ v: [Form], round r: Int) -> [Form] {
            let k = constants(r)
            return (0..<3).map { i in (m[i][0] * v[0] + m[i][1] * v[1] + m[i][2] * v[2]).adding(constant: k[i]) }
        }

        // Entry: basis (s0, s1, s2, q0, q1, 1); full round first − 1 then two partial rounds.
        var s = mix((0..<3).map { Form.basis($0, count: 6) }, round: first)
        var xs = [s[0]]
        for j in 0..<2 {
            s = mix([Form.basis(3 + j, count: 6), s[1], s[2]], round: first + j + 1)
            xs.append(s[0])
        }
        entry = xs.map { Array($0.c[0..<5]) }
        entryConstants = xs.map { $0.c[5] }

        // Partial rows: basis (p0 … p4, h0, h1, 1) from round i with hidden state h.
        func run(from i: Int, rounds: Int) -> (x: [Form], last: [Form]) {
            var st = [Form(count: 8), Form.basis(5, count: 8), Form.basis(6, count: 8)]
            var x = [Form]()
            for j in 0..<rounds {
                st = mix([Form.basis(j, count: 8), st[1], st[2]], round: i + j + 1)
                x.append(st[0])
            }
            return (x, st)
        }
        /// target = Σ R[p_j] p_j + λa·xa + λb·xb + K with no hidden state left.
        func eliminate(_ t: Form, _ xa: Form, _ xb: Form, window: [Int]) -> (linear: [Fr], constant: Fr) {
            let det = xa.c[5] * xb.c[6] - xa.c[6] * xb.c[5]
            guard let inv = det.inverse() else { preconditionFailure("the hidden state is not determined by three inputs") }
            let la = (t.c[5] * xb.c[6] - t.c[6] * xb.c[5]) * inv
            let lb = (xa.c[5] * t.c[6] - xa.c[6] * t.c[5]) * inv
            let r = t + (-la) * xa + (-lb) * xb
            for i in 0..<7 where !window.contains(i) { precondition(r.c[i].isZero, "the recurrence leaves a term") }
            return (window.map { r.c[$0] } + [la, lb], r.c[7])
        }
        var rows = [[Fr]](), linear = [[Fr]]()
        for row in 0..<(partialRows - 1) {
            let x = run(from: first + 3 * row, rounds: 5).x   // x[j] = x_{i+j+1}
            let e0 = eliminate(x[2], x[0], x[1], window: [0, 1, 2])
            let e1 = eliminate(x[3], x[1], x[2], window: [1, 2, 3])
            let e2 = eliminate(x[4], x[2], x[3], window: [2, 3, 4])
            precondition(e0.linear == e1.linear && e1.linear == e2.linear, "the recurrence depends on the round")
            linear.append(e0.linear)
            rows.append([e0.constant, e1.constant, e2.constant])
        }
        precondition(linear.allSatisfy { $0 == linear[0] }, "the recurrence depends on the round")
        partial = linear[0]
        partialConstants = rows
        let last = run(from: first + 3 * (partialRows - 1), rounds: 3)
        let out = last.last.map { eliminate($0, last.x[0], last.x[1], window: [0, 1, 2]) }
        exit = out.map { $0.linear }
        exitConstants = out.map { $0.constant }
    }
}
