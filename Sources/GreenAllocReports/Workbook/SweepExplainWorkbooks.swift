public import GreenAllocCore
public import GreenAllocExplain
public import GreenAllocWhatIf
internal import Spreadsheet

/// Project names and cities, for the what-if workbooks that speak of projects by id.
public struct ProjectNames: Sendable, Codable {
    var names: [String: String] = [:]
    var cities: [String: String] = [:]
    var fundNames: [String: String] = [:]
    var englishText: [String: String] = [:]

    public init() {}

    public init(library: Library, scenario: Scenario, language: ReportLanguage) {
        for record in library.projectRecords where names[record.id] == nil {
            names[record.id] = record.name
            if library.cityIDs.indices.contains(record.city) {
                let name = library.cityNames.indices.contains(record.city) ? library.cityNames[record.city] : nil
                cities[record.id] = WorkbookCells.labeled(name, library.cityIDs[record.city], language: language)
            }
        }
        fundNames = Dictionary(scenario.funds.map { ($0.id, language.text($0.name, scenario.englishText)) }, uniquingKeysWith: { first, _ in first })
        englishText = scenario.englishText
    }

    /// `name（id）`, the names of several projects joined, or the id alone when the library has no name.
    func list(_ ids: [String], language: ReportLanguage) -> String {
        ids.map { WorkbookCells.labeled(names[$0], $0, language: language) }.joined(separator: language.pick("、", ", "))
    }
}

/// sweep.xlsx (`sweep --out DIR`): one sheet (预算敏感性分析), one row per point: scale, the fund's budget over
/// the horizon, status, objective, projects funded, subsidy spent, the gain per 万元 against the previous
/// point, the projects entering and leaving there, named, the parks named and the targets met.
public enum SweepWorkbook {
    public static let fileName = "sweep.xlsx"

    public static func bytes(_ sweep: SweepResult, names: ProjectNames = ProjectNames(), language: ReportLanguage = .zh) throws -> [UInt8] {
        let text = WhatIfWorkbookText(language: language)
        let header = [text.pick("预算比例", "Scale"), text.pick("预算（万元）", "Budget (万元)"), text.pick("求解状态", "Status"),
            text.pick("目标值", "Objective"), text.pick("获补项目数", "Projects funded"), text.pick("补助合计（万元）", "Subsidy (万元)"),
            text.pick("每万元边际收益", "Gain per 万元"), text.pick("新增获补项目", "Entering"), text.pick("退出项目", "Leaving"),
            text.pick("新命名园区数", "Parks named"), text.pick("达成目标数", "Targets met")]
        let rows: [[Cell]] = sweep.points.map { point in
            [.share(point.scale), text.money(point.budgetTotal), .text(text.status(point.status)),
                point.objective.map { .number($0, .plain) } ?? .empty, .integer(point.fundedCount), text.money(point.subsidyTotal),
                point.marginal.map { .number($0, .plain) } ?? .empty,
                .text(names.list(point.entering, language: language)), .text(names.list(point.leaving, language: language)),
                point.objective == nil ? .empty : .integer(point.parks.count),
                point.objective == nil || point.targets.isEmpty ? .empty : .integer(point.targets.filter(\.met).count)]
        }
        let fund = text.labeled(sweep.fundName, sweep.fundID)
        let sheet = Sheet(name: text.pick("预算敏感性分析", "Budget sweep"), header: header, rows: rows)
        return try Workbook(sheets: [sheet], title: text.pick("预算敏感性分析：\(fund)", "Budget sweep: \(fund)")).bytes()
    }
}

/// explain.xlsx (`explain --out DIR`): one sheet (项目说明), one row per card: id, name, city, funded or not,
/// the reason in words (with the exclusion rule or the binding rules), the objective lost and the projects
/// displaced by forcing it in, the fund and amount that would fund it without losing anything, the safety
/// margin of a funded project, and whether the figures are exact or estimates.
public enum ExplainWorkbook {
    public static let fileName = "explain.xlsx"

    public static func bytes(_ explanation: Explanation, names: ProjectNames = ProjectNames(), language: ReportLanguage = .zh) throws -> [UInt8] {
        let text = WhatIfWorkbookText(language: language)
        let header = [text.pick("项目编号", "Project ID"), text.pick("项目名称", "Project"), text.pick("城市", "City"),
            text.pick("是否获补", "Funded"), text.pick("原因", "Reason"), text.pick("强制补助的目标值损失", "Objective lost if forced in"),
            text.pick("被挤出项目", "Displaced"), text.pick("追加资金", "Fund to raise"), text.pick("追加金额（万元）", "Amount to add (万元)"),
            text.pick("安全边际：可削减（万元）", "Safety: cut allowed (万元)"), text.pick("计算方式", "Figures")]
        let rows = explanation.projects.map { row($0, names: names, text: text) }
        let sheet = Sheet(name: text.pick("项目说明", "Projects"), header: header, rows: rows, autoFilter: !rows.isEmpty)
        return try Workbook(sheets: [sheet], title: text.pick("项目说明：\(explanation.scenario)", "Project explanations: \(explanation.scenario)")).bytes()
    }

    static func row(_ card: ExplainCard, names: ProjectNames, text: WhatIfWorkbookText) -> [Cell] {
        let language = text.language
        let words = ReasonText(language: language, fundNames: names.fundNames)
        var reason = [words.label(card.why)]
        reason += card.excludedBy.map { hit in
            let (rule, why) = (language.text(hit.rule, names.englishText), language.text(hit.reason, names.englishText))
            return text.pick("排除规则「\(rule)」", "rule \(rule)") + (why.isEmpty ? "" : text.pick("：", ": ") + why)
        }
        if !card.binding.isEmpty {
            let rules = ConflictRuleText(language: language, fundNames: names.fundNames, englishText: names.englishText)
            reason.append(text.pick("起约束作用：", "binding: ") + card.binding.map { rules.name($0) }.joined(separator: text.pick("、", ", ")))
        }
        let fund = { (id: String) in text.labeled(names.fundNames[id], id) }
        let noPlan: Cell = card.why == .notChosen && card.forcedIn == nil ? .text(text.pick("无可行方案", "no feasible plan")) : .empty
        return [
            .text(card.id), .text(names.names[card.id] ?? ""), .text(names.cities[card.id] ?? ""), .text(text.yes(card.funded)),
            .text(reason.joined(separator: text.pick("；", "; "))),
            card.forcedIn.map { .number($0.objectiveLoss, .plain) } ?? noPlan,
            .text(card.forcedIn.map { names.list($0.displaced, language: language) } ?? ""),
            .text(card.counterfactualBudget.map { fund($0.fund) } ?? ""),
            card.counterfactualBudget.map { text.money($0.add) } ?? .empty,
            card.safety.map { text.money($0.cut) } ?? .empty,
            .text(card.exact ? text.pick("精确", "exact") : text.pick("估算", "estimate")),
        ]
    }
}
