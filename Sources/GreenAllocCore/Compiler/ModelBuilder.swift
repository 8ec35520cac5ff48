public import MILP

/// Which bound of a limit a row carries (scenario-format §7).
public enum LimitPart: Sendable, Hashable {
    /// min ≤ Σ_group q ≤ max, boxed in one row.
    case absolute
    /// Σ_group q − max_share·Σ_base q ≤ 0.
    case maxShare
    /// Σ_group q − min_share·Σ_base q ≥ 0.
    case minShare
}

/// Where a limit row comes from: the limit (scenario position), its group (nil without `group_by`), its year
/// (nil unless `per_year`) and the bound it carries.
public struct LimitOrigin: Sendable, Hashable {
    public var index: Int
    public var group: String?
    public var year: Int?
    public var part: LimitPart

    public init(index: Int, group: String?, year: Int?, part: LimitPart) {
        self.index = index
        self.group = group
        self.year = year
        self.part = part
    }

    /// The rule a diagnosis names for this row: the limit, its group and year.
    public func conflictRule(scenario: Scenario) -> ConflictRule {
        .limit(rule: scenario.limits[index].name, group: group, year: year)
    }
}

/// A limit row of a built model with what reading it back needs.
public struct LimitRow: Sendable {
    public var row: Int
    public var origin: LimitOrigin
    /// Share rows: the group's own terms Σ_group q (the row holds Σ_group q − s·Σ_base q); empty for absolute rows.
    public var groupTerms: [Term]
}

/// The row origins of a model that holds limit rows (the subsidy and the loan model): an enum case
/// `limit(LimitOrigin)` fulfils it.
protocol LimitRowOrigin: Sendable, Hashable {
    static func limit(_ origin: LimitOrigin) -> Self
}

/// Builds a model and its row origins together: every row is added with its typed origin, limit rows are
/// also indexed with their group terms, so nothing is kept in step by hand.
struct ModelBuilder<Origin: LimitRowOrigin>: Sendable {
    private(set) var model: Model
    /// One per row of `model`.
    private(set) var origins: [Origin]
    /// The limit rows, in row order.
    private(set) var limitRows: [LimitRow] = []

    init(model: Model, origins: [Origin] = []) {
        precondition(origins.count == model.rowCount, "one origin per row")
        self.model = model
        self.origins = origins
    }

    /// Adds a column and returns its index.
    @discardableResult
    mutating func addColumn(
        _ name: String, kind: Column.Kind = .continuous, lower: Double = 0, upper: Double = .infinity,
        objective coefficient: Double = 0
    ) -> Int {
        model.addColumn(name, kind: kind, lower: lower, upper: upper, objective: coefficient)
    }

    /// Adds a row `lower ≤ Σ terms ≤ upper` made by `origin` and returns its index.
    @discardableResult
    mutating func addRow(
        _ name: String, _ terms: [Term], lower: Double = -.infinity, upper: Double = .infinity, origin: Origin
    ) -> Int {
        origins.append(origin)
        return model.addRow(name, terms: terms, lower: lower, upper: upper)
    }

    /// Adds a limit row; `groupTerms` (share rows) is Σ_group q, to report the group's value.
    @discardableResult
    mutating func addLimitRow(
        _ name: String, _ terms: [Term], lower: Double, upper: Double, limit: LimitOrigin, groupTerms: [Term] = []
    ) -> Int {
        let row = addRow(name, terms, lower: lower, upper: upper, origin: .limit(limit))
        limitRows.append(LimitRow(row: row, origin: limit, groupTerms: groupTerms))
        return row
    }

    /// Adds `coefficient` to a column's objective coefficient.
    mutating func addObjective(_ column: Int, _ coefficient: Double) {
        model.setObjective(column, model.objective[column] + coefficient)
    }
}
