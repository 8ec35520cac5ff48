import Charts
import GreenAllocCore

/// report.html: each city's money against its cap, and the fairness panel.
extension ReportCharts {
    /// The cities in the report's order, with their names.
    var cityColumn: (ids: [String], names: [String]) {
        let ids = report.cityIDs
        return (ids, ids.map { report.cityNames[$0] ?? $0 })
    }

    /// The first limit (by name, in the allocation's order) whose rows are per city: each city's value and cap
    /// summed over the years, with the row nearest its cap.
    func cityCaps() -> ReportFigure? {
        let cities = Set(report.cityIDs)
        let rows = allocation.limits.filter { $0.max != nil && $0.group.map(cities.contains) == true }
        guard let name = rows.first?.name else { return nil }
        let limitRows = rows.filter { $0.name == name }
        var value: [String: Double] = [:], cap: [String: Double] = [:]
        for row in limitRows {
            guard let city = row.group else { continue }
            value[city, default: 0] += row.value
            cap[city, default: 0] += row.max ?? 0
        }
        let (ids, names) = cityColumn
        let chart = BarChart(
            categories: names, series: [BarSeries(name: pick("分配资金", "allocated"), values: ids.map { value[$0] ?? 0 })],
            valueAxis: Axis(title: pick("受限金额（万元）", "Limited amount (万元)"), format: .wan), orientation: .horizontal,
            references: ids.map { cap[$0] }, referenceLabel: pick("上限", "cap"),
            size: ChartSize(width: Self.width, height: Self.barHeight(ids.count)))
        let binding = limitRows.filter(\.binding).count
        var reading = pick("限制“", "Limit “") + name + pick("”：", "”: ") + pick("\(binding) 行达到上限", "rows at their cap: \(binding)")
        let nearest = limitRows.filter { ($0.max ?? 0) > 0 }.max { left, right in
            left.value / (left.max ?? 1) < right.value / (right.max ?? 1)
        }
        if let nearest, let city = nearest.group, let limit = nearest.max {
            reading += pick("；最接近上限的是", "; nearest its cap: ") + (report.cityNames[city] ?? city)
                + (nearest.year.map { pick(" \($0) 年", " in \($0)") } ?? "") + pick("，已用上限的 ", ", at ")
                + percent(nearest.value, of: limit) + pick("（", " (") + report.money(nearest.value) + " / " + report.money(limit)
                + pick(" 万元）", " 万元) of its cap")
        }
        return ReportFigure(
            id: "chart-city-caps", title: pick("各市分配与上限", "Each city's money against its cap"),
            description: pick("各市受限金额（各年合计）与其上限，单位万元。", "Each city's limited amount (all years) against its cap, in 万元."),
            chart: chart, reading: reading + pick("。", "."))
    }

    /// Per city: project subsidies, requests, and the cities table's GDP and population columns.
    var fairnessFigures: FairnessFigures {
        let ids = report.cityIDs
        var money: [String: Double] = [:], requests: [String: Double] = [:]
        for project in allocation.projects {
            requests[project.city, default: 0] += project.requestTotal
            if project.funded { money[project.city, default: 0] += project.subsidyTotal }
        }
        var columns = Set<String>()
        for city in allocation.cities { columns.formUnion(city.figures.keys) }
        let figures = Dictionary(allocation.cities.map { ($0.id, $0.figures) }, uniquingKeysWith: { first, _ in first })
        let others = columns.sorted().compactMap { column -> (label: String, values: [Double])? in
            guard let label = measureLabel(column) else { return nil }
            let values = ids.map { figures[$0]?[column] ?? 0 }
            return values.allSatisfy { $0 >= 0 } && values.contains { $0 > 0 } ? (label, values) : nil
        }
        return (ids.map { money[$0] ?? 0 }, ids.map { requests[$0] ?? 0 }, others)
    }

    /// `gdp_2022` → 2022年GDP / GDP 2022, `population` → 人口 / population; nil for other columns.
    func measureLabel(_ column: String) -> String? {
        let lower = column.lowercased()
        let year = lower.split(separator: "_").last.flatMap { Int($0) }.map(String.init)
        if lower.hasPrefix("gdp") { return year.map { pick($0 + "年GDP", "GDP " + $0) } ?? "GDP" }
        if lower.hasPrefix("pop") { return year.map { pick($0 + "年人口", "population " + $0) } ?? pick("人口", "population") }
        return nil
    }

    static func shares(_ values: [Double]) -> [Double] {
        let total = values.reduce(0, +)
        return values.map { total > 0 ? $0 / total : 0 }
    }

    typealias FairnessFigures = (money: [Double], requests: [Double], others: [(label: String, values: [Double])])

    /// Each city's share of the money beside its share of the requests (and of GDP or population).
    func fairnessShares(_ figures: FairnessFigures) -> ReportFigure? {
        let (money, requests, others) = figures
        guard money.contains(where: { $0 > 0 }) else { return nil }
        let series = [BarSeries(name: pick("资金占比", "share of money"), values: Self.shares(money)),
            BarSeries(name: pick("申请占比", "share of requests"), values: Self.shares(requests))]
            + others.map { BarSeries(name: pick($0.label + "占比", "share of " + $0.label), values: Self.shares($0.values)) }
        let names = cityColumn.names
        let chart = BarChart(
            categories: names, series: series, valueAxis: Axis(title: pick("占全省比例", "Share of the province"), format: .shareAsPercent),
            orientation: .horizontal, size: ChartSize(width: Self.width, height: Self.barHeight(names.count, series: series.count)))
        let ratio = zip(Self.shares(money), Self.shares(requests)).map { $1 > 0 ? $0 / $1 : 0 }
        var reading = pick("资金占比与申请占比之比", "Share of money over share of requests")
        if let high = ratio.indices.max(by: { ratio[$0] < ratio[$1] }), let low = ratio.indices.min(by: { ratio[$0] < ratio[$1] }) {
            reading += pick("最高为", ": highest ") + names[high] + "（" + MoneyFormat.fixed(ratio[high], places: 2) + "）"
                + pick("，最低为", ", lowest ") + names[low] + "（" + MoneyFormat.fixed(ratio[low], places: 2) + "）"
        }
        if !report.zh { reading = reading.replacingFullWidthParentheses() }
        return ReportFigure(
            id: "chart-fairness-shares", title: pick("公平性：各市资金占比与申请占比", "Fairness: each city's share of money and of requests"),
            description: pick("各市获得的项目补助占全省比例，对照其申请额占比及人口、GDP 占比。",
                "Each city's share of the project subsidies beside its share of the requests, population or GDP."),
            chart: chart, reading: reading + pick("。", "."))
    }

    /// Lorenz curves of the money over the cities, weighted by requests (and by GDP or population), with Gini.
    func fairnessLorenz(_ figures: FairnessFigures) -> ReportFigure? {
        let (money, requests, others) = figures
        let names = cityColumn.names
        let weights = [(pick("申请额", "requests"), requests)] + others.map { ($0.label, $0.values) }
        var panels: [any Chart] = [], readings: [String] = []
        for (label, values) in weights {
            guard let curve = LorenzCurve(amounts: money, weights: values) else { continue }
            let chart = LorenzChart(
                curve: curve, unitNames: names, xTitle: pick("\(label)累计占比", "cumulative share of \(label)"),
                yTitle: pick("资金累计占比", "cumulative share of money"), curveLabel: pick("资金分布", "allocation"),
                equalityLabel: pick("完全均等", "perfect equality"), giniLabel: pick("基尼系数", "Gini"),
                heading: pick("以\(label)为权重", "weighted by \(label)"), size: ChartSize(width: 420, height: 420))
            panels.append(chart)
            readings.append(pick("以\(label)为权重的基尼系数 ", "Gini weighted by \(label): ") + MoneyFormat.fixed(curve.gini, places: 3))
        }
        guard !panels.isEmpty else { return nil }
        return ReportFigure(
            id: "chart-fairness-lorenz", title: pick("公平性：洛伦兹曲线与基尼系数", "Fairness: Lorenz curves and Gini"),
            description: pick("各市项目补助的累计占比对其申请额（及人口、GDP）累计占比。",
                "Cumulative share of the project subsidies against the cities' cumulative share of requests (and population, GDP)."),
            chart: ChartPanels(panels),
            reading: readings.joined(separator: listSeparator)
                + pick("（0 为完全均等，越大越集中）。", " (0 is perfect equality; larger is more concentrated)."))
    }
}
