import BN254

/// Arithmetic gadgets: one row each, on top of `addRow`.
extension ConstraintSystem {
    /// A variable constrained to the constant `c` (row: a − c = 0).
    public mutating func constant(_ c: Fr) -> Variable {
        let v = alloc(c)
        addRow(a: v, qL: .one, qC: -c)
        return v
    }

    /// x + y (row: a + b − c = 0).
    public mutating func add(_ x: Variable, _ y: Variable) -> Variable {
        let z = alloc(value(of: x) + value(of: y))
        addRow(a: x, b: y, c: z, qL: .one, qR: .one, qO: -Fr.one)
        return z
    }

    /// x − y (row: a − b − c = 0).
    public mutating func sub(_ x: Variable, _ y: Variable) -> Variable {
        let z = alloc(value(of: x) - value(of: y))
        addRow(a: x, b: y, c: z, qL: .one, qR: -Fr.one, qO: -Fr.one)
        return z
    }

    /// x · y (row: a·b − c = 0).
    public mutating func mul(_ x: Variable, _ y: Variable) -> Variable {
        let z = alloc(value(of: x) * value(of: y))
        addRow(a: x, b: y, c: z, qO: -Fr.one, qM: .one)
        return z
    }

    /// cx·x + cy·y + cxy·x·y + k (one row).
    public mutating func combine(_ x: Variable, _ cx: Fr, _ y: Variable, _ cy: Fr, product cxy: Fr = .zero, constant k: Fr = .zero) -> Variable {
        let vx = value(of: x), vy = value(of: y)
        let z = alloc(cx * vx + cy * vy + cxy * vx * vy + k)
        addRow(a: x, b: y, c: z, qL: cx, qR: cy, qO: -Fr.one, qM: cxy, qC: k)
        return z
    }

    /// Asserts x = y (a copy constraint; no row).
    public mutating func assertEqual(_ x: Variable, _ y: Variable) { copy(x, y) }

    /// Asserts x ∈ {0, 1} (row: a·a − a = 0 with b = a).
    public mutating func assertBoolean(_ x: Variable) {
        addRow(a: x, b: x, qL: -Fr.one, qM: .one)
    }

    /// Asserts x = 0 (row: a = 0).
    public mutating func assertZero(_ x: Variable) {
        addRow(a: x, qL: .one)
    }

    /// Asserts x·y = z (row: a·b − c = 0) for existing variables.
    public mutating func assertMul(_ x: Variable, _ y: Variable, _ z: Variable) {
        addRow(a: x, b: y, c: z, qO: -Fr.one, qM: .one)
    }

    /// Asserts x + y = z (row: a + b − c = 0) for existing variables.
    public mutating func assertAdd(_ x: Variable, _ y: Variable, _ z: Variable) {
        addRow(a: x, b: y, c: z, qL: .one, qR: .one, qO: -Fr.one)
    }

    /// Asserts x ∈ [0, 2⁸) by a lookup into `LookupTable.range8`.
    public mutating func rangeCheck8(_ x: Variable) {
        lookup(.range8, a: x)
    }
}
