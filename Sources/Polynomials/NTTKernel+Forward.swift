import BN254

/// Cooley–Tukey butterflies, natural → bit-reversed (see `NTTKernel.swift`).
/// Pointers address the transform's buffer; every function touches only the
/// ranges it is given.
extension _NTTKernel {
    /// (x, y) → (x + y, x − y) for j in j0..<j1: a block with c = 1.
    @inline(__always)
    static func unitButterfliesCT(_ a: UnsafeMutablePointer<Fr>, h: Int, _ j0: Int, _ j1: Int) {
        var x = a + j0, y = a + j0 + h
        for _ in j0..<j1 {
            let u = x.pointee, v = y.pointee
            x.pointee = u + v
            y.pointee = u - v
            x += 1; y += 1
        }
    }

    /// (x, y) → (x + c·y, x − c·y) for j in j0..<j1.
    @inline(__always)
    static func butterfliesCT(_ a: UnsafeMutablePointer<Fr>, h: Int, c: Fr, _ j0: Int, _ j1: Int) {
        var x = a + j0, y = a + j0 + h
        for _ in j0..<j1 {
            let u = x.pointee, v = y.pointee * c
            x.pointee = u + v
            y.pointee = u - v
            x += 1; y += 1
        }
    }

    /// The one-block stage on gⁱ-scaled input: x·gʲ ± y·gʲ⁺ʰ = gʲ·(x ± gʰ·y).
    static func firstStageCosetCT(_ a: UnsafeMutablePointer<Fr>, h: Int, range: Range<Int>, g: Fr) {
        let gh = g.pow(UInt64(h))
        var p = g.pow(UInt64(range.lowerBound))
        var x = a + range.lowerBound, y = x + h
        for _ in range {
            let u = x.pointee, v = y.pointee * gh
            x.pointee = (u + v) * p
            y.pointee = (u - v) * p
            p *= g
            x += 1; y += 1
        }
    }

    /// Stages m and 2m together for the steps t ∈ `range` (t = k·q + j: step
    /// j of block k, q = 2^logQ = n/(4m)). A step takes a₀..a₃ at j + i·q,
    /// does (a₀, a₂) and (a₁, a₃) with c = T[k], then (a₀, a₁) with T[2k] and
    /// (a₂, a₃) with T[2k+1].
    static func pairCT(_ a: UnsafeMutablePointer<Fr>, logQ: Int, range: Range<Int>, tw: _TwiddleReader) {
        let q = 1 << logQ
        var t = range.lowerBound
        while t < range.upperBound {
            let k = t >> logQ, j0 = t & (q - 1)
            let j1 = min(q, j0 + (range.upperBound - t))
            let p = a + (k << (logQ + 2))
            if k == 0 {
                unitQuadsCT(p, q: q, c1: tw[1], j0, j1)
            } else {
                quadsCT(p, q: q, c: tw[k], c0: tw[2 * k], c1: tw[2 * k + 1], j0, j1)
            }
            t += j1 - j0
        }
    }

    /// Two stages on steps j0..<j1 of one block (see `pairCT`).
    @inline(__always)
    static func quadsCT(_ p: UnsafeMutablePointer<Fr>, q: Int, c: Fr, c0: Fr, c1: Fr, _ j0: Int, _ j1: Int) {
        var x0 = p + j0, x1 = x0 + q, x2 = x1 + q, x3 = x2 + q
        for _ in j0..<j1 {
            let a0 = x0.pointee, a1 = x1.pointee
            let t2 = x2.pointee * c, t3 = x3.pointee * c
            let b0 = a0 + t2, b2 = a0 - t2, b1 = a1 + t3, b3 = a1 - t3
            let u1 = b1 * c0, u3 = b3 * c1
            x0.pointee = b0 + u1
            x1.pointee = b0 - u1
            x2.pointee = b2 + u3
            x3.pointee = b2 - u3
            x0 += 1; x1 += 1; x2 += 1; x3 += 1
        }
    }

    /// `quadsCT` for block 0, where c = T[0] = T[0] = 1 and c1 = T[1].
    @inline(__always)
    static func unitQuadsCT(_ p: UnsafeMutablePointer<Fr>, q: Int, c1: Fr, _ j0: Int, _ j1: Int) {
        var x0 = p + j0, x1 = x0 + q, x2 = x1 + q, x3 = x2 + q
        for _ in j0..<j1 {
            let a0 = x0.pointee, a1 = x1.pointee, a2 = x2.pointee, a3 = x3.pointee
            let b0 = a0 + a2, b2 = a0 - a2, b1 = a1 + a3
            let u3 = (a1 - a3) * c1
            x0.pointee = b0 + b1
            x1.pointee = b0 - b1
            x2.pointee = b2 + u3
            x3.pointee = b2 - u3
            x0 += 1; x1 += 1; x2 += 1; x3 += 1
        }
    }

    /// The first two stages on gⁱ-scaled input. Value j + i·q is scaled by
    /// gʲ·g^(iq); the butterflies are linear, so gʲ, common to the four values
    /// of a step, is applied to the outputs and only g^(iq) to the inputs.
    static func firstPairCosetCT(_ a: UnsafeMutablePointer<Fr>, logQ: Int, range: Range<Int>, g: Fr, tw: _TwiddleReader) {
        let q = 1 << logQ
        let g1 = g.pow(UInt64(q)), g2 = g1 * g1, g3 = g2 * g1, c1 = tw[1]
        var p = g.pow(UInt64(range.lowerBound))
        var x0 = a + range.lowerBound, x1 = x0 + q, x2 = x1 + q, x3 = x2 + q
        for _ in range {
            let a0 = x0.pointee, a1 = x1.pointee * g1, a2 = x2.pointee * g2, a3 = x3.pointee * g3
            let b0 = a0 + a2, b2 = a0 - a2, b1 = a1 + a3
            let u3 = (a1 - a3) * c1
            x0.pointee = (b0 + b1) * p
            x1.pointee = (b0 - b1) * p
            x2.pointee = (b2 + u3) * p
            x3.pointee = (b2 - u3) * p
            p *= g
            x0 += 1; x1 += 1; x2 += 1; x3 += 1
        }
    }

    /// Block k of `size` elements through all its remaining stages: two
    /// stages, then each quarter (blocks 4k…4k+3 of the level below), until
    /// blocks fit in L1.
    static func blockCT(_ a: UnsafeMutablePointer<Fr>, size: Int, k: Int, tw: _TwiddleReader) {
        if size <= leafSize { leafCT(a, size: size, k: k, tw: tw); return }
        let q = size >> 2
        if k == 0 {
            unitQuadsCT(a, q: q, c1: tw[1], 0, q)
        } else {
            quadsCT(a, q: q, c: tw[k], c0: tw[2 * k], c1: tw[2 * k + 1], 0, q)
        }
        for i in 0..<4 { blockCT(a + i * q, size: q, k: 4 * k + i, tw: tw) }
    }

    /// Block k of `size` elements (in cache) stage by stage.
    static func leafCT(_ a: UnsafeMutablePointer<Fr>, size: Int, k: Int, tw: _TwiddleReader) {
        var h = size >> 1, blocks = 1, first = k
        while h > 1 {
            for b in 0..<blocks {
                let p = a + 2 * h * b
                if first + b == 0 { unitButterfliesCT(p, h: h, 0, h) } else { butterfliesCT(p, h: h, c: tw[first + b], 0, h) }
            }
            h >>= 1; blocks <<= 1; first <<= 1
        }
        if h == 1 {
            var p = a, b = 0
            if first == 0 {
                let u = p[0], v = p[1]
                p[0] = u + v; p[1] = u - v
                p += 2; b = 1
            }
            while b < blocks {
                let u = p[0], v = p[1] * tw[first + b]
                p[0] = u + v; p[1] = u - v
                p += 2; b += 1
            }
        }
    }
}
