/// Names for groups of rows, so that a failing witness is reported by what it violates
/// ("slot 3 sender: balance ≥ value + gas limit × fee cap") and not only by a row number.
/// Names are for people: they change nothing in the compiled circuit or its keys.
extension ConstraintSystem {
    /// Starts a region: the rows added from now on, up to the next region, carry `name`.
    public mutating func region(_ name: String) {
        if let last = regionStarts.last, last.row == rowCount { regionStarts.removeLast() }
        regionStarts.append((rowCount, name))
    }

    /// The name of the region rows are added to now, if any (gadgets name their parts
    /// "⟨caller's region⟩ · part" and hand the caller's name back when done).
    public var currentRegion: String? { regionStarts.last?.name }

    /// Every region with the rows it holds (regions of one name summed), in first-use order:
    /// where a circuit's rows go (`zkrollup circuit rows`).
    public var regionRows: [(name: String, rows: Int)] {
        var order: [String] = [], rows: [String: Int] = [:]
        for (i, start) in regionStarts.enumerated() {
            let end = i + 1 < regionStarts.count ? regionStarts[i + 1].row : rowCount
            if rows[start.name] == nil { order.append(start.name) }
            rows[start.name, default: 0] += end - start.row
        }
        return order.map { ($0, rows[$0]!) }
    }

    /// The region of a row of the compiled circuit ("public input i" on the public-input rows
    /// that come first), or nil.
    public func regionName(compiledRow row: Int) -> String? {
        if row < publicInputs.count { return "public input \(row)" + (publicInputNames[row].map { " (\($0))" } ?? "") }
        let r = row - publicInputs.count
        guard r < rowCount else { return nil }
        var lo = 0, hi = regionStarts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if regionStarts[mid].row <= r { lo = mid + 1 } else { hi = mid }
        }
        return lo == 0 ? nil : regionStarts[lo - 1].name
    }

    /// `error` with the regions of the rows it names.
    public func explain(_ error: SatisfiabilityError) -> String {
        func at(_ row: Int) -> String { regionName(compiledRow: row).map { " [\($0)]" } ?? "" }
        switch error {
        case .arithmeticGate(let row, _), .customGate(_, let row, _, _), .lookup(let row, _, _):
            return "\(error)\(at(row))"
        case let .copyConstraint(_, from, _, to):
            return "\(error)\(at(from))\(at(to))"
        case .shapeMismatch, .publicInput:
            return error.description
        }
    }
}
