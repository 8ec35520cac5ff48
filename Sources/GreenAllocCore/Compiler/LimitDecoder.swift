public import MILP

/// Reads the rows of `LimitBridge` back at a point, for the subsidy and the loan model alike: one outcome per
/// limit group (and year), in the order of their first row, with value = Σ_group q and the tightest effective
/// bounds. A share row holds Σ_group q − s·Σ_base q, so its effective bound is s·Σ_base q = group − row.
public struct LimitDecoder: Sendable {
    public let limits: [LimitSpec]

    public init(limits: [LimitSpec]) {
        self.limits = limits
    }

    /// The outcomes at a point (`values`, one per column of `model`).
    public func outcomes(_ rows: [LimitRow], model: Model, values: [Double]) -> [LimitOutcome] {
        struct Key: Hashable {
            var index: Int
            var group: String?
            var year: Int?
        }
        var order: [Key] = []
        var entries: [Key: LimitOutcome] = [:]
        for entry in rows {
            let origin = entry.origin
            let key = Key(index: origin.index, group: origin.group, year: origin.year)
            let limit = limits[origin.index]
            let activity = model.activity(ofRow: entry.row, values)
            if entries[key] == nil { order.append(key) }
            var outcome = entries[key]
                ?? LimitOutcome(name: limit.name, group: origin.group, year: origin.year, value: 0, max: nil, min: nil, binding: false)
            switch origin.part {
            case .absolute:
                outcome.value = activity
                outcome.max = limit.max
                outcome.min = limit.min
                if let upper = limit.max, Row.isBinding(slack: upper - activity, bound: upper) { outcome.binding = true }
                if let lower = limit.min, Row.isBinding(slack: activity - lower, bound: lower) { outcome.binding = true }
            case .maxShare:
                let groupValue = entry.groupTerms.reduce(0) { $0 + $1.coefficient * values[$1.column] }
                let bound = groupValue - activity
                outcome.value = groupValue
                outcome.max = outcome.max.map { Swift.min($0, bound) } ?? bound
                if Row.isBinding(slack: -activity, bound: bound) { outcome.binding = true }
            case .minShare:
                let groupValue = entry.groupTerms.reduce(0) { $0 + $1.coefficient * values[$1.column] }
                let bound = groupValue - activity
                outcome.value = groupValue
                outcome.min = outcome.min.map { Swift.max($0, bound) } ?? bound
                if Row.isBinding(slack: activity, bound: bound) { outcome.binding = true }
            }
            entries[key] = outcome
        }
        return order.compactMap { entries[$0] }
    }
}
