/// How far one row's bounds move: `lower − lowerBy ≤ a·x ≤ upper + upperBy`.
public struct RowRelaxation: Sendable, Equatable {
    public var row: Int
    public var lowerBy: Double
    public var upperBy: Double

    public init(row: Int, lowerBy: Double = 0, upperBy: Double = 0) {
        self.row = row
        self.lowerBy = lowerBy
        self.upperBy = upperBy
    }
}

/// What one group gives in the cheapest relaxation.
public struct GroupRelaxation: Sendable, Equatable {
    public var group: Int
    /// The group's rows that move (the others keep their bounds).
    public var rows: [RowRelaxation]
    /// True when the group's column bounds are released (set to their `ReleasedBound`s).
    public var releasesBounds: Bool
    /// True when this relaxation alone, every other group in force as it is, was shown to make the model
    /// feasible (a feasible point was found and checked).
    public var restoresFeasibilityAlone: Bool

    public init(group: Int, rows: [RowRelaxation], releasesBounds: Bool, restoresFeasibilityAlone: Bool = false) {
        self.group = group
        self.rows = rows
        self.releasesBounds = releasesBounds
        self.restoresFeasibilityAlone = restoresFeasibilityAlone
    }

    /// Σ (lowerBy + upperBy) over the group's rows, in the rows' own units.
    public var rowAmount: Double { rows.reduce(0) { $0 + $1.lowerBy + $1.upperBy } }
}

/// The cheapest relaxation of an infeasible model's groups (see `InfeasibilityAnalysis.elasticRelaxation`).
public struct ElasticRelaxation: Sendable, Equatable {
    /// The groups that give something, in group order.
    public var groups: [GroupRelaxation]
    /// True when all of them applied together were shown to make the model feasible.
    public var restoresFeasibility: Bool

    public init(groups: [GroupRelaxation], restoresFeasibility: Bool) {
        self.groups = groups
        self.restoresFeasibility = restoresFeasibility
    }
}

extension Model {
    /// This model with `relaxations` applied: each listed row's bounds widened by its amounts, and the column
    /// bounds of each group that releases them set to the group's released bounds.
    public func relaxing(_ relaxations: [GroupRelaxation], of groups: [ConstraintGroup]) -> Model {
        var model = self
        for relaxation in relaxations {
            for row in relaxation.rows {
                let bounds = model.rows[row.row]
                model.setRowBounds(row.row, lower: bounds.lower - row.lowerBy, upper: bounds.upper + row.upperBy)
            }
            guard relaxation.releasesBounds else { continue }
            for bound in groups[relaxation.group].releasedBounds {
                let column = model.columns[bound.column]
                model.setColumnBounds(
                    bound.column, lower: Swift.min(column.lower, bound.lower), upper: Swift.max(column.upper, bound.upper))
            }
        }
        return model
    }
}
