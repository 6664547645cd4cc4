import BN254

/// A witness variable of a `ConstraintSystem`: an index into its value list.
///
/// Every cell of wires a, b, c that holds the same variable is copy-constrained
/// (PLONK permutation argument); wires d, e, f are not.
public struct Variable: Hashable, Sendable {
    /// Index into `ConstraintSystem.values`.
    public let index: Int
    /// Wraps an index (normally made by `ConstraintSystem.alloc`).
    public init(index: Int) { self.index = index }
}

/// The circuit builder: variables with their witness values, rows of gates,
/// copy constraints, public inputs and lookups. `compile()` lays it out into
/// a `CompiledCircuit` (fixed columns, permutation, tables) and an `Assignment`.
///
/// Row layout after compiling: rows 0 ..< ℓ carry the ℓ public inputs (wire a,
/// qL = 1; PI(X) = −Σ xᵢ·Lᵢ(X) completes the gate), then the rows added here in
/// order, then zero padding up to n = 2ᵏ ≥ max(16, rows, table rows). A custom
/// row's "next row" is the row added after it (cyclically, row 0 after the last).
///
/// Every row carries the arithmetic gate qL·a + qR·b + qO·c + qM·a·b + qC (+ PI) = 0,
/// optionally a lookup and at most one custom gate.
public struct ConstraintSystem: Sendable {
    /// Witness values, indexed by `Variable.index`.
    public private(set) var values: [Fr] = []
    /// Union–find parents for copy constraints.
    var parent: [Int] = []
    /// Public-input variables, in order.
    public private(set) var publicInputs: [Variable] = []
    /// Wires per added row (variable indices; −1 for an unused cell, value 0).
    var wireA: [Int] = [], wireB: [Int] = [], wireC: [Int] = [], wireD: [Int] = [], wireE: [Int] = [], wireF: [Int] = []
    /// Arithmetic selectors per added row.
    var qL: [Fr] = [], qR: [Fr] = [], qO: [Fr] = [], qM: [Fr] = [], qC: [Fr] = []
    /// Lookup tag per added row (zero: no lookup).
    var lookupTag: [Fr] = []
    /// Custom-gate rows: (row, gate index, fixed values).
    var customRows: [(row: Int, gate: Int, fixed: [Fr])] = []
    /// Registered custom gates, in order of first use (their order in the VK).
    public private(set) var gates: [any CustomGate] = []
    /// Registered lookup tables, in order of first use.
    public private(set) var tables: [LookupTable] = []
    private var cachedZero: Variable?
    /// Named regions: the first added row of each, in order (`region(_:)`).
    var regionStarts: [(row: Int, name: String)] = []
    /// What each public input is, for messages (nil: unnamed).
    var publicInputNames: [String?] = []

    /// An empty system.
    public init() {}

    /// The number of rows added so far (excluding public-input rows).
    public var rowCount: Int { wireA.count }

    // MARK: - Variables

    /// A new witness variable holding `value`, not yet constrained.
    /// - Parameter value: its witness value.
    /// - Returns: the variable.
    public mutating func alloc(_ value: Fr) -> Variable {
        values.append(value)
        parent.append(values.count - 1)
        return Variable(index: values.count - 1)
    }

    /// The witness value of `v`.
    public func value(of v: Variable) -> Fr { values[v.index] }

    /// A new public input: a variable with `value`, exposed on a public-input row.
    /// - Parameters:
    ///   - value: the public value (also the witness value).
    ///   - name: what it is, for failure messages.
    /// - Returns: the variable, usable in any gate.
    public mutating func publicInput(_ value: Fr, name: String? = nil) -> Variable {
        let v = alloc(value)
        publicInputs.append(v)
        publicInputNames.append(name)
        return v
    }

    /// A variable held to zero by a gate (created once, then reused).
    public mutating func zero() -> Variable {
        if let z = cachedZero { return z }
        let z = constant(.zero)
        cachedZero = z
        return z
    }

    // MARK: - Rows

    /// Appends one row: wires and arithmetic selectors
    /// (qL·a + qR·b + qO·c + qM·a·b + qC = 0). Nil wires are unused cells (value 0).
    /// - Returns: the row's index among added rows.
    @discardableResult
    public mutating func addRow(a: Variable? = nil, b: Variable? = nil, c: Variable? = nil, d: Variable? = nil,
                                e: Variable? = nil, f: Variable? = nil,
                                qL: Fr = .zero, qR: Fr = .zero, qO: Fr = .zero, qM: Fr = .zero, qC: Fr = .zero) -> Int {
        wireA.append(a?.index ?? -1); wireB.append(b?.index ?? -1)
        wireC.append(c?.index ?? -1); wireD.append(d?.index ?? -1)
        wireE.append(e?.index ?? -1); wireF.append(f?.index ?? -1)
        self.qL.append(qL); self.qR.append(qR); self.qO.append(qO); self.qM.append(qM); self.qC.append(qC)
        lookupTag.append(.zero)
        return wireA.count - 1
    }

    /// Appends a row switched on for `gate` with its fixed-column values.
    /// The gate's constraints read this row's wires and the next added row's.
    /// - Parameters:
    ///   - gate: the custom gate; registered by name on first use (a second gate
    ///     with the same name but other column or constraint counts is a programmer error).
    ///   - fixed: `gate.fixedColumnCount` values for this row.
    ///   - a, b, c, d, e, f: the wires (nil: unused, value 0).
    /// - Returns: the row's index among added rows.
    @discardableResult
    public mutating func addCustomRow(gate: any CustomGate, fixed: [Fr],
                                      a: Variable? = nil, b: Variable? = nil, c: Variable? = nil, d: Variable? = nil,
                                      e: Variable? = nil, f: Variable? = nil) -> Int {
        precondition(fixed.count == gate.fixedColumnCount, "gate \(gate.name) takes \(gate.fixedColumnCount) fixed values")
        let g = registerGate(gate)
        let row = addRow(a: a, b: b, c: c, d: d, e: e, f: f)
        customRows.append((row, g, fixed))
        return row
    }

    /// Registers `gate` (if new) and returns its index.
    @discardableResult
    public mutating func registerGate(_ gate: any CustomGate) -> Int {
        if let i = gates.firstIndex(where: { $0.name == gate.name }) {
            precondition(gates[i].fixedColumnCount == gate.fixedColumnCount && gates[i].constraintCount == gate.constraintCount,
                         "two different gates named \(gate.name)")
            return i
        }
        precondition(gate.fixedColumnCount >= 1 && gate.constraintCount >= 1, "a gate needs columns and constraints")
        gates.append(gate)
        return gates.count - 1
    }

    /// Appends a lookup row asserting (table.tag, a, b, c) is a row of `table`.
    /// Nil wires are zero cells (narrow tables have zero columns there).
    /// - Returns: the row's index among added rows.
    @discardableResult
    public mutating func lookup(_ table: LookupTable, a: Variable, b: Variable? = nil, c: Variable? = nil) -> Int {
        if let i = tables.firstIndex(where: { $0.tag == table.tag }) {
            precondition(tables[i].name == table.name && tables[i].count == table.count, "two tables with tag \(table.tag)")
        } else {
            tables.append(table)
        }
        let row = addRow(a: a, b: b, c: c)
        lookupTag[row] = table.tag
        return row
    }

    // MARK: - Copy constraints

    /// Constrains `x` and `y` to be equal (merges their permutation cycles).
    public mutating func copy(_ x: Variable, _ y: Variable) {
        let rx = find(x.index), ry = find(y.index)
        if rx != ry { parent[max(rx, ry)] = min(rx, ry) }
    }

    /// The representative of `i`'s copy class.
    func find(_ i: Int) -> Int {
        var r = i
        while parent[r] != r { r = parent[r] }
        return r
    }

    /// Path-compressing variant used when compiling.
    mutating func findCompress(_ i: Int) -> Int {
        let r = find(i)
        var j = i
        while parent[j] != r { let next = parent[j]; parent[j] = r; j = next }
        return r
    }
}
