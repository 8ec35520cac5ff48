/// A solver-neutral mixed-integer linear program.
///
/// Columns (variables) have a kind and bounds; rows are boxed, `lower ≤ a·x ≤ upper`, with either side
/// possibly infinite. Every row and column carries a name (ASCII, `[A-Za-z0-9_.]`, at most 255 bytes once
/// validated) and an optional free-form `tag` that the layer above uses to map rows back to the rules that
/// made them. Indices are 0-based here; only the GLPK backend converts to 1-based.
public struct Model: Sendable, Equatable {
    public enum Sense: String, Sendable, Equatable { case minimize, maximize }

    public var name: String
    public var sense: Sense
    public private(set) var columns: [Column] = []
    public private(set) var rows: [Row] = []
    /// Objective coefficients, one per column (same index as `columns`).
    public private(set) var objective: [Double] = []
    /// Constant term of the objective.
    public var objectiveConstant: Double = 0

    public init(name: String = "model", sense: Sense = .maximize) {
        self.name = name
        self.sense = sense
    }

    /// Adds a column and returns its index.
    @discardableResult
    public mutating func addColumn(
        _ name: String, kind: Column.Kind = .continuous, lower: Double = 0, upper: Double = .infinity,
        objective coefficient: Double = 0, tag: String? = nil
    ) -> Int {
        var lowerBound = lower
        var upperBound = upper
        if kind == .binary {
            lowerBound = max(lower, 0)
            upperBound = min(upper, 1)
        }
        columns.append(Column(name: name, kind: kind, lower: lowerBound, upper: upperBound, tag: tag))
        objective.append(coefficient)
        return columns.count - 1
    }

    /// Adds a row `lower ≤ Σ terms ≤ upper` and returns its index. Terms are kept in the given order;
    /// repeated columns are the caller's mistake and are reported by the validator (GLPK aborts on them).
    @discardableResult
    public mutating func addRow(
        _ name: String, terms: [Term], lower: Double = -.infinity, upper: Double = .infinity, tag: String? = nil
    ) -> Int {
        rows.append(Row(name: name, terms: terms, lower: lower, upper: upper, tag: tag))
        return rows.count - 1
    }

    public mutating func setObjective(_ column: Int, _ coefficient: Double) {
        objective[column] = coefficient
    }

    public mutating func setColumnBounds(_ column: Int, lower: Double, upper: Double) {
        columns[column].lower = lower
        columns[column].upper = upper
    }

    public mutating func setRowBounds(_ row: Int, lower: Double, upper: Double) {
        rows[row].lower = lower
        rows[row].upper = upper
    }

    /// Replaces the objective (one coefficient per column) and its sense.
    public mutating func replaceObjective(_ coefficients: [Double], sense: Sense, constant: Double = 0) {
        precondition(coefficients.count == columns.count, "one objective coefficient per column")
        objective = coefficients
        self.sense = sense
        objectiveConstant = constant
    }

    public var columnCount: Int { columns.count }
    public var rowCount: Int { rows.count }
    public var nonzeroCount: Int { rows.reduce(0) { $0 + $1.terms.count } }

    /// Objective value of a point (constant included).
    public func objectiveValue(_ values: [Double]) -> Double {
        var total = objectiveConstant
        for (index, coefficient) in objective.enumerated() where coefficient != 0 {
            total += coefficient * values[index]
        }
        return total
    }

    /// Row activity `a·x` of a point.
    public func activity(ofRow row: Int, _ values: [Double]) -> Double {
        rows[row].terms.reduce(0) { $0 + $1.coefficient * values[$1.column] }
    }
}

public struct Column: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable { case continuous, integer, binary }
    public var name: String
    public var kind: Kind
    public var lower: Double
    public var upper: Double
    public var tag: String?

    public var isInteger: Bool { kind != .continuous }
}

public struct Term: Sendable, Equatable {
    public var column: Int
    public var coefficient: Double
    public init(_ column: Int, _ coefficient: Double) {
        self.column = column
        self.coefficient = coefficient
    }
}

public struct Row: Sendable, Equatable {
    public var name: String
    public var terms: [Term]
    public var lower: Double
    public var upper: Double
    public var tag: String?
}
