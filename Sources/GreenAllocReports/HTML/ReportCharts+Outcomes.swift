import Charts
import GreenAllocCore

/// report.html: what the funded projects deliver (outcome = θ × value of each benefit column) and the eco
/// parks over the years against their targets.
extension ReportCharts {
    /// An outcome column's name for people (the scenario's `indicators:` label, else the usual pollutants by
    /// name, any other column as it is spelled).
    func outcomeLabel(_ column: String) -> String { IndicatorText(language: report.language, allocation: allocation).name(column) }

    /// The column's unit on single values (t/a for the pollutants), 2 decimals; a plain figure without one.
    func outcomeFormat(_ column: String) -> ValueFormat {
        guard let unit = IndicatorText(language: report.language, allocation: allocation).unit(column) else { return .plain }
        return ValueFormat(unit: " " + unit, decimals: 2)
    }

    /// One chart per benefit column: what the funded projects deliver, by city.
    func outcomes() -> [ReportFigure] {
        let columns = allocation.outcomeColumns
        guard !columns.isEmpty, allocation.projects.contains(where: \.funded) else { return [] }
        let ids = report.cityIDs
        let position = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var byCity = Array(repeating: Array(repeating: 0.0, count: ids.count), count: columns.count)
        for project in allocation.projects where project.funded {
            guard let city = position[project.city] else { continue }
            for (index, value) in project.outcomeValues.enumerated() where index < columns.count {
                byCity[index][city] += project.share * value
            }
        }
        let names = cityColumn.names
        return columns.enumerated().map { index, column in
            let format = outcomeFormat(column)
            let label = IndicatorText(language: report.language, allocation: allocation).nameWithUnit(column)
            let values = byCity[index]
            let chart = BarChart(
                categories: names, series: [BarSeries(name: "", values: values)],
                valueAxis: Axis(title: label, format: format), size: ChartSize(width: Self.width, height: 240))
            var reading = pick("获补项目合计 ", "Funded projects in all: ") + format.value(MoneyFormat.rounded(values.reduce(0, +)))
            if let top = values.indices.max(by: { values[$0] < values[$1] }), values[top] > 0 {
                reading += pick("；最多的是", "; most in ") + names[top] + pick("，", ", ") + format.value(MoneyFormat.rounded(values[top]))
            }
            return ReportFigure(
                id: "chart-outcome-" + column, title: pick("绩效：", "Outcome: ") + label + pick("，按城市", ", by city"),
                description: pick("各市获补项目的", "What the funded projects deliver by city: ") + outcomeLabel(column)
                    + pick("（补助比例 × 项目效益值）。", " (share funded × the project's value)."),
                chart: chart, reading: reading + pick("。", "."))
        }
    }

    /// Eco parks at the end of each year (those before the run, plus those named) against the park targets.
    func parkPath() -> ReportFigure? {
        guard let first = allocation.years.first else { return nil }
        let before = allocation.ecoParksBefore
        var points = [LinePoint(x: Double(first - 1), y: Double(before), note: pick("规划期前", "before the plan"))]
        var count = before
        for year in allocation.years {
            let named = allocation.parks.filter { $0.namedIn == year }
            count += named.count
            let note = named.isEmpty ? nil : pick("新命名：", "named: ") + Self.shortList(named.map(\.name), zh: report.zh)
            points.append(LinePoint(x: Double(year), y: Double(count), note: note))
        }
        var references: [ReferenceLine] = []
        for target in allocation.targets {
            let year = target.year.map { pick("（\($0)）", " (\($0))") } ?? ""
            switch target.metric {
            case "eco_park_count":
                references.append(ReferenceLine(.horizontal, at: target.min, label: pick("目标：", "target: ")
                    + report.figure(target.min) + pick(" 个", " parks") + year))
            case "eco_park_share" where allocation.parksCounted > 0:
                let parks = (target.min * Double(allocation.parksCounted)).rounded(.up)
                references.append(ReferenceLine(.horizontal, at: parks, label: MoneyFormat.percent(target.min)
                    + pick("（\(report.figure(parks)) 个）", " (\(report.figure(parks)) parks)") + year))
            default: continue
            }
        }
        let chart = LineChart(
            series: [LineSeries(name: pick("生态工业园区数", "eco parks"), points: points, interpolation: .linear)],
            xAxis: Axis(title: pick("年末", "end of year"), format: ValueFormat(grouping: false), includeZero: false,
                tickCount: min(6, allocation.years.count + 1), startNote: pick("（不从零开始）", " (not from zero)")),
            yAxis: Axis(title: pick("园区数（个）", "Parks")), references: references,
            size: ChartSize(width: Self.width, height: 300))
        let share = allocation.parksCounted > 0 ? pick("，占参与占比计算园区的 ", ", ") + percent(Double(count), of: Double(allocation.parksCounted)) + pick("", " of the parks counted") : ""
        let reading = pick("规划期前 ", "Before the plan ") + String(before) + pick(" 个，本方案新命名 ", "; this plan names ")
            + String(allocation.parks.count) + pick(" 个；到 ", "; by the end of ") + String(allocation.years.last ?? first)
            + pick(" 年底共 ", ", ") + String(count) + pick(" 个", " eco parks") + share + reachNote + pick("。", ".")
        return ReportFigure(
            id: "chart-parks", title: pick("生态工业园区数与目标", "Eco parks and their targets"),
            description: pick("各年末的生态工业园区数，对照园区目标。", "Eco parks at the end of each year against the park targets."),
            chart: chart, reading: reading)
    }

    /// What the naming budget left could still reach by a reference target's year (docs/scenario-format.md, 9.1).
    var reachNote: String {
        allocation.targets.compactMap { target -> String? in
            guard let reach = target.reach, let year = target.year else { return nil }
            return pick("；按剩余命名预算，至 \(year) 年底最多 \(reach.parks) 个", "; with the naming budget left, at most \(reach.parks) by the end of \(year)")
        }.joined()
    }

    /// The first names of a list, then how many more.
    static func shortList(_ names: [String], zh: Bool) -> String {
        let shown = names.prefix(3).joined(separator: zh ? "、" : ", ")
        return names.count > 3 ? shown + (zh ? " 等 \(names.count) 个" : " and \(names.count - 3) more") : shown
    }
}
