import GreenAllocCore
import Spreadsheet

/// allocation.xlsx: where the money goes (资金使用, 分市下达表, 分类汇总).
extension WorkbookText {
    func fundsSheet() -> Sheet {
        let header = [pick("资金", "Fund"), pick("类型", "Kind"), pick("年度", "Year"), pick("预算", "Budget"),
            pick("已用", "Used"), pick("结余", "Left"), pick("使用率", "Utilization")]
        var rows: [[Cell]] = []
        for fund in allocation.funds {
            let kind = fund.kind == .namingAward ? pick("命名奖补", "naming award") : pick("项目补助", "project subsidy")
            for (index, year) in allocation.years.enumerated() {
                let budget = MoneyFormat.rounded(yearValue(fund.budget, index))
                let used = MoneyFormat.rounded(yearValue(fund.used, index))
                rows.append([.text(labeled(fund.name, fund.id)), .text(kind), .integer(year), .money(budget),
                    .money(used), money(budget - used), budget > 0 ? .share(used / budget) : .empty])
            }
        }
        var total = total(rows, label: pick("合计", "Total"), sums: [3, 4, 5], width: header.count)
        if case .number(let budget, _) = total[3], case .number(let used, _) = total[4], budget > 0 {
            total[6] = .share(used / budget)
        }
        return Sheet(name: pick("资金使用", "Funds"), header: header, rows: rows, total: total)
    }

    /// 分市下达表: the first horizon year's allocation (下达) apart from the later years' planned amounts.
    func citiesSheet() -> Sheet {
        var header = [pick("城市", "City")]
        for (index, value) in allocation.years.enumerated() {
            header.append(index == 0
                ? pick("\(value)年下达（本年度）", "\(value) allocated (this year)")
                : pick("\(value)年计划", "\(value) planned"))
        }
        header += [pick("项目补助合计", "Project subsidies"), pick("命名奖补", "Naming awards"), pick("下达合计", "Total"),
            pick("获补项目数", "Projects funded")]
        var fundedByCity: [String: [ProjectOutcome]] = [:]
        for project in funded { fundedByCity[project.city, default: []].append(project) }
        var rows: [[Cell]] = []
        for city in cityIDs {
            let projects = fundedByCity[city] ?? []
            let perYear = allocation.years.indices.map { index in
                MoneyFormat.rounded(projects.reduce(0) { $0 + yearValue($1.subsidy, index) })
            }
            let subsidy = MoneyFormat.rounded(perYear.reduce(0, +))
            let awards = MoneyFormat.rounded(allocation.parks.filter { $0.city == city }.reduce(0) { $0 + $1.award })
            rows.append([.text(self.city(city))] + perYear.map(Cell.money)
                + [.money(subsidy), .money(awards), money(subsidy + awards), .integer(projects.count)])
        }
        let sums = Array(1..<header.count)
        return Sheet(name: pick("分市下达表", "By city"), header: header, rows: rows,
            total: total(rows, label: pick("合计", "Total"), sums: sums, width: header.count))
    }

    func categoriesSheet() -> Sheet {
        let header = [pick("类别", "Category"), pick("申报项目数", "Projects"), pick("获补项目数", "Funded"),
            pick("申请补助", "Requested"), pick("补助合计", "Subsidy"), pick("占比", "Share")]
        let subsidyTotal = funded.reduce(0) { $0 + $1.subsidyTotal }
        let rows: [[Cell]] = CategorySummary(allocation).sorted.map { key, sums in
            [.text(category(key)), .integer(sums.projects), .integer(sums.funded), money(sums.requested),
                money(sums.subsidy), subsidyTotal > 0 ? .share(sums.subsidy / subsidyTotal) : .empty]
        }
        var total = total(rows, label: pick("合计", "Total"), sums: [1, 2, 3, 4], width: header.count)
        if subsidyTotal > 0 { total[5] = .share(1) }
        return Sheet(name: pick("分类汇总", "By category"), header: header, rows: rows, total: total)
    }
}
