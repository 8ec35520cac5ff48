import GreenAllocCore

/// report.md: 绩效目标表, what the funded projects deliver in each outcome column's unit (tonnes a year for
/// the pollutants): the total with what a 万元 of subsidy buys, then by city and by category.
extension ReportMarkdown.Report {
    mutating func performance() {
        let columns = allocation.outcomeColumns
        guard !columns.isEmpty, allocation.status == .optimal || allocation.status == .feasible else { return }
        heading("绩效目标表", "Outcomes")
        let sums = OutcomeSums(allocation)
        let names = IndicatorText(language: language, allocation: allocation)
        paragraph(pick("获补项目的绩效按补助比例计：补助比例 × 项目填报的指标值；每万元补助按项目补助合计 ",
            "A funded project delivers its share funded × the value it reports; per 万元 divides by the project subsidies of ")
            + money(sums.subsidy) + pick(" 万元计（不含命名奖补）。", " 万元 (naming awards not included)."))
        blank()
        subsection(pick("按指标", "By indicator"))
        var table = MarkdownTable(
            header: [pick("指标", "Indicator"), pick("单位", "Unit"), pick("获补项目合计", "Funded projects"),
                pick("每万元补助的绩效", "Per 万元 of subsidy"), pick("每单位绩效所需补助（万元）", "万元 per unit")],
            numeric: [2, 3, 4])
        for (index, column) in columns.enumerated() {
            let total = sums.total[index]
            let unit = names.unit(column)
            table.add([names.name(column), unit ?? "—", IndicatorText.amount(total),
                sums.subsidy > 0 ? IndicatorText.amount(total / sums.subsidy) : "—",
                total > 0 ? IndicatorText.amount(sums.subsidy / total) : "—"])
        }
        add(table)
        outcomeTable(pick("按城市", "By city"), first: pick("城市", "City"), keys: cityIDs.filter { sums.byCity[$0] != nil },
            name: cityLabel, values: sums.byCity, paid: sums.cityPaid, sums: sums)
        outcomeTable(pick("按类别", "By category"), first: pick("类别", "Category"), keys: sums.byCategory.keys.sorted(),
            name: categoryName, values: sums.byCategory, paid: sums.categoryPaid, sums: sums)
    }

    /// One row per city (or category) with funded projects: its subsidy and outcomes; then the total.
    mutating func outcomeTable(
        _ title: String, first: String, keys: [String], name: (String) -> String, values: [String: [Double]],
        paid: [String: Double], sums: OutcomeSums
    ) {
        guard !keys.isEmpty else { return }
        subsection(title)
        let names = IndicatorText(language: language, allocation: allocation)
        var table = MarkdownTable(
            header: [first, pick("补助合计（万元）", "Subsidy (万元)")] + sums.columns.map(names.nameWithUnit),
            numeric: Set(1..<(2 + sums.columns.count)))
        for key in keys {
            table.add([name(key), money(paid[key] ?? 0)] + (values[key] ?? []).map(IndicatorText.amount))
        }
        table.add([pick("合计", "Total"), money(sums.subsidy)] + sums.total.map(IndicatorText.amount))
        add(table)
    }
}
