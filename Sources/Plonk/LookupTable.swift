import BN254

/// A fixed lookup table of rows (t0, t1, t2), identified by a tag.
///
/// A lookup row with `qLookup = 1` and tag `tag` asserts that its wires
/// (a, b, c) equal some row of the table with that tag. Tables are laid out in
/// the fixed columns (ttag, t0, t1, t2) one after another; the circuit's n
/// must be at least the total number of table rows. Unused columns of a
/// narrower table are zero (a 1-column range table has t1 = t2 = 0, so a
/// lookup into it needs b = c = 0).
public struct LookupTable: Sendable, Hashable {
    /// A human-readable name (used in error messages).
    public let name: String
    /// The tag that distinguishes this table's rows from other tables'; non-zero.
    public let tag: Fr
    /// First column.
    public let column0: [Fr]
    /// Second column.
    public let column1: [Fr]
    /// Third column.
    public let column2: [Fr]

    /// A table from its columns.
    /// - Parameters:
    ///   - name: for messages.
    ///   - tag: a non-zero tag, distinct among the circuit's tables.
    ///   - column0, column1, column2: equal-length, non-empty columns.
    public init(name: String, tag: Fr, column0: [Fr], column1: [Fr], column2: [Fr]) {
        precondition(!column0.isEmpty && column0.count == column1.count && column0.count == column2.count,
                     "table columns must be non-empty and of equal length")
        precondition(!tag.isZero, "table tags must be non-zero")
        self.name = name; self.tag = tag
        self.column0 = column0; self.column1 = column1; self.column2 = column2
    }

    /// The number of rows.
    public var count: Int { column0.count }

    /// x ∈ [0, 2⁸): one column, tag 1.
    public static let range8 = LookupTable.range(bits: 8, tag: Fr(1), name: "range8")

    /// x ∈ [0, 2¹⁶): one column, tag 2; needs n ≥ 65536.
    public static let range16 = LookupTable.range(bits: 16, tag: Fr(2), name: "range16")

    /// (x, y, x ⊕ y) for bytes x, y: tag 3; 65536 rows, needs n ≥ 65536.
    public static let xor8 = LookupTable.binary(bits: 8, tag: Fr(3), name: "xor8", op: ^)

    /// (x, y, x ∧ y) for bytes x, y: tag 4; 65536 rows, needs n ≥ 65536.
    public static let and8 = LookupTable.binary(bits: 8, tag: Fr(4), name: "and8", op: &)

    /// (x, y, x ⊕ y) for 4-bit x, y: tag 5; 256 rows (small, for tests).
    public static let xor4 = LookupTable.binary(bits: 4, tag: Fr(5), name: "xor4", op: ^)

    /// The range table [0, 2^bits) in column 0 (columns 1, 2 zero).
    /// - Parameters:
    ///   - bits: 1…20.
    ///   - tag: non-zero tag.
    ///   - name: for messages.
    public static func range(bits: Int, tag: Fr, name: String) -> LookupTable {
        let n = 1 << bits
        let zeros = [Fr](repeating: .zero, count: n)
        return LookupTable(name: name, tag: tag, column0: (0..<n).map { Fr(UInt64($0)) }, column1: zeros, column2: zeros)
    }

    /// The table (x, y, op(x, y)) for all x, y < 2^bits.
    /// - Parameters:
    ///   - bits: 1…8.
    ///   - tag: non-zero tag.
    ///   - name: for messages.
    ///   - op: the bitwise operation.
    public static func binary(bits: Int, tag: Fr, name: String, op: (UInt64, UInt64) -> UInt64) -> LookupTable {
        let m = 1 << bits
        var c0 = [Fr](), c1 = [Fr](), c2 = [Fr]()
        c0.reserveCapacity(m * m); c1.reserveCapacity(m * m); c2.reserveCapacity(m * m)
        for x in 0..<UInt64(m) {
            for y in 0..<UInt64(m) {
                c0.append(Fr(x)); c1.append(Fr(y)); c2.append(Fr(op(x, y)))
            }
        }
        return LookupTable(name: name, tag: tag, column0: c0, column1: c1, column2: c2)
    }
}

/// A lookup key (tag, a, b, c): hashable, for multiplicity counting and checks.
struct LookupKey: Hashable, Sendable {
    let tag: Fr, a: Fr, b: Fr, c: Fr
}
