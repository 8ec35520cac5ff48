/// A rule of the layer above as a model states it: the rows that hold only while the rule does, and the
/// column bounds the rule tightens.
///
/// A model handed to `InfeasibilityAnalysis` has every group in force. Dropping a group frees its rows
/// (−∞ ≤ a·x ≤ +∞) and gives each listed column its released bounds; rows and bounds that no group lists are
/// facts and always hold. A lock "x = 1" on a binary x is the group `ConstraintGroup(releasedBounds:
/// [ReleasedBound(column: x, lower: 0, upper: 1)])` over a model where x is fixed to 1.
public struct ConstraintGroup: Sendable, Equatable {
    public var rows: [Int]
    public var releasedBounds: [ReleasedBound]

    public init(rows: [Int] = [], releasedBounds: [ReleasedBound] = []) {
        self.rows = rows
        self.releasedBounds = releasedBounds
    }
}

/// The bounds a column takes once the group that tightened it is dropped.
public struct ReleasedBound: Sendable, Equatable {
    public var column: Int
    public var lower: Double
    public var upper: Double

    public init(column: Int, lower: Double, upper: Double) {
        self.column = column
        self.lower = lower
        self.upper = upper
    }
}

extension Model {
    /// The question "do the facts and exactly the groups in `kept` hold together?": this model with a zero
    /// objective, the rows of every other group freed and their columns given their released bounds. A row
    /// or column listed by a kept group stays as it is, even when a dropped group lists it too.
    public func keeping(_ kept: Set<Int>, of groups: [ConstraintGroup]) -> Model {
        var model = self
        model.replaceObjective(Array(repeating: 0, count: columnCount), sense: .minimize)
        let keptRows = Set(kept.flatMap { groups[$0].rows })
        let keptColumns = Set(kept.flatMap { groups[$0].releasedBounds.map(\.column) })
        for (index, group) in groups.enumerated() where !kept.contains(index) {
            for row in group.rows where !keptRows.contains(row) {
                model.setRowBounds(row, lower: -.infinity, upper: .infinity)
            }
            for bound in group.releasedBounds where !keptColumns.contains(bound.column) {
                model.setColumnBounds(bound.column, lower: bound.lower, upper: bound.upper)
            }
        }
        return model
    }
}
