extension Row {
    /// How close to a bound counts as at it: `1e-6 × max(1, |bound|)` (relative for large bounds, absolute
    /// near zero).
    public static func tolerance(at bound: Double) -> Double {
        1e-6 * Swift.max(1, abs(bound))
    }

    /// Whether a slack (the distance from an activity to its bound, on the allowed side) is within
    /// `tolerance(at: bound)`, that is, the bound binds.
    public static func isBinding(slack: Double, bound: Double) -> Bool {
        slack <= tolerance(at: bound)
    }

    /// Whether an activity sits at a finite side of the row (either side, within `tolerance(at:)`).
    public func isBinding(at activity: Double) -> Bool {
        if upper.isFinite, Self.isBinding(slack: upper - activity, bound: upper) { return true }
        if lower.isFinite, Self.isBinding(slack: activity - lower, bound: lower) { return true }
        return false
    }
}

extension Model {
    /// Whether row `row` binds at a point (see `Row.isBinding(at:)`).
    public func isBinding(row: Int, at values: [Double]) -> Bool {
        rows[row].isBinding(at: activity(ofRow: row, values))
    }
}
