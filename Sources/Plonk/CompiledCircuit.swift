import BN254

/// The fixed part of a circuit after layout: n rows, selector and custom-gate
/// columns, the copy permutation and lookup tables. Made by
/// `ConstraintSystem.compile()`; input to `ProvingKey` preprocessing and the
/// satisfiability checker.
///
/// Fixed-column order (the order of VK commitments): qL, qR, qO, qM, qC,
/// σa, σb, σc, qLookup, qTag, tableTag, table0, table1, table2, then each custom
/// gate's columns in gate order.
public struct CompiledCircuit: Sendable {
    /// n, the number of rows: a power of two ≥ 16.
    public let size: Int
    /// ℓ, the number of public inputs (rows 0 ..< ℓ).
    public let publicInputCount: Int
    /// Arithmetic selectors, n values each.
    public let qL: [Fr], qR: [Fr], qO: [Fr], qM: [Fr], qC: [Fr]
    /// The copy permutation over the 3n cells (cell = column·n + row, columns a, b, c):
    /// `permutation[cell]` is the next cell in its cycle.
    public let permutation: [Int]
    /// Lookup selector (0 or 1) and the per-row lookup tag.
    public let qLookup: [Fr], qTag: [Fr]
    /// Table columns: tag, t0, t1, t2 (tables concatenated, padded by repeating the first row).
    public let tableTag: [Fr], table0: [Fr], table1: [Fr], table2: [Fr]
    /// Custom gates, in VK order.
    public let gates: [any CustomGate]
    /// Each gate's fixed columns, flattened in gate order (n values each).
    public let gateColumns: [[Fr]]
    /// The index in `gateColumns` of each gate's first column.
    public let gateColumnOffsets: [Int]
    /// The lookup tables, in layout order.
    public let tables: [LookupTable]

    /// Number of fixed columns that precede the custom-gate columns.
    public static let builtinFixedColumnCount = 14

    /// All fixed columns in VK order, σ columns as field elements (k·ωⁱ).
    public func fixedColumns(sigma: [[Fr]]) -> [[Fr]] {
        [qL, qR, qO, qM, qC, sigma[0], sigma[1], sigma[2], qLookup, qTag, tableTag, table0, table1, table2] + gateColumns
    }

    /// The σ columns as field elements: cell (col, row) is named k_col·ω^row
    /// with k = (1, k1, k2).
    public func sigmaColumns(omegaPowers: [Fr]) -> [[Fr]] {
        let n = size
        let ks = [Fr.one, PlonkConstants.k1, PlonkConstants.k2]
        return (0..<3).map { col in
            (0..<n).map { row in
                let t = permutation[col * n + row]
                return ks[t / n] * omegaPowers[t % n]
            }
        }
    }

    init(size: Int, publicInputCount: Int, qL: [Fr], qR: [Fr], qO: [Fr], qM: [Fr], qC: [Fr], permutation: [Int],
         qLookup: [Fr], qTag: [Fr], tableTag: [Fr], table0: [Fr], table1: [Fr], table2: [Fr],
         gates: [any CustomGate], gateColumns: [[Fr]], gateColumnOffsets: [Int], tables: [LookupTable]) {
        self.size = size; self.publicInputCount = publicInputCount
        self.qL = qL; self.qR = qR; self.qO = qO; self.qM = qM; self.qC = qC
        self.permutation = permutation; self.qLookup = qLookup; self.qTag = qTag
        self.tableTag = tableTag; self.table0 = table0; self.table1 = table1; self.table2 = table2
        self.gates = gates; self.gateColumns = gateColumns; self.gateColumnOffsets = gateColumnOffsets; self.tables = tables
    }
}

/// The witness of a compiled circuit: the six wire columns (n values each)
/// and the public inputs. Fields are mutable so tests can corrupt a witness.
public struct Assignment: Sendable {
    /// Wire columns: a, b, c permuted, d, e, f auxiliary.
    public var a: [Fr], b: [Fr], c: [Fr], d: [Fr], e: [Fr], f: [Fr]
    /// The public inputs (equal to a[0 ..< ℓ] in a valid assignment).
    public var publicInputs: [Fr]

    /// An assignment from its columns; e and f default to zero columns.
    public init(a: [Fr], b: [Fr], c: [Fr], d: [Fr], e: [Fr]? = nil, f: [Fr]? = nil, publicInputs: [Fr]) {
        self.a = a; self.b = b; self.c = c; self.d = d
        self.e = e ?? [Fr](repeating: .zero, count: a.count)
        self.f = f ?? [Fr](repeating: .zero, count: a.count)
        self.publicInputs = publicInputs
    }

    /// The columns in wire order a, b, c, d, e, f.
    public var columns: [[Fr]] { [a, b, c, d, e, f] }

    /// Row i's wire values.
    @inlinable
    public func row(_ i: Int) -> WireValues { WireValues(a: a[i], b: b[i], c: c[i], d: d[i], e: e[i], f: f[i]) }
}

/// Constants of the protocol.
public enum PlonkConstants {
    /// k1 = 5 (Fr's multiplicative generator): k1·H is a coset disjoint from H
    /// because 5 is a quadratic non-residue generating Fr*, so no power of it
    /// of 2-power order lies in H.
    public static let k1 = Fr(5)
    /// k2 = 25 = 5²: k2·H is disjoint from H and from k1·H (k2/k1 = 5 ∉ H).
    public static let k2 = Fr(25)
    /// The smallest circuit size: the quotient's degree 3n + 8 must stay below 4n.
    public static let minimumSize = 16
    /// Extra coefficients of each blinded witness polynomial (degree n + 2).
    public static let blindingCount = 3
    /// Transcript domain separator.
    public static let transcriptLabel = "zkrollup.plonk.v2"
}
