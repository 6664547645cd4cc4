extension Pairing {
    /// f^((p⁶ − 1)(p² + 1)): one Fq12 inversion, two multiplications and a
    /// p²-Frobenius. The result lies in the cyclotomic subgroup (order
    /// p⁴ − p² + 1), where inversion is conjugation and squaring can use
    /// `Fq12.cyclotomicSquare()`.
    static func easyPart(_ f: Fq12, inverse: Fq12) -> Fq12 {
        let t = f.conjugate() * inverse             // f^(p⁶ − 1)
        return t.frobeniusSquare() * t              // ·^(p² + 1)
    }

    /// m^(m₀ (p⁴ − p² + 1)/r) with m₀ = 2x(6x² + 3x + 1), for m in the
    /// cyclotomic subgroup.
    ///
    /// Fuentes-Castañeda, Knapp, Rodríguez-Henríquez, "Faster hashing to G2"
    /// (SAC 2011, §6): the exponent equals λ₀ + λ₁p + λ₂p² + λ₃p³ with
    /// λ₀ = 12x³ + 12x² + 6x + 1, λ₁ = 12x³ + 6x² + 4x, λ₂ = 12x³ + 6x² + 6x,
    /// λ₃ = 12x³ + 6x² + 4x − 1, reached with three exponentiations by x,
    /// three cyclotomic squarings, ten multiplications and three Frobenius maps.
    static func hardPart(_ m: Fq12) -> Fq12 {
        let a = powX(m)                         // m^x
        let b = a.cyclotomicSquare()            // m^2x
        let c = b.cyclotomicSquare()            // m^4x
        let d = c * b                           // m^6x
        let e = powX(d)                         // m^6x²
        let g = e.cyclotomicSquare()            // m^12x²
        let h = powX(g)                         // m^12x³
        let i = h * e                           // m^(12x³ + 6x²)
        let l2 = i * d                          // m^(12x³ + 6x² + 6x)       = m^λ₂
        let l1 = i * c                          // m^(12x³ + 6x² + 4x)       = m^λ₁
        let l0 = l2 * e * m                     // m^(12x³ + 12x² + 6x + 1)  = m^λ₀
        let l3 = l1 * m.conjugate()             // m^(12x³ + 6x² + 4x − 1)   = m^λ₃
        return l0 * l1.frobenius() * l2.frobeniusSquare() * l3.frobeniusCube()
    }

    /// The width-4 NAF of x, least significant digit first: 14 non-zero digits
    /// instead of the 24 of the plain NAF.
    static let xDigits: [Int8] = ScalarDigits.wnaf([TowerConstants.x], width: 4)

    /// m^x for m in the cyclotomic subgroup: 62 cyclotomic squarings over the
    /// width-4 NAF of x with the odd powers m, m³, m⁵, m⁷; negative digits
    /// multiply by the conjugate, which is the inverse there. 16
    /// multiplications in all (the plain NAF needs 23).
    static func powX(_ m: Fq12) -> Fq12 {
        let m2 = m.cyclotomicSquare()
        let m3 = m * m2, m5 = m3 * m2, m7 = m5 * m2
        let table = [m, m3, m5, m7]
        let digits = xDigits
        var acc = table[Int(digits[digits.count - 1]) >> 1]      // the top digit is positive
        for i in stride(from: digits.count - 2, through: 0, by: -1) {
            acc = acc.cyclotomicSquare()
            let d = Int(digits[i])
            if d > 0 {
                acc = acc * table[d >> 1]
            } else if d < 0 {
                acc = acc * table[(-d) >> 1].conjugate()
            }
        }
        return acc
    }
}
