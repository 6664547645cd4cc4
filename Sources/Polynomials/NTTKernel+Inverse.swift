import BN254

/// Gentleman–Sande butterflies, bit-reversed → natural (see `NTTKernel.swift`).
/// `tw` reads the powers of ω⁻¹.
extension _NTTKernel {
    /// (u, v) → (u + v, (u − v)·c) for j in j0..<j1.
    @inline(__always)
    static func butterfliesGS(_ a: UnsafeMutablePointer<Fr>, h: Int, c: Fr, _ j0: Int, _ j1: Int) {
        var x = a + j0, y = a + j0 + h
        for _ in j0..<j1 {
            let u = x.pointee, v = y.pointee
            x.pointee = u + v
            y.pointee = (u - v) * c
            x += 1; y += 1
        }
    }

    /// Butterflies t ∈ `range` of the stage with half-blocks of 2^logH values
    /// (t = k·h + j: butterfly j of block k).
    static func stageGS(_ a: UnsafeMutablePointer<Fr>, logH: Int, range: Range<Int>, tw: _TwiddleReader) {
        let h = 1 << logH
        var t = range.lowerBound
        while t < range.upperBound {
            let k = t >> logH, j0 = t & (h - 1)
            let j1 = min(h, j0 + (range.upperBound - t))
            let p = a + (k << (logH + 1))
            if k == 0 { unitButterfliesCT(p, h: h, j0, j1) } else { butterfliesGS(p, h: h, c: tw[k], j0, j1) }
            t += j1 - j0
        }
    }

    /// Stages 2m and m together for steps t ∈ `range` (t = k·q + j, block k
    /// of level m, q = 2^logQ = n/(4m)): (a₀, a₁) with T⁻¹[2k] and (a₂, a₃)
    /// with T⁻¹[2k+1], then (a₀, a₂) and (a₁, a₃) with T⁻¹[k].
    static func pairGS(_ a: UnsafeMutablePointer<Fr>, logQ: Int, range: Range<Int>, tw: _TwiddleReader) {
        let q = 1 << logQ
        var t = range.lowerBound
        while t < range.upperBound {
            let k = t >> logQ, j0 = t & (q - 1)
            let j1 = min(q, j0 + (range.upperBound - t))
            let p = a + (k << (logQ + 2))
            if k == 0 {
                unitQuadsGS(p, q: q, c1: tw[1], j0, j1)
            } else {
                quadsGS(p, q: q, c: tw[k], c0: tw[2 * k], c1: tw[2 * k + 1], j0, j1)
            }
            t += j1 - j0
        }
    }

    /// Two stages on steps j0..<j1 of one block (see `pairGS`).
    @inline(__always)
    static func quadsGS(_ p: UnsafeMutablePointer<Fr>, q: Int, c: Fr, c0: Fr, c1: Fr, _ j0: Int, _ j1: Int) {
        var x0 = p + j0, x1 = x0 + q, x2 = x1 + q, x3 = x2 + q
        for _ in j0..<j1 {
            let a0 = x0.pointee, a1 = x1.pointee, a2 = x2.pointee, a3 = x3.pointee
            let b0 = a0 + a1, b1 = (a0 - a1) * c0, b2 = a2 + a3, b3 = (a2 - a3) * c1
            x0.pointee = b0 + b2
            x2.pointee = (b0 - b2) * c
            x1.pointee = b1 + b3
            x3.pointee = (b1 - b3) * c
            x0 += 1; x1 += 1; x2 += 1; x3 += 1
        }
    }

    /// `quadsGS` for block 0: c = c0 = 1.
    @inline(__always)
    static func unitQuadsGS(_ p: UnsafeMutablePointer<Fr>, q: Int, c1: Fr, _ j0: Int, _ j1: Int) {
        var x0 = p + j0, x1 = x0 + q, x2 = x1 + q, x3 = x2 + q
        for _ in j0..<j1 {
            let a0 = x0.pointee, a1 = x1.pointee, a2 = x2.pointee, a3 = x3.pointee
            let b0 = a0 + a1, b1 = a0 - a1, b2 = a2 + a3, b3 = (a2 - a3) * c1
            x0.pointee = b0 + b2
            x2.pointee = b0 - b2
            x1.pointee = b1 + b3
            x3.pointee = b1 - b3
            x0 += 1; x1 += 1; x2 += 1; x3 += 1
        }
    }

    /// The last two stages (levels 2 and 1) with output j + i·q multiplied by
    /// n⁻¹, and for a coset by g^(−(j+iq)) = g⁻ʲ·g^(−iq) as well.
    static func lastPairGS(_ a: UnsafeMutablePointer<Fr>, logQ: Int, range: Range<Int>, tw: _TwiddleReader,
                           scale: Fr, cosetInverse: Fr?) {
        let q = 1 << logQ, c1 = tw[1]
        var x0 = a + range.lowerBound, x1 = x0 + q, x2 = x1 + q, x3 = x2 + q
        guard let g = cosetInverse else {
            for _ in range {
                let a0 = x0.pointee, a1 = x1.pointee, a2 = x2.pointee, a3 = x3.pointee
                let b0 = a0 + a1, b1 = a0 - a1, b2 = a2 + a3, b3 = (a2 - a3) * c1
                x0.pointee = (b0 + b2) * scale
                x2.pointee = (b0 - b2) * scale
                x1.pointee = (b1 + b3) * scale
                x3.pointee = (b1 - b3) * scale
                x0 += 1; x1 += 1; x2 += 1; x3 += 1
            }
            return
        }
        let g1 = g.pow(UInt64(q)), g2 = g1 * g1, g3 = g2 * g1
        var s = scale * g.pow(UInt64(range.lowerBound))
        for _ in range {
            let a0 = x0.pointee, a1 = x1.pointee, a2 = x2.pointee, a3 = x3.pointee
            let b0 = a0 + a1, b1 = a0 - a1, b2 = a2 + a3, b3 = (a2 - a3) * c1
            x0.pointee = (b0 + b2) * s
            x2.pointee = ((b0 - b2) * g2) * s
            x1.pointee = ((b1 + b3) * g1) * s
            x3.pointee = ((b1 - b3) * g3) * s
            s *= g
            x0 += 1; x1 += 1; x2 += 1; x3 += 1
        }
    }

    /// The one-block stage times n⁻¹: (u, v) → ((u + v)·s, (u − v)·s).
    static func lastStageGS(_ a: UnsafeMutablePointer<Fr>, h: Int, range: Range<Int>, scale s: Fr) {
        var x = a + range.lowerBound, y = x + h
        for _ in range {
            let u = x.pointee, v = y.pointee
            x.pointee = (u + v) * s
            y.pointee = (u - v) * s
            x += 1; y += 1
        }
    }

    /// The one-block stage times n⁻¹·g⁻ⁱ at output i.
    static func lastStageCosetGS(_ a: UnsafeMutablePointer<Fr>, h: Int, range: Range<Int>, scale: Fr, gInverse g: Fr) {
        let gh = g.pow(UInt64(h))
        var s = scale * g.pow(UInt64(range.lowerBound))
        var x = a + range.lowerBound, y = x + h
        for _ in range {
            let u = x.pointee, v = y.pointee
            x.pointee = (u + v) * s
            y.pointee = ((u - v) * gh) * s
            s *= g
            x += 1; y += 1
        }
    }

    /// Block k of `size` elements through all stages below it: each quarter
    /// (blocks 4k…4k+3 of the level below), then two stages.
    static func blockGS(_ a: UnsafeMutablePointer<Fr>, size: Int, k: Int, tw: _TwiddleReader) {
        if size <= leafSize { leafGS(a, size: size, k: k, tw: tw); return }
        let q = size >> 2
        for i in 0..<4 { blockGS(a + i * q, size: q, k: 4 * k + i, tw: tw) }
        if k == 0 {
            unitQuadsGS(a, q: q, c1: tw[1], 0, q)
        } else {
            quadsGS(a, q: q, c: tw[k], c0: tw[2 * k], c1: tw[2 * k + 1], 0, q)
        }
    }

    /// Block k of `size` elements (in cache) stage by stage, smallest first.
    static func leafGS(_ a: UnsafeMutablePointer<Fr>, size: Int, k: Int, tw: _TwiddleReader) {
        var blocks = size >> 1, first = k * blocks
        if size >= 2 {
            var p = a, b = 0
            if first == 0 {
                let u = p[0], v = p[1]
                p[0] = u + v; p[1] = u - v
                p += 2; b = 1
            }
            while b < blocks {
                let u = p[0], v = p[1]
                p[0] = u + v; p[1] = (u - v) * tw[first + b]
                p += 2; b += 1
            }
        }
        var h = 2
        blocks >>= 1; first >>= 1
        while h < size {
            for b in 0..<blocks {
                let p = a + 2 * h * b
                if first + b == 0 { unitButterfliesCT(p, h: h, 0, h) } else { butterfliesGS(p, h: h, c: tw[first + b], 0, h) }
            }
            h <<= 1; blocks >>= 1; first >>= 1
        }
    }
}
