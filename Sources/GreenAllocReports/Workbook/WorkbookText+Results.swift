import GreenAllocCore
import Spreadsheet

/// allocation.xlsx: what the money achieves (园区命名, 目标完成情况, 绩效指标).
extension WorkbookText {
    func parksSheet() -> Sheet {
        let header = [pick("园区", "Park"), pick("城市", "City"), pick("命名年度", "Named in"),
            pick("命名奖补", "Naming award")]
        let rows: [[Cell]] = allocation.parks.map { park in
            [.text(labeled(park.name, park.id)), .text(city(park.city)), .integer(park.namedIn), money(park.award)]
        }
        return Sheet(name: pick("园区命名", "Parks named"), header: header, rows: rows,
            total: total(rows, label: pick("合计", "Total"), sums: [3], width: header.count))
    }

    /// 目标完成情况: one row per target; no total (the targets have different units).
    func targetsSheet() -> Sheet {
        let header = [pick("目标", "Target"), pick("年度", "Year"), pick("实现值", "Value"), pick("最低要求", "Minimum"),
            pick("是否达成", "Met"), pick("约束类型", "Kind")]
        let rows: [[Cell]] = allocation.targets.map { target in
            let isShare = target.metric == "eco_park_share"
            let format: NumberFormat = isShare ? .share : .plain
            return [.text(target.name), target.year.map(Cell.integer) ?? .empty,
                .number(MoneyFormat.rounded(target.value), format), .number(MoneyFormat.rounded(target.min), format),
                .text(yes(target.met)), .text(kind(target))]
        }
        return Sheet(name: pick("目标完成情况", "Targets"), header: header, rows: rows)
    }

    func kind(_ target: TargetOutcome) -> String {
        target.reportOnly ? pick("参考", "for reference") : target.hard ? pick("硬约束", "hard") : pick("软约束", "soft")
    }

    /// 绩效指标: the benefit columns summed over the funded projects, each at its share (θ × value, as the report's
    /// 绩效目标表 counts them), by city, then by category. The total row is the funded total: the city rows add
    /// up to it, and so do the category rows.
    func indicatorsSheet() -> Sheet {
        let columns = details.benefitColumns
        let header = [pick("分组", "Grouping"), pick("名称", "Name"), pick("获补项目数", "Projects funded"),
            pick("补助合计", "Subsidy")] + columns.map(benefitLabel)
        func row(_ group: String, _ name: String, _ projects: [ProjectOutcome]) -> [Cell] {
            var sums = Array(repeating: 0.0, count: columns.count)
            for project in projects {
                for (index, value) in (details.benefits[project.id] ?? []).enumerated() where index < sums.count {
                    sums[index] += project.share * value
                }
            }
            return [.text(group), .text(name), .integer(projects.count),
                money(projects.reduce(0) { $0 + $1.subsidyTotal })] + sums.map { .number(MoneyFormat.rounded($0), .plain) }
        }
        var byCity: [String: [ProjectOutcome]] = [:]
        var byCategory: [String: [ProjectOutcome]] = [:]
        for project in funded {
            byCity[project.city, default: []].append(project)
            byCategory[project.category, default: []].append(project)
        }
        let cityRows = cityIDs.map { row(pick("城市", "city"), city($0), byCity[$0] ?? []) }
        let categoryRows = byCategory.keys.sorted().map { row(pick("类别", "category"), category($0), byCategory[$0] ?? []) }
        var total = total(cityRows, label: pick("合计", "Total"), sums: Array(2..<header.count), width: header.count)
        for index in 4..<header.count {
            if case .number(let value, _) = total[index] { total[index] = .number(MoneyFormat.rounded(value), .plain) }
        }
        return Sheet(name: pick("绩效指标", "Indicators"), header: header, rows: cityRows + categoryRows, total: total)
    }

    /// A benefit column's name in words: the report's (`IndicatorText`) for an indicator or a usual pollutant,
    /// `co2_t` → 二氧化碳减排量（t/a）; other tonnes columns by substance; any other column keeps its name.
    func benefitLabel(_ column: String) -> String {
        let indicators = IndicatorText(language: language, allocation: allocation)
        if indicators.given[column] != nil || IndicatorText.builtIn[column] != nil { return indicators.nameWithUnit(column) }
        let substances: [String: (String, String)] = [
            "co2": ("二氧化碳", "CO₂"), "cod": ("化学需氧量", "COD"), "nh3n": ("氨氮", "NH₃-N"), "so2": ("二氧化硫", "SO₂"),
            "nox": ("氮氧化物", "NOx"), "vocs": ("挥发性有机物", "VOCs"), "pm": ("颗粒物", "PM"), "tn": ("总氮", "TN"),
            "tp": ("总磷", "TP"),
        ]
        guard column.hasSuffix("_t"), let names = substances[String(column.dropLast(2))] else { return column }
        return pick(names.0 + "减排量（吨）", names.1 + " reduced (t)")
    }
}
