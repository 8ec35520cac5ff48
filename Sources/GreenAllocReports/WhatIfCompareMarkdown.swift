public import GreenAllocWhatIf
internal import GreenAllocCore

/// `greenalloc compare` for people (Markdown, one language): the overview, then money per fund, year, city
/// and category and each target's value, one column per scenario with Δ and Δ% against the first; then the
/// projects that differ, named beside their ids. Money in 万元 rounded to 0.01.
extension WhatIfCompareOutput {
    public static func markdown(_ comparison: Comparison, language: ReportLanguage = .zh) -> String {
        let text = CompareText(comparison: comparison, language: language)
        let all = comparison.scenarios
        var out = text.pick("# 情景对比\n\n", "# Scenario comparison\n\n")
        out += text.pick("Δ 与 Δ% 均相对于第一个情景「\(all.first?.label ?? "")」。\n\n",
            "Δ and Δ% are against the first scenario, 「\(all.first?.label ?? "")」.\n\n")
        out += overview(comparison, text: text).render()
        let categoryNames = language == .zh ? CategorySummary.chineseNames : CategorySummary.englishNames
        for (title, totals, display) in [
            (text.pick("分资金（使用额，万元）", "By fund (use, 万元)"), all.map(\.byFund), { (name: String, key: String) in text.labeled(text.scenarioText(name), key) }),
            (text.pick("分年度（项目补助，万元）", "By year (project subsidy, 万元)"), all.map(\.byYear), { (_: String, key: String) in language == .zh ? key + "年" : key }),
            (text.pick("分城市（项目补助，万元）", "By city (project subsidy, 万元)"), all.map(\.byCity), { (name: String, key: String) in text.labeled(name, key) }),
            (text.pick("分类别（项目补助，万元）", "By category (project subsidy, 万元)"), all.map(\.byCategory), { (_: String, key: String) in categoryNames[key] ?? (key.isEmpty ? "—" : key) }),
        ] {
            var table = text.deltaTable(first: text.pick("项目", "Item"))
            for (key, name) in keys(totals) {
                table.add(text.deltaRow(display(name, key), totals.map { list in list.first { $0.key == key }?.amount ?? 0 }, money: true))
            }
            out += "\n## \(title)\n\n" + (table.rows.isEmpty ? text.pick("（无）\n", "(none)\n") : table.render())
        }
        let targetNames = orderedUnique(all.flatMap { $0.allocation.targets.map(\.name) })
        if !targetNames.isEmpty {
            var table = text.deltaTable(first: text.pick("目标（完成值）", "Target (value)"))
            for name in targetNames {
                let values = all.map { summary in summary.allocation.targets.first { $0.name == name }?.value ?? .nan }
                table.add(text.deltaRow(text.pick("「\(text.scenarioText(name))」", "“\(text.scenarioText(name))”"), values, money: false))
            }
            out += "\n## " + text.pick("目标", "Targets") + "\n\n" + table.render()
        }
        return out + projects(comparison, text: text) + stabilityMarkdown(comparison, text: text) + fairnessMarkdown(comparison, text: text)
    }

    static func overview(_ comparison: Comparison, text: CompareText) -> MarkdownTable {
        let all = comparison.scenarios
        var overview = text.deltaTable(first: "")
        overview.add([text.pick("求解状态", "Status")] + text.spread(all.map { StatusWords.text($0.status, language: text.language) }))
        overview.add(text.deltaRow(text.pick("目标值（分）", "Objective (points)"), all.map { $0.objective ?? .nan }, money: true))
        overview.add(text.deltaRow(text.pick("项目补助合计（万元）", "Project subsidies (万元)"), all.map(\.subsidyTotal), money: true))
        overview.add(text.deltaRow(text.pick("获补项目数", "Projects funded"), all.map { Double($0.fundedCount) }, money: false))
        overview.add(text.deltaRow(text.pick("新命名园区数", "Eco parks named"), all.map { Double($0.allocation.parks.count) }, money: false))
        if all.contains(where: { $0.allocation.policy?.review != nil }) {
            // scenario-format §15.3: what a failed review costs in eco parks.
            overview.add(text.deltaRow(text.pick("复查不合格园区数", "Parks failing the review"), all.map { Double($0.allocation.policy?.review?.parks.count ?? 0) }, money: false))
            overview.add(text.deltaRow(text.pick("规划期末生态工业园区数", "Eco parks at the end of the horizon"), all.map { Double($0.allocation.ecoParksBefore + $0.allocation.parks.count) }, money: false))
        }
        for name in orderedUnique(all.flatMap { $0.allocation.targets.map(\.name) }) {
            overview.add([text.pick("目标「\(text.scenarioText(name))」", "Target “\(text.scenarioText(name))”")] + text.spread(all.map { summary in
                summary.allocation.targets.first { $0.name == name }.map { text.pick($0.met ? "达成" : "未达成", $0.met ? "met" : "not met") } ?? "—"
            }))
        }
        if all.contains(where: { !($0.allocation.loanStage?.loans.isEmpty ?? true) }) {
            overview.add(text.deltaRow(text.pick("贷款金额（万元）", "Loan volume (万元)"), all.map { $0.allocation.loanStage?.volume ?? 0 }, money: true))
        }
        return overview
    }

    /// The projects funded only in one scenario, dropped there, or with another share, named.
    static func projects(_ comparison: Comparison, text: CompareText) -> String {
        var out = "\n## " + text.pick("与「\(comparison.scenarios.first?.label ?? "")」相比的项目变化", "Projects against 「\(comparison.scenarios.first?.label ?? "")」") + "\n"
        for diff in comparison.diffs {
            out += "\n### \(diff.label)\n\n"
            if diff.fundedOnlyHere.isEmpty && diff.droppedHere.isEmpty && diff.shareChanged.isEmpty {
                out += text.pick("获补项目及补助比例均相同。\n", "Same projects, same shares.\n")
                continue
            }
            if !diff.fundedOnlyHere.isEmpty {
                out += text.pick("- 新增获补（\(diff.fundedOnlyHere.count) 个）：", "- Funded only here (\(diff.fundedOnlyHere.count)): ") + text.names(diff.fundedOnlyHere) + "\n"
            }
            if !diff.droppedHere.isEmpty {
                out += text.pick("- 不再获补（\(diff.droppedHere.count) 个）：", "- Dropped here (\(diff.droppedHere.count)): ") + text.names(diff.droppedHere) + "\n"
            }
            if !diff.shareChanged.isEmpty {
                out += text.pick("- 补助比例变化（\(diff.shareChanged.count) 个）：", "- Share changed (\(diff.shareChanged.count)): ")
                    + diff.shareChanged.map { "\(text.names([$0.project])) \(MoneyFormat.percent($0.from)) → \(MoneyFormat.percent($0.to))" }
                        .joined(separator: text.pick("；", "; ")) + "\n"
            }
        }
        return out
    }
}

/// The words and figures of a comparison in one language: names beside ids, Δ and Δ% against the first
/// scenario.
struct CompareText {
    let comparison: Comparison
    let language: ReportLanguage
    /// Project id → name, from the first scenario that knows the project.
    let projectNames: [String: String]

    init(comparison: Comparison, language: ReportLanguage) {
        self.comparison = comparison
        self.language = language
        var names: [String: String] = [:]
        for summary in comparison.scenarios {
            for project in summary.allocation.projects where names[project.id] == nil { names[project.id] = project.name }
        }
        projectNames = names
    }

    func pick(_ chinese: String, _ english: String) -> String { language.pick(chinese, english) }

    func labeled(_ name: String?, _ id: String) -> String { WorkbookCells.labeled(name, id, language: language) }

    /// `名称（编号）、…` for project ids.
    func names(_ ids: [String]) -> String {
        ids.map { labeled(projectName($0), $0) }.joined(separator: pick("、", ", "))
    }

    /// A scenario-given name (fund, target) in the document's language: the English text any compared
    /// scenario gives for it, else the name as written.
    func scenarioText(_ name: String) -> String {
        guard language == .en else { return name }
        for summary in comparison.scenarios {
            if let english = summary.allocation.englishText[name] { return english }
        }
        return name
    }

    /// A project's name as the scenario's library gives it. Scenario-given names pass through here only.
    private func projectName(_ id: String) -> String? { projectNames[id] }

    /// Header: the first column, then each scenario, with Δ and Δ% after every scenario but the first.
    func deltaTable(first: String) -> MarkdownTable {
        var header = [first]
        for (index, summary) in comparison.scenarios.enumerated() {
            header.append(summary.label)
            if index > 0 { header += ["Δ", "Δ%"] }
        }
        return MarkdownTable(header: header, numeric: Set(1..<header.count))
    }

    /// Text cells placed under each scenario (Δ columns left empty).
    func spread(_ cells: [String]) -> [String] {
        cells.enumerated().flatMap { index, cell in index == 0 ? [cell] : [cell, "", ""] }
    }

    /// A row of figures (NaN: missing), with Δ and Δ% against the first.
    func deltaRow(_ label: String, _ values: [Double], money: Bool) -> [String] {
        let spell: (Double) -> String = { value in
            guard value.isFinite else { return "—" }
            return money ? MoneyFormat.display(value) : MoneyFormat.spelled(value, places: 2, grouping: true, trimmingZeros: true)
        }
        let base = values.first ?? .nan
        var row = [label]
        for (index, value) in values.enumerated() {
            row.append(spell(value))
            guard index > 0 else { continue }
            let delta = value - base
            row.append(delta.isFinite ? (delta > 0 ? "+" : "") + spell(delta) : "—")
            row.append(delta.isFinite && base != 0 ? (delta > 0 ? "+" : "") + MoneyFormat.percent(delta / abs(base), places: 1) : "—")
        }
        return row
    }
}
