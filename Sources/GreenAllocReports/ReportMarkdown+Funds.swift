import GreenAllocCore

/// report.md: the summary and where the money goes (funds, years, cities, categories).
extension ReportMarkdown.Report {
    mutating func summary() {
        document.blocks.append(.title(allocation.scenario + pick("：资金分配报告", ": allocation report")))
        let sense = allocation.objectiveSense == .maximizeBenefit
            ? pick("最大化效益得分", "maximize benefit score") : pick("最小化补助总额", "minimize total subsidy")
        let funded = fundedProjects
        let subsidy = funded.reduce(0) { $0 + $1.subsidyTotal }
        let awards = allocation.parks.reduce(0) { $0 + $1.award }
        paragraph("- " + pick("求解状态：", "Status: ") + statusText(allocation.status))
        paragraph("- " + pick("目标函数：", "Objective: ") + sense + pick("，目标值 ", ", value ") + figure(allocation.objective))
        if allocation.status == .feasible {
            paragraph("- " + pick("最优界：", "Best bound: ") + figure(allocation.bestBound) + pick("，相对间隙 ", ", relative gap ")
                + (allocation.gap.map { MoneyFormat.percent($0, places: 4) } ?? "—"))
        }
        paragraph("- " + pick("求解器：", "Solver: ") + allocation.solverName + " " + allocation.solverVersion)
        paragraph("- " + pick("年度：", "Years: ") + allocation.years.map(String.init).joined(separator: pick("、", ", ")))
        paragraph("- " + pick("申报项目 ", "Projects: ") + String(allocation.projects.count)
            + pick(" 个，获补 ", " submitted, ") + String(funded.count)
            + pick(" 个；项目补助合计 ", " funded; project subsidies ") + money(subsidy)
            + pick(" 万元，园区命名奖补 ", " 万元, park naming awards ") + money(awards) + pick(" 万元", " 万元"))
        paragraph("- " + pick("新命名生态工业园区 ", "Eco parks newly named: ") + String(allocation.parks.count)
            + pick(" 个（原有 ", " (before the run: ") + String(allocation.ecoParksBefore)
            + pick(" 个，参与占比计算的园区 ", "; parks counted for the share: ") + String(allocation.parksCounted)
            + pick(" 个）", ")"))
        paragraph("- " + pick("输入摘要（SHA-256）：", "Inputs (SHA-256): ") + "`" + allocation.inputsSHA256 + "`")
        blank()
        paragraph("> " + pick("金额单位：万元（1亿元 = 10,000万元）。", "Money is in 万元 (10,000 yuan; 1亿元 = 10,000万元)."))
    }

    mutating func funds() {
        heading("资金使用情况", "Funds: budget and use")
        guard !allocation.funds.isEmpty else { return paragraph(pick("无资金。", "No funds.")) }
        var table = MarkdownTable(
            header: [pick("资金", "Fund"), pick("类型", "Kind"), pick("年度", "Year"), pick("预算", "Budget"),
                pick("已用", "Used"), pick("结余", "Left"), pick("使用率", "Utilization")],
            numeric: [3, 4, 5, 6])
        for fund in allocation.funds {
            let kind = fund.kind == .namingAward ? pick("命名奖补", "naming award") : pick("项目补助", "project subsidy")
            var totalBudget = 0.0
            var totalUsed = 0.0
            for (index, year) in allocation.years.enumerated() {
                let budget = yearValue(fund.budget, index)
                let used = yearValue(fund.used, index)
                totalBudget += budget
                totalUsed += used
                table.add([fund.name + " (" + fund.id + ")", kind, String(year), money(budget), money(used),
                    money(budget - used), ratio(used, of: budget)])
            }
            table.add([fund.name + " (" + fund.id + ")", kind, pick("合计", "total"), money(totalBudget),
                money(totalUsed), money(totalBudget - totalUsed), ratio(totalUsed, of: totalBudget)])
        }
        add(table)
    }

    mutating func years() {
        heading("分年度汇总", "By year")
        var table = MarkdownTable(
            header: [pick("年度", "Year"), pick("获补项目数", "Projects drawing"), pick("项目补助", "Project subsidies"),
                pick("命名奖补", "Naming awards"), pick("合计", "Total")],
            numeric: [1, 2, 3, 4])
        var sums = (count: 0, subsidy: 0.0, awards: 0.0)
        for (index, year) in allocation.years.enumerated() {
            let drawing = fundedProjects.filter { yearValue($0.subsidy, index) > 0 }
            let subsidy = drawing.reduce(0) { $0 + yearValue($1.subsidy, index) }
            let awards = allocation.parks.filter { $0.namedIn == year }.reduce(0) { $0 + $1.award }
            sums.subsidy += subsidy
            sums.awards += awards
            table.add([String(year), String(drawing.count), money(subsidy), money(awards), money(subsidy + awards)])
        }
        sums.count = fundedProjects.count
        table.add([pick("合计", "Total"), String(sums.count), money(sums.subsidy), money(sums.awards),
            money(sums.subsidy + sums.awards)])
        add(table)
    }

    /// Every city of cities.csv in its order, then any other city id that a project or park names (sorted).
    var cityIDs: [String] {
        var ids = allocation.cities.map(\.id)
        let known = Set(ids)
        let others = Set(allocation.projects.map(\.city) + allocation.parks.map(\.city)).subtracting(known)
        ids += others.sorted()
        return ids
    }

    mutating func cities() {
        heading("分市下达表", "Allocation by city")
        let yearHeaders = allocation.years.map { zh ? "\($0)年" : String($0) }
        var table = MarkdownTable(
            header: [pick("城市代码", "City code"), pick("城市", "City")] + yearHeaders
                + [pick("项目补助合计", "Project subsidies"), pick("命名奖补", "Naming awards"),
                    pick("下达合计", "Total"), pick("获补项目数", "Projects funded"), pick("占比", "Share")],
            numeric: Set(2..<(allocation.years.count + 7)))
        let grandTotal = fundedProjects.reduce(0) { $0 + $1.subsidyTotal } + allocation.parks.reduce(0) { $0 + $1.award }
        var perYearTotals = Array(repeating: 0.0, count: allocation.years.count)
        var sums = (subsidy: 0.0, awards: 0.0, count: 0)
        var fundedByCity: [String: [ProjectOutcome]] = [:]
        for project in fundedProjects { fundedByCity[project.city, default: []].append(project) }
        for city in cityIDs {
            let projects = fundedByCity[city] ?? []
            let perYear = allocation.years.indices.map { index in projects.reduce(0) { $0 + yearValue($1.subsidy, index) } }
            for index in perYear.indices { perYearTotals[index] += perYear[index] }
            let subsidy = perYear.reduce(0, +)
            let awards = allocation.parks.filter { $0.city == city }.reduce(0) { $0 + $1.award }
            sums.subsidy += subsidy
            sums.awards += awards
            sums.count += projects.count
            table.add([city, cityNames[city] ?? "—"] + perYear.map(money)
                + [money(subsidy), money(awards), money(subsidy + awards), String(projects.count),
                    ratio(subsidy + awards, of: grandTotal)])
        }
        table.add([pick("合计", "Total"), ""] + perYearTotals.map(money)
            + [money(sums.subsidy), money(sums.awards), money(sums.subsidy + sums.awards), String(sums.count),
                ratio(sums.subsidy + sums.awards, of: grandTotal)])
        add(table)
    }

    mutating func categories() {
        heading("分类汇总", "By category")
        var table = MarkdownTable(
            header: [pick("类别", "Category"), pick("申报项目数", "Projects"), pick("获补项目数", "Funded"),
                pick("申请补助", "Requested"), pick("补助合计", "Subsidy"), pick("占比", "Share")],
            numeric: [1, 2, 3, 4, 5])
        let total = fundedProjects.reduce(0) { $0 + $1.subsidyTotal }
        for (category, sums) in CategorySummary(allocation).sorted {
            table.add([categoryText(category), String(sums.projects), String(sums.funded), money(sums.requested),
                money(sums.subsidy), ratio(sums.subsidy, of: total)])
        }
        add(table)
    }
}
