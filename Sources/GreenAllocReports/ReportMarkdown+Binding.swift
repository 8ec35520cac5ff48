import GreenAllocCore

/// report.md: budgets, limits and targets with their headroom, binding rows first (`Allocation.bindingRows`).
extension ReportMarkdown.Report {
    mutating func limits() {
        heading("预算、限制与目标的余量", "Budgets, limits and targets: headroom")
        guard allocation.status == .optimal || allocation.status == .feasible else {
            return paragraph(pick("本次无可行方案，无余量可言。", "No feasible plan, so no headroom to show."))
        }
        let rows = allocation.bindingRows
        guard !rows.isEmpty else { return paragraph(pick("未设预算、限制或目标。", "No budgets, limits or targets.")) }
        let binding = rows.filter { $0.binding && $0.headroom >= -BindingRow.tolerance }.count
        let near = rows.filter(\.nearBinding).count
        paragraph(zh
            ? "共 \(rows.count) 项，其中 \(binding) 项为紧约束（取值达到上限或下限），\(near) 项接近上限或下限（余量不足 1%）。余量为取值与界限之差，单位同取值（金额为万元）。"
            : "\(rows.count) rows: \(binding) binding (value at its bound), \(near) near the limit (headroom under 1%). Headroom is the distance from the value to its bound, in the value's unit (money in 万元).")
        blank()
        var table = MarkdownTable(
            header: [pick("类别", "Kind"), pick("名称", "Name"), pick("分组", "Group"), pick("年度", "Year"),
                pick("取值", "Value"), pick("界限", "Bound"), pick("余量", "Headroom"), pick("状态", "Status")],
            numeric: [4, 5, 6])
        for row in rows {
            let group = row.group.map { cityNames[$0] != nil ? cityLabel($0) : $0 } ?? "—"
            table.add([kindText(row.kind), row.name, group, row.year.map(String.init) ?? "—", shown(row.value, row),
                (row.side == .upper ? "≤ " : "≥ ") + shown(row.bound, row), headroomText(row), bindingStatus(row)])
        }
        add(table)
    }

    /// A value or bound: money (万元, 2 decimals) for budgets and for limits and targets that add up money,
    /// % for shares, the rule's own unit otherwise.
    func shown(_ value: Double, _ row: BindingRow) -> String {
        if row.isShare { return figure(value * 100, places: 2) + "%" }
        return countsMoney(row) ? money(value) : figure(value)
    }

    /// Whether a row's value is money: a budget, a limit summing subsidy, investment or loans, a subsidy target.
    func countsMoney(_ row: BindingRow) -> Bool {
        switch row.kind {
        case .budget: return true
        case .limit:
            switch allocation.basis?.limits.first(where: { label($0.name) == row.name })?.sum {
            case .subsidy?, .investment?, .loan?: return true
            default: return false
            }
        case .target:
            return allocation.basis?.targets.first(where: { label($0.name) == row.name })?.metric == .subsidy
        }
    }

    /// The headroom: 万元 for budgets, percentage points for shares, the rule's own unit otherwise.
    func headroomText(_ row: BindingRow) -> String {
        row.isShare ? figure(row.headroom * 100, places: 2) + pick(" 个百分点", " pp") : shown(row.headroom, row)
    }

    func kindText(_ kind: BindingRow.Kind) -> String {
        switch kind {
        case .budget: pick("预算", "budget")
        case .limit: pick("限制", "limit")
        case .target: pick("目标", "target")
        }
    }

    func bindingStatus(_ row: BindingRow) -> String {
        if row.headroom < -BindingRow.tolerance { return pick("未满足", "not met") }
        if row.binding { return pick("紧约束", "binding") }
        if row.nearBinding { return row.side == .upper ? pick("接近上限", "near the limit") : pick("接近下限", "near the limit") }
        return "—"
    }
}
