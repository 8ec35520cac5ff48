import Charts
import GreenAllocCore
import GreenAllocWhatIf

/// The charts of sweep.html (the first is sweep.svg too), drawn with `Charts` in the page's language: the
/// objective against the fund's budget over the marginal value per 万元 on one budget axis, then the parks
/// named and each target's value at every point against the target's line. Both axes start at zero.
struct SweepCharts {
    let page: SweepPage
    static let width = 680.0

    var sweep: SweepResult { page.sweep }
    func pick(_ chinese: String, _ english: String) -> String { page.pick(chinese, english) }

    var budgetAxis: Axis { Axis(title: pick("资金规划期预算合计（万元）", "Fund budget over the horizon (万元)"), format: .wan) }

    /// The vertical line at the base budget, when the sweep's range holds it.
    var baseLine: [ReferenceLine] {
        let base = sweep.baseBudget.values.reduce(0, +)
        let budgets = sweep.points.map(\.budgetTotal)
        guard let low = budgets.min(), let high = budgets.max(), base >= low, base <= high else { return [] }
        return [ReferenceLine(.vertical, at: base, label: pick("基准预算", "base budget"))]
    }

    /// What a marker's tooltip says of a point: scale, projects funded, parks named.
    func note(_ point: SweepPoint) -> String {
        var text = pick("比例 ", "scale ") + MoneyFormat.plain(point.scale) + pick("；获补项目 ", "; projects funded ")
            + String(point.fundedCount)
        if !point.parks.isEmpty {
            text += pick("；命名园区：", "; parks named: ") + ReportCharts.shortList(point.parks.map(\.name), zh: page.language == .zh)
        }
        return text
    }

    /// The frontier (objective against budget) above the marginal value per 万元 between consecutive points.
    func frontier() -> ReportFigure? {
        guard sweep.points.contains(where: { $0.objective != nil }) else { return nil }
        let points = sweep.points.map { LinePoint(x: $0.budgetTotal, y: $0.objective ?? .nan, note: note($0)) }
        let marginal = sweep.points.compactMap { point in point.marginal.map { LinePoint(x: point.budgetTotal, y: $0) } }
        let firstStep = sweep.points.firstIndex { $0.marginal != nil }.flatMap { index in
            sweep.points[..<index].last { $0.objective != nil }?.budgetTotal
        }
        var panels = [LineChart(
            series: [LineSeries(name: pick("目标值", "objective"), points: points)],
            xAxis: budgetAxis, yAxis: Axis(title: pick("目标值", "Objective")), references: baseLine,
            size: ChartSize(width: Self.width, height: 300))]
        if !marginal.isEmpty {
            panels.append(LineChart(
                series: [LineSeries(name: pick("每万元边际收益", "marginal value per 万元"), points: marginal,
                    interpolation: .stepBefore, firstStepFrom: firstStep)],
                xAxis: budgetAxis, yAxis: Axis(title: pick("每万元目标值", "per 万元"), format: ValueFormat(decimals: 4)),
                references: baseLine, heading: pick("每万元边际收益（相邻两点之间）", "Marginal value per 万元 (between consecutive points)"),
                size: ChartSize(width: Self.width, height: 210)))
        }
        return ReportFigure(
            id: "chart-frontier", title: pick("目标值与预算：", "Objective against the budget: ") + page.fundLabel,
            description: pick("各测算点的目标值与资金预算合计，以及相邻两点之间每万元预算带来的目标值增量。",
                "The objective at each point against the fund's total budget, and the objective gained per 万元 between consecutive points."),
            chart: ChartPanels(LineChart.aligned(panels)), reading: page.frontierReading)
    }

    /// The parks named and each target's value at every point, against the target's minimum.
    func parksAndTargets() -> ReportFigure? {
        let solved = sweep.points.filter { $0.objective != nil }
        let named = solved.contains { !$0.parks.isEmpty }
        let targetCount = solved.first?.targets.count ?? 0
        guard named || targetCount > 0 else { return nil }
        var panels: [LineChart] = []
        if named {
            panels.append(LineChart(
                series: [LineSeries(name: pick("新命名园区数", "parks named"),
                    points: solved.map { LinePoint(x: $0.budgetTotal, y: Double($0.parks.count), note: note($0)) })],
                xAxis: budgetAxis,
                yAxis: Axis(title: pick("园区数（个）", "Parks"), tickCount: Self.countTicks(solved.map { Double($0.parks.count) })),
                references: baseLine,
                heading: pick("新命名生态工业园区数", "Eco parks newly named"), size: ChartSize(width: Self.width, height: 210)))
        }
        for index in 0..<targetCount {
            guard let first = solved.first?.targets[index] else { continue }
            let share = first.metric == TargetMetric.ecoParkShare.description
            let format: ValueFormat = share ? .shareAsPercent : .plain
            let counted = first.metric == TargetMetric.ecoParkCount.description || first.metric == TargetMetric.count.description
            let values = solved.map { point in
                LinePoint(x: point.budgetTotal, y: point.targets.indices.contains(index) ? point.targets[index].value : .nan)
            }
            let line = ReferenceLine(.horizontal, at: first.min, label: pick("目标 ", "target ") + format.value(first.min))
            panels.append(LineChart(
                series: [LineSeries(name: page.scenarioName(first.name), points: values)],
                xAxis: budgetAxis,
                yAxis: Axis(title: page.targetUnit(first), format: format,
                    tickCount: counted ? Self.countTicks(values.map(\.y) + [first.min]) : 5, covers: share ? [0, 1] : []),
                references: [line] + baseLine, heading: pick("目标：", "Target: ") + page.scenarioName(first.name),
                size: ChartSize(width: Self.width, height: 210)))
        }
        return ReportFigure(
            id: "chart-targets", title: pick("园区命名与目标", "Parks named and targets"),
            description: pick("各测算点新命名的园区数，以及各目标的实现值与最低要求。",
                "Parks newly named at each point, and each target's value against its minimum."),
            chart: ChartPanels(LineChart.aligned(panels)), reading: page.targetsReading)
    }

    /// Ticks for a count axis: no more ticks than whole numbers up to its largest value, so that no tick
    /// falls between two counts (1 to 5).
    static func countTicks(_ values: [Double]) -> Int {
        let largest = values.filter(\.isFinite).max() ?? 0
        return Int(Swift.min(5, Swift.max(1, largest.rounded(.up))))
    }
}
