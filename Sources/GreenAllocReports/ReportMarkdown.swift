public import GreenAllocCore

/// report.md: the human report, Chinese by default (`.en` for English). GitHub-flavoured Markdown;
/// money in 万元 with thousands separators and 2 decimals, written by `MoneyFormat` (locale-independent).
/// Same allocation, same bytes.
///
/// Sections: summary, funds (budget vs used per year), years, 分市下达表 (per city), categories, targets,
/// binding limits, newly named parks, funded projects (by city id, then id), unfunded projects (counts per
/// why code, then the list), loans (when any), presolve findings (when any), diagnosis (when infeasible),
/// notes on units.
public enum ReportMarkdown {
    public static func render(_ allocation: Allocation, language: ReportLanguage = .zh) -> String {
        var report = Report(allocation: allocation, language: language)
        report.build()
        return report.text
    }
}

private struct Report {
    let allocation: Allocation
    let language: ReportLanguage
    let words: ReasonText
    let rules: ConflictRuleText
    let cityNames: [String: String]
    var text = ""

    init(allocation: Allocation, language: ReportLanguage) {
        self.allocation = allocation
        self.language = language
        self.words = ReasonText(language: language, allocation: allocation)
        self.rules = ConflictRuleText(language: language, allocation: allocation)
        var names: [String: String] = [:]
        for city in allocation.cities { names[city.id] = city.name }
        self.cityNames = names
    }

    func pick(_ chinese: String, _ english: String) -> String { language.pick(chinese, english) }
    var zh: Bool { language == .zh }

    mutating func heading(_ chinese: String, _ english: String) {
        text += "\n## " + pick(chinese, english) + "\n\n"
    }

    mutating func paragraph(_ line: String) { text += line + "\n" }

    mutating func build() {
        summary()
        funds()
        years()
        cities()
        categories()
        targets()
        limits()
        parks()
        fundedList()
        unfundedList()
        loans()
        findings()
        diagnosis()
        notes()
    }

    // MARK: Formatting

    func money(_ value: Double) -> String { MoneyFormat.display(value) }
    func money(_ value: Double?) -> String { value.map(money) ?? "—" }

    /// A figure in a rule's own unit: up to 4 decimals, trailing zeros dropped, thousands separators.
    func figure(_ value: Double?, places: Int = 4) -> String {
        guard let value else { return "—" }
        var text = MoneyFormat.fixed(value, places: places, grouping: true)
        guard text.contains(".") else { return text }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    func ratio(_ part: Double, of whole: Double) -> String {
        whole > 0 ? MoneyFormat.fixed(part / whole * 100, places: 1) + "%" : "—"
    }

    func cityLabel(_ id: String) -> String {
        cityNames[id].map { "\($0)（\(id)）" }.map { zh ? $0 : $0.replacingFullWidthParentheses() } ?? id
    }

    func statusText(_ status: AllocationStatus) -> String {
        switch status {
        case .optimal: pick("最优（optimal）", "optimal")
        case .feasible: pick("可行，未证明最优（feasible）", "feasible, not proved optimal")
        case .infeasible: pick("不可行（infeasible）", "infeasible")
        case .noSolution: pick("时限内未找到可行解（no_solution）", "no solution within the time limit")
        }
    }

    func categoryText(_ category: String) -> String {
        let chinese = [
            "air": "大气", "water": "水", "soil": "土壤", "rural": "农村", "solid_waste": "固废", "carbon": "降碳",
            "capacity": "能力建设",
        ]
        if zh, let name = chinese[category] { return "\(name)（\(category)）" }
        return category.isEmpty ? "—" : category
    }

    func yes(_ flag: Bool) -> String { flag ? pick("是", "yes") : pick("否", "no") }

    var fundedProjects: [ProjectOutcome] { allocation.projects.filter(\.funded) }

    func yearValue(_ values: [Double], _ index: Int) -> Double { index < values.count ? values[index] : 0 }

    // MARK: Sections

    mutating func summary() {
        text += "# " + allocation.scenario + pick("：资金分配报告", ": allocation report") + "\n\n"
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
        text += "\n> " + pick("金额单位：万元（1亿元 = 10,000万元）。", "Money is in 万元 (10,000 yuan; 1亿元 = 10,000万元).") + "\n"
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
        text += table.render()
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
        text += table.render()
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
        heading("分市下达表", "Allocation by city (分市下达表)")
        let yearHeaders = allocation.years.map { zh ? "\($0)年" : String($0) }
        var table = MarkdownTable(
            header: [pick("城市代码", "City code"), pick("城市", "City")] + yearHeaders
                + [pick("项目补助合计", "Project subsidies"), pick("命名奖补", "Naming awards"),
                    pick("下达合计", "Total"), pick("获补项目数", "Projects funded"), pick("占比", "Share")],
            numeric: Set(2..<(allocation.years.count + 7)))
        let grandTotal = fundedProjects.reduce(0) { $0 + $1.subsidyTotal } + allocation.parks.reduce(0) { $0 + $1.award }
        var perYearTotals = Array(repeating: 0.0, count: allocation.years.count)
        var sums = (subsidy: 0.0, awards: 0.0, count: 0)
        for city in cityIDs {
            let projects = fundedProjects.filter { $0.city == city }
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
        text += table.render()
    }

    mutating func categories() {
        heading("分类汇总", "By category")
        var table = MarkdownTable(
            header: [pick("类别", "Category"), pick("申报项目数", "Projects"), pick("获补项目数", "Funded"),
                pick("申请补助", "Requested"), pick("补助合计", "Subsidy"), pick("占比", "Share")],
            numeric: [1, 2, 3, 4, 5])
        let total = fundedProjects.reduce(0) { $0 + $1.subsidyTotal }
        for category in Set(allocation.projects.map(\.category)).sorted() {
            let projects = allocation.projects.filter { $0.category == category }
            let funded = projects.filter(\.funded)
            let subsidy = funded.reduce(0) { $0 + $1.subsidyTotal }
            table.add([categoryText(category), String(projects.count), String(funded.count),
                money(projects.reduce(0) { $0 + $1.requestTotal }), money(subsidy), ratio(subsidy, of: total)])
        }
        text += table.render()
    }

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
        text += table.render()
    }

    mutating func limits() {
        heading("紧约束", "Binding limits")
        let binding = allocation.limits.filter(\.binding)
        paragraph(zh
            ? "共 \(allocation.limits.count) 行限制，其中 \(binding.count) 行为紧约束（取值达到上限或下限）。"
            : "\(allocation.limits.count) limit rows, \(binding.count) of them binding (value at its bound).")
        guard !binding.isEmpty else { return }
        text += "\n"
        var table = MarkdownTable(
            header: [pick("限制", "Limit"), pick("分组", "Group"), pick("年度", "Year"), pick("取值", "Value"),
                pick("上限", "Maximum"), pick("下限", "Minimum")],
            numeric: [3, 4, 5])
        for limit in binding {
            let group = limit.group.map { cityNames[$0] != nil ? cityLabel($0) : $0 } ?? "—"
            table.add([limit.name, group, limit.year.map(String.init) ?? "—", figure(limit.value), figure(limit.max),
                figure(limit.min)])
        }
        text += table.render()
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
        text += table.render()
    }

    mutating func fundedList() {
        heading("获补项目清单", "Funded projects")
        let funded = fundedProjects.sorted { ($0.city, $0.id) < ($1.city, $1.id) }
        guard !funded.isEmpty else { return paragraph(pick("无获补项目。", "No project is funded.")) }
        var table = MarkdownTable(
            header: [pick("城市", "City"), pick("项目", "Project"), pick("名称", "Name"), pick("园区", "Park"),
                pick("补助比例", "Share"), pick("补助方式", "Basis"), pick("补助合计", "Subsidy"), pick("得分", "Score")],
            numeric: [4, 6, 7])
        for project in funded {
            let basis = project.reasons.first { reason in
                switch reason {
                case .fundedFull, .fundedAtCap, .fundedPartial: true
                default: false
                }
            }
            table.add([cityLabel(project.city), project.id, project.name, project.park,
                MoneyFormat.percent(project.share), basis.map(words.text) ?? "", money(project.subsidyTotal),
                figure(project.score)])
        }
        text += table.render()
        laterYearNeeds()
    }

    /// Fundable projects that also ask for money after the horizon (后续年度需求): funded here for their
    /// horizon years only; their later requests are listed for the next round.
    mutating func laterYearNeeds() {
        let projects = allocation.projects.filter { !$0.laterRequest.isEmpty && ($0.funded || $0.why == .notChosen) }
        guard !projects.isEmpty else { return }
        heading("后续年度需求", "Later-year needs")
        let laterYears = Set(projects.flatMap { $0.laterRequest.map(\.year) }).sorted()
        let fundedNeeds = projects.filter(\.funded).flatMap(\.laterRequest).reduce(0) { $0 + $1.amount }
        paragraph(
            pick(
                "以下 \(projects.count) 个项目在规划期之后仍申请补助，本方案只安排规划期内的年度；其中获补项目的后续需求合计 \(money(fundedNeeds)) 万元，留待以后年度统筹。\n",
                "These \(projects.count) projects also ask for money after the horizon; this plan funds their horizon years only. The later needs of the funded ones total \(money(fundedNeeds))万, for later rounds.\n"))
        var table = MarkdownTable(
            header: [pick("项目", "Project"), pick("名称", "Name"), pick("城市", "City"), pick("本期获补", "Funded here"),
                pick("本期补助", "Subsidy here")] + laterYears.map { pick("\($0)年需求", "Need \($0)") },
            numeric: Set(4..<(5 + laterYears.count)))
        for project in projects.sorted(by: { $0.id < $1.id }) {
            let needs = laterYears.map { year in project.laterRequest.first { $0.year == year }.map { money($0.amount) } ?? "" }
            table.add([project.id, project.name, cityLabel(project.city), yes(project.funded), money(project.subsidyTotal)] + needs)
        }
        text += table.render()
    }

    mutating func unfundedList() {
        heading("未获补项目及原因", "Projects not funded, with reasons")
        let order = Dictionary(uniqueKeysWithValues: WhyCode.allCases.enumerated().map { ($1, $0) })
        let unfunded = allocation.projects.filter { !$0.funded }
            .sorted { (order[$0.why] ?? 0, $0.id) < (order[$1.why] ?? 0, $1.id) }
        guard !unfunded.isEmpty else { return paragraph(pick("所有项目均获补助。", "Every project is funded.")) }
        var counts = MarkdownTable(
            header: [pick("原因代码", "Why"), pick("说明", "Meaning"), pick("项目数", "Projects")], numeric: [2])
        for why in WhyCode.allCases {
            let count = unfunded.filter { $0.why == why }.count
            if count > 0 { counts.add(["`" + why.rawValue + "`", words.label(why), String(count)]) }
        }
        text += counts.render() + "\n"
        var list = MarkdownTable(
            header: [pick("项目", "Project"), pick("名称", "Name"), pick("城市", "City"), pick("原因代码", "Why"),
                pick("原因", "Reasons")])
        for project in unfunded {
            list.add([project.id, project.name, cityLabel(project.city), "`" + project.why.rawValue + "`",
                project.reasons.map(words.text).joined(separator: pick("；", "; "))])
        }
        text += list.render()
    }

    mutating func loans() {
        guard let stage = allocation.loanStage, !stage.loans.isEmpty || stage.details != nil else { return }
        heading("贷款", "Loans")
        let volume = stage.volume
        paragraph(pick("贷款阶段求解状态：", "Loan stage status: ") + statusText(stage.status)
            + pick("，目标值 ", ", objective ") + figure(stage.objective) + pick("。", "."))
        text += "\n"
        if let diagnosis = stage.diagnosis {
            text += "### " + pick("贷款阶段不可行诊断", "Why the loan stage is infeasible") + "\n\n"
            conflict(diagnosis)
            text += "\n"
        }
        paragraph(zh
            ? "共 \(stage.loans.count) 个项目获得贷款，合计 \(money(volume)) 万元。"
            : "\(stage.loans.count) projects assigned a loan, \(money(volume)) 万元 in all.")
        if let details = stage.details, let budget = details.interestBudget {
            paragraph(pick("贴息资金：预算 ", "Interest subsidy: budget ") + money(budget) + pick(" 万元，使用 ", " 万元, used ")
                + money(details.interestUsed) + pick(" 万元。", " 万元."))
        }
        text += "\n"
        let loanText = LoanText(language: language, allocation: allocation)
        if let details = stage.details {
            var table = MarkdownTable(
                header: [pick("银行", "Bank"), pick("额度", "Capacity"), pick("项目数", "Projects"), pick("贷款额", "Volume"),
                    pick("候补", "Waitlist"), pick("额度已满", "Capacity reached"), pick("贴息用尽", "Interest exhausted"),
                    pick("他行放贷", "Other bank"), pick("得分不足", "Outscored")],
                numeric: [1, 2, 3, 4, 5, 6, 7, 8])
            for bank in details.banks {
                func count(_ code: String) -> String { String(bank.waitlist.filter { $0.reason.code == code }.count) }
                table.add([loanText.bank(bank.id), money(bank.capacity), String(bank.assigned.count), money(bank.lent),
                    String(bank.waitlist.count), count("capacity_reached"), count("interest_subsidy_exhausted"),
                    count("assigned_to_other_bank"), count("outscored")])
            }
            text += table.render()
            if !details.unplaceable.isEmpty {
                text += "\n"
                paragraph(pick("无银行可承接的贷款项目：", "Loan-eligible projects no bank can take:"))
                text += "\n"
                var list = MarkdownTable(header: [pick("项目", "Project"), pick("贷款需求", "Loan need"), pick("原因", "Reason")], numeric: [1])
                for entry in details.unplaceable {
                    list.add([entry.project, money(details.candidate(entry.project)?.loanNeed ?? 0), loanText.text(entry.reason)])
                }
                text += list.render()
            }
        } else {
            var table = MarkdownTable(
                header: [pick("银行", "Bank"), pick("项目数", "Projects"), pick("贷款额", "Volume")], numeric: [1, 2])
            for bank in Set(stage.loans.map(\.bank)).sorted() {
                let loans = stage.loans.filter { $0.bank == bank }
                table.add([bank, String(loans.count), money(loans.reduce(0) { $0 + $1.amount })])
            }
            text += table.render()
        }
    }

    mutating func findings() {
        guard !allocation.findings.isEmpty else { return }
        heading("预处理检查", "Presolve findings")
        for finding in allocation.findings {
            let severity = finding.severity == .infeasible ? pick("不可行", "infeasible") : pick("警告", "warning")
            var line = "- **" + severity + "**" + pick("：", ": ") + FindingText.message(finding)
            let suggestion = FindingText.suggestion(finding)
            if !suggestion.isEmpty { line += pick("；建议：", ". Suggestion: ") + suggestion }
            if !finding.rules.isEmpty {
                line += pick("（涉及：", " (rules: ") + finding.rules.map(rules.name).joined(separator: pick("；", "; "))
                    + pick("）", ")")
            }
            paragraph(line)
        }
    }

    mutating func diagnosis() {
        guard let diagnosis = allocation.diagnosis else { return }
        heading("不可行诊断", "Why the scenario is infeasible")
        conflict(diagnosis)
    }

    /// The conflicting rules, the relaxations and the sentences of a diagnosis.
    mutating func conflict(_ diagnosis: Diagnosis) {
        paragraph(diagnosis.minimal
            ? pick("以下规则无法同时满足；这是最小冲突集：去掉其中任何一条，其余规则即可同时满足。",
                "These rules cannot all hold; the set is minimal: dropping any one of them makes the rest feasible.")
            : pick("以下规则无法同时满足（求解时限内未能证明为最小冲突集）。",
                "These rules cannot all hold (not proved minimal within the time limit)."))
        text += "\n"
        for (index, rule) in diagnosis.conflict.enumerated() {
            paragraph("\(index + 1). " + rules.name(rule))
        }
        if !diagnosis.relax.isEmpty {
            text += "\n" + pick("同时采用以下放宽即可恢复可行：", "Relaxations that, applied together, restore feasibility:") + "\n\n"
            for relaxation in diagnosis.relax {
                let unit = rules.unit(relaxation.rule)
                paragraph("- " + rules.name(relaxation.rule) + pick("：放宽 ", ": relax by ") + figure(relaxation.by, places: 6)
                    + (unit.isEmpty ? "" : " " + unit) + (relaxation.alone ? pick("（仅此一项即可恢复可行）", " (this alone restores feasibility)") : ""))
            }
        }
        if !diagnosis.explanation.isEmpty {
            text += "\n"
            for sentence in DiagnosisText.sentences(diagnosis) { paragraph("> " + sentence) }
        }
    }

    mutating func notes() {
        heading("说明", "Notes")
        paragraph("- " + pick("金额单位为万元（1亿元 = 10,000万元），表中保留两位小数；allocation.json 与 projects.csv 保留四位小数。",
            "Money is in 万元 (1亿元 = 10,000万元), shown with 2 decimals; allocation.json and projects.csv keep 4."))
        paragraph("- " + pick("补助比例为补助额占申请额的比例；得分为项目效益得分（含加分系数）。",
            "Share is the subsidy as a share of the request; score is the project's benefit score, bonuses included."))
        paragraph("- " + pick("相同输入、相同版本与设置下，本报告逐字节一致；运行时间等信息见 run.json。",
            "Same inputs, build and settings give this report byte for byte; timings and host are in run.json."))
    }
}

extension String {
    /// `济南（370100）` → `济南 (370100)` for the English report.
    fileprivate func replacingFullWidthParentheses() -> String {
        var result = ""
        for character in self {
            switch character {
            case "（": result += " ("
            case "）": result += ")"
            default: result.append(character)
            }
        }
        return result
    }
}
