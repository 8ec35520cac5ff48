import Charts
import GreenAllocCore

/// One chart of the HTML report: its SVG (the heading is drawn as the chart's title) and its reading, one
/// sentence in the report's language.
struct ReportFigure {
    var id: String
    var svg: String
    var reading: String

    init(id: String, title: String, description: String, chart: any Chart, reading: String) {
        self.id = id
        svg = chart.svg(ChartHeader(id: id, title: title, description: description))
        self.reading = reading
    }
}

/// The charts of report.html, drawn from the same allocation and with the same words as the report
/// (`ReportMarkdown.Report`): money in 万元, cities and categories named as in its tables.
struct ReportCharts {
    let report: ReportMarkdown.Report
    static let width = 680.0

    var allocation: Allocation { report.allocation }
    func pick(_ chinese: String, _ english: String) -> String { report.pick(chinese, english) }
    var listSeparator: String { pick("；", "; ") }

    /// The charts for `kind`; none when the run found no plan (infeasible, or no solution in time).
    func figures(_ kind: ReportChartKind) -> [ReportFigure] {
        guard allocation.status == .optimal || allocation.status == .feasible else { return [] }
        switch kind {
        case .funds: return [fundUse()].compactMap { $0 }
        case .cities:
            let figures = fairnessFigures
            return [cityCaps(), fairnessShares(figures), fairnessLorenz(figures)].compactMap { $0 }
        case .categories: return [categoryMoney()].compactMap { $0 } + outcomes()
        case .parks: return [parkPath()].compactMap { $0 }
        }
    }

    /// A chart's height for `count` horizontal bars (or bar groups of `series` bars).
    static func barHeight(_ count: Int, series: Int = 1) -> Double {
        Double(80 + count * (8 + (series > 2 ? 7 : 12) * series))
    }

    /// The money axis.
    var moneyAxis: Axis { Axis(title: pick("金额（万元）", "Money (万元)"), format: .wan) }

    func percent(_ part: Double, of whole: Double) -> String { report.ratio(part, of: whole) }

    /// Budget used and left by fund and year, stacked.
    func fundUse() -> ReportFigure? {
        guard !allocation.funds.isEmpty, !allocation.years.isEmpty else { return nil }
        var labels: [String] = [], used: [Double] = [], left: [Double] = []
        var readings: [String] = []
        for fund in allocation.funds {
            var totalBudget = 0.0, totalUsed = 0.0
            for (index, year) in allocation.years.enumerated() {
                let budget = report.yearValue(fund.budget, index), spent = report.yearValue(fund.used, index)
                labels.append(fund.name + " " + String(year))
                used.append(spent)
                left.append(max(0, budget - spent))
                totalBudget += budget
                totalUsed += spent
            }
            readings.append(fund.name + pick("：预算 ", ": budget ") + report.money(totalBudget) + pick(" 万元，已用 ", " 万元, used ")
                + report.money(totalUsed) + pick(" 万元（", " 万元 (") + percent(totalUsed, of: totalBudget) + pick("）", ")"))
        }
        let chart = BarChart(
            categories: labels,
            series: [BarSeries(name: pick("已使用", "used"), values: used), BarSeries(name: pick("结余", "left"), values: left)],
            valueAxis: moneyAxis, orientation: .horizontal, layout: .stacked,
            size: ChartSize(width: Self.width, height: Self.barHeight(labels.count)))
        return ReportFigure(
            id: "chart-funds", title: pick("各资金分年度预算使用", "Budget use by fund and year"),
            description: pick("按资金与年度的已使用与结余预算，单位万元。", "Budget used and left by fund and year, in 万元."),
            chart: chart, reading: readings.joined(separator: listSeparator) + pick("。", "."))
    }

    /// Money and requests by category, grouped; the reading names the largest share and any category left at zero.
    func categoryMoney() -> ReportFigure? {
        var requested: [String: Double] = [:], granted: [String: Double] = [:]
        for project in allocation.projects {
            requested[project.category, default: 0] += project.requestTotal
            if project.funded { granted[project.category, default: 0] += project.subsidyTotal }
        }
        let categories = requested.keys.sorted()
        guard !categories.isEmpty else { return nil }
        let total = granted.values.reduce(0, +)
        let chart = BarChart(
            categories: categories.map(report.categoryText),
            series: [BarSeries(name: pick("申请补助", "requested"), values: categories.map { requested[$0] ?? 0 }),
                BarSeries(name: pick("补助", "granted"), values: categories.map { granted[$0] ?? 0 })],
            valueAxis: moneyAxis, orientation: .horizontal,
            size: ChartSize(width: Self.width, height: Self.barHeight(categories.count, series: 2)))
        var reading: [String] = []
        if let top = categories.max(by: { (granted[$0] ?? 0, $1) < (granted[$1] ?? 0, $0) }), total > 0 {
            reading.append(pick("补助最多的类别：", "Largest share: ") + report.categoryText(top) + pick("，", ", ")
                + report.money(granted[top] ?? 0) + pick(" 万元（占 ", " 万元 (") + percent(granted[top] ?? 0, of: total) + pick("）", ")"))
        }
        let zero = categories.filter { (granted[$0] ?? 0) <= 0 && (requested[$0] ?? 0) > 0 }
        if !zero.isEmpty {
            reading.append(pick("未获补助的类别：", "no money for ")
                + zero.map { report.categoryText($0) + pick("（申请 ", " (requested ") + report.money(requested[$0] ?? 0) + pick(" 万元）", " 万元)") }
                    .joined(separator: pick("、", ", ")))
        }
        return ReportFigure(
            id: "chart-categories", title: pick("分类别申请与补助", "Requests and money by category"),
            description: pick("各类别申请补助额与获得补助额，单位万元。", "Money requested and granted by category, in 万元."),
            chart: chart, reading: reading.joined(separator: listSeparator) + pick("。", "."))
    }
}
