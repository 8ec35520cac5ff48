import GreenAllocCore

/// report.md: targets and newly named parks (the binding section is in ReportMarkdown+Binding.swift).
extension ReportMarkdown.Report {
    mutating func targets() {
        heading("目标完成情况", "Targets")
        guard !allocation.targets.isEmpty else { return paragraph(pick("未设目标。", "No targets.")) }
        var table = MarkdownTable(
            header: [pick("目标", "Target"), pick("指标", "Metric"), pick("年度", "Year"), pick("实际值", "Value"),
                pick("下限", "Minimum"), pick("类型", "Kind"), pick("是否达成", "Met")],
            numeric: [3, 4])
        for target in allocation.targets {
            table.add([target.name, target.metric, target.year.map(String.init) ?? "—", figure(target.value),
                figure(target.min), target.hard ? pick("硬目标", "hard") : pick("软目标", "soft"),
                target.met ? pick("✓ 达成", "✓ met") : pick("✗ 未达成", "✗ not met")])
        }
        add(table)
    }

    mutating func parks() {
        heading("新命名生态工业园区", "Newly named eco-industrial parks")
        guard !allocation.parks.isEmpty else {
            return paragraph(pick("本次未新命名园区。", "No park is newly named."))
        }
        var table = MarkdownTable(
            header: [pick("园区", "Park"), pick("名称", "Name"), pick("城市", "City"), pick("命名年度", "Named in"),
                pick("奖补", "Award")],
            numeric: [4])
        for park in allocation.parks {
            table.add([park.id, park.name, cityLabel(park.city), String(park.namedIn), money(park.award)])
        }
        add(table)
    }
}
