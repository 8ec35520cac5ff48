/// One bound of the plan as the report shows it: a fund's budget in a year, a limit row, or a target, with
/// its value, its bound and its headroom (how far the value is from the bound, in the bound's own unit).
public struct BindingRow: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case budget, limit, target }
    public enum Side: Sendable, Hashable { case upper, lower }

    public var kind: Kind
    public var name: String
    public var group: String?
    public var year: Int?
    public var value: Double
    public var bound: Double
    public var side: Side
    /// Distance from the value to the bound on the allowed side (negative when the bound is missed).
    public var headroom: Double
    public var binding: Bool
    /// A share (a fraction of 1, such as a target on the eco-park share): shown in %, headroom in percentage points.
    public var isShare = false

    /// Within 1% of the bound (and not binding).
    public var nearBinding: Bool { !binding && headroom <= 0.01 * abs(bound) }

    /// A bound binds when the headroom is at most 0.0001 (万元, or the bound's own unit): the precision the
    /// outputs keep, so a row shown with headroom left is never called binding.
    public static func binds(headroom: Double) -> Bool {
        headroom <= tolerance
    }

    public static let tolerance = 0.0001

    public init(kind: Kind, name: String, group: String?, year: Int?, value: Double, bound: Double, side: Side) {
        self.kind = kind
        self.name = name
        self.group = group
        self.year = year
        self.value = value
        self.bound = bound
        self.side = side
        self.headroom = side == .upper ? bound - value : value - bound
        self.binding = Self.binds(headroom: headroom)
    }
}

extension Allocation {
    /// Every budget (per fund and year, where the budget is positive), every limit row and every enforced target, binding
    /// rows first, then by headroom relative to the bound, then in the allocation's order.
    public var bindingRows: [BindingRow] {
        var rows: [BindingRow] = []
        for fund in funds {
            for (index, year) in years.enumerated() where index < fund.budget.count && fund.budget[index] > 0 {
                let used = index < fund.used.count ? fund.used[index] : 0
                rows.append(BindingRow(kind: .budget, name: fund.name, group: nil, year: year, value: used,
                    bound: fund.budget[index], side: .upper))
            }
        }
        for limit in limits {
            if let row = Self.bindingRow(limit) { rows.append(row) }
        }
        for target in targets where !target.reportOnly {
            var row = BindingRow(kind: .target, name: target.name, group: nil, year: target.year, value: target.value,
                bound: target.min, side: .lower)
            row.isShare = target.metric.hasSuffix("share")
            rows.append(row)
        }
        let relative = rows.map { $0.headroom / Swift.max(abs($0.bound), 1e-9) }
        let order = rows.indices.sorted { left, right in
            if rows[left].binding != rows[right].binding { return rows[left].binding }
            if relative[left] != relative[right] { return relative[left] < relative[right] }
            return left < right
        }
        return order.map { rows[$0] }
    }

    /// The tighter side of a limit row (the one with less headroom); nil when the row has no bound.
    static func bindingRow(_ limit: LimitOutcome) -> BindingRow? {
        let upper = limit.max.map {
            BindingRow(kind: .limit, name: limit.name, group: limit.group, year: limit.year, value: limit.value,
                bound: $0, side: .upper)
        }
        let lower = limit.min.map {
            BindingRow(kind: .limit, name: limit.name, group: limit.group, year: limit.year, value: limit.value,
                bound: $0, side: .lower)
        }
        switch (upper, lower) {
        case let (upper?, lower?): return upper.headroom <= lower.headroom ? upper : lower
        case let (upper?, nil): return upper
        case let (nil, lower?): return lower
        case (nil, nil): return nil
        }
    }
}
