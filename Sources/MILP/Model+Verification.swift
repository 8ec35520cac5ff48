extension Model {
    /// Checks a point against the model, independently of any solver.
    ///
    /// A bound `b` is met when the value is within `tolerance · max(1, |b|)` of the allowed side (relative
    /// tolerance for large bounds, absolute near zero); integrality holds when a value is within `tolerance`
    /// of an integer. Returns every violation found (empty means feasible).
    public func verify(_ values: [Double], tolerance: Double = 1e-6) -> [Violation] {
        guard values.count == columns.count else {
            return [
                Violation(
                    kind: .length, name: "", index: values.count, value: Double(values.count),
                    limit: Double(columns.count))
            ]
        }
        var violations: [Violation] = []
        for (index, column) in columns.enumerated() {
            let value = values[index]
            guard value.isFinite else {
                violations.append(
                    Violation(kind: .nonFiniteValue, name: column.name, index: index, value: value, limit: 0))
                continue
            }
            if let limit = Self.crossedBound(
                value, lower: column.effectiveLower, upper: column.effectiveUpper, tolerance: tolerance)
            {
                violations.append(
                    Violation(kind: .columnBound, name: column.name, index: index, value: value, limit: limit))
            }
            if column.isInteger, abs(value - value.rounded()) > tolerance {
                violations.append(
                    Violation(
                        kind: .integrality, name: column.name, index: index, value: value, limit: value.rounded()))
            }
        }
        guard violations.allSatisfy({ $0.kind != .nonFiniteValue }) else { return violations }
        for (index, row) in rows.enumerated() {
            let activity = activity(ofRow: index, values)
            if let limit = Self.crossedBound(activity, lower: row.lower, upper: row.upper, tolerance: tolerance) {
                violations.append(
                    Violation(kind: .rowBound, name: row.name, index: index, value: activity, limit: limit))
            }
        }
        return violations
    }

    /// True when `verify` finds nothing.
    public func isFeasible(_ values: [Double], tolerance: Double = 1e-6) -> Bool {
        verify(values, tolerance: tolerance).isEmpty
    }

    private static func crossedBound(_ value: Double, lower: Double, upper: Double, tolerance: Double) -> Double? {
        if lower.isFinite, value < lower - tolerance * max(1, abs(lower)) { return lower }
        if upper.isFinite, value > upper + tolerance * max(1, abs(upper)) { return upper }
        return nil
    }
}
