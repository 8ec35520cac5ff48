internal import GreenAllocCore
internal import GreenAllocWhatIf

/// The monotone view of a sweep (`sweep --monotone`) in sweep.md and sweep.html: per point the monotone plan's
/// objective beside the free optimum and what it gives up, and per project the first budget from which it is
/// funded.
extension SweepPage {
    func monotoneBlocks() -> [ReportDocument.Block] {
        guard let view = sweep.monotone else { return [] }
        var blocks: [ReportDocument.Block] = [.heading(pick("单调视图：预算增加时获补项目只增不减", "Monotone view: the funded set only grows with the budget"))]
        blocks.append(.line(pick(
            "最低预算取自由最优方案；其后每个测算点在保留上一点全部获补项目的前提下求最优（逐级最优，不是各点目标值之和的最优）。合计放弃目标值 ",
            "The lowest budget takes the free optimum; every further point is solved keeping every project the point below funds (optimal level by level, not for the sum over the points). Objective given up in all: ")
            + MoneyFormat.display(view.totalGivenUp) + pick("。", ".")))
        blocks.append(.blank)
        var table = MarkdownTable(
            header: [pick("比例", "Scale"), pick("预算合计（万元）", "Budget (万元)"), pick("自由最优目标值", "Free optimum"),
                pick("单调视图目标值", "Monotone objective"), pick("放弃的目标值", "Given up"), pick("放弃比例", "Given up (%)"),
                pick("获补项目数", "Projects funded"), pick("自此点起获补", "Funded from here on")],
            numeric: [0, 1, 2, 3, 4, 5, 6, 7])
        for point in view.points {
            table.add([
                MoneyFormat.plain(point.scale), MoneyFormat.display(point.budgetTotal),
                point.freeObjective.map(MoneyFormat.display) ?? "—", point.objective.map(MoneyFormat.display) ?? "—",
                point.givenUp.map(MoneyFormat.display) ?? "—", point.givenUpShare.map { MoneyFormat.percent($0) } ?? "—",
                point.objective == nil ? "—" : String(point.funded.count), point.objective == nil ? "—" : String(point.entering.count),
            ])
        }
        blocks += [.table(table), .blank]
        guard !view.firstPoint.isEmpty else { return blocks }
        blocks.append(.heading(pick("各项目自哪一预算起获补", "The budget from which each project is funded")))
        var projects = MarkdownTable(
            header: [pick("项目", "Project"), pick("比例", "Scale"), pick("预算合计（万元）", "Budget (万元)")], numeric: [1, 2])
        for (id, index) in view.firstPoint {
            projects.add([project(id), MoneyFormat.plain(view.points[index].scale), MoneyFormat.display(view.points[index].budgetTotal)])
        }
        return blocks + [.table(projects), .blank]
    }
}
