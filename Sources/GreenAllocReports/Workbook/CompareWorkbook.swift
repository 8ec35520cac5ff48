public import GreenAllocWhatIf
internal import GreenAllocCore
internal import Spreadsheet

/// compare.xlsx (`compare --out DIR`): the scenarios side by side, one column per scenario, sheet names and
/// headers in the given language: 情景概况 (status, objective, subsidy, projects funded, eco parks named with
/// their names, each target's value and whether it is met), 分资金, 分年度, 分城市, 分类别 (money per
/// scenario, each later scenario followed by Δ and Δ% against the first, with a total row the writer adds
/// up), 分目标 (each target's value, Δ and Δ%) and 差异项目 (the projects funded in some scenarios only,
/// named, with their share in each scenario), 排序稳定性 (rank stability against the first scenario and the
/// projects funded everywhere) and, when `compare` computed it, 公平性 (each scenario's optimum beside the
/// greedy and proportional rules). Money is rounded to 0.0001 万元 and shown as `#,##0.00`.
public enum CompareWorkbook {
    public static let fileName = "compare.xlsx"

    public static func bytes(_ comparison: Comparison, language: ReportLanguage = .zh) throws -> [UInt8] {
        try Workbook(sheets: sheets(comparison, language: language), title: language.pick("情景对比", "Scenario comparison")).bytes()
    }

    static func sheets(_ comparison: Comparison, language: ReportLanguage) -> [Sheet] {
        let text = WhatIfWorkbookText(language: language)
        let all = comparison.scenarios
        let categoryNames = language == .zh ? CategorySummary.chineseNames : CategorySummary.englishNames
        return [
            overview(comparison, text: text),
            totals(all.map(\.byFund), comparison, text: text, name: text.pick("分资金", "By fund"), label: text.pick("资金", "Fund"), display: text.labeled),
            totals(all.map(\.byYear), comparison, text: text, name: text.pick("分年度", "By year"), label: text.pick("年度", "Year")) { _, key in
                language == .zh ? "\(key)年" : key
            },
            totals(all.map(\.byCity), comparison, text: text, name: text.pick("分城市", "By city"), label: text.pick("城市", "City"), display: text.labeled),
            totals(all.map(\.byCategory), comparison, text: text, name: text.pick("分类别", "By category"), label: text.pick("类别", "Category")) { _, key in
                categoryNames[key] ?? (key.isEmpty ? "—" : key)
            },
            targets(comparison, text: text),
            changes(comparison, text: text),
            stability(comparison, text: text),
        ] + (comparison.fairness.isEmpty ? [] : [fairness(comparison, text: text)])
    }

    static func overview(_ comparison: Comparison, text: WhatIfWorkbookText) -> Sheet {
        let all = comparison.scenarios
        var rows: [[Cell]] = [
            [.text(text.pick("文件", "File"))] + all.map { .text($0.file) },
            [.text(text.pick("求解状态", "Status"))] + all.map { .text(text.status($0.status)) },
            [.text(text.pick("目标值", "Objective"))] + all.map { $0.objective.map { .number($0, .plain) } ?? .empty },
            [.text(text.pick("项目补助合计（万元）", "Project subsidies (万元)"))] + all.map { text.money($0.subsidyTotal) },
            [.text(text.pick("获补项目数", "Projects funded"))] + all.map { .integer($0.fundedCount) },
            [.text(text.pick("命名园区数", "Eco parks named"))] + all.map { .integer($0.allocation.parks.count) },
            [.text(text.pick("命名园区", "Parks named"))] + all.map { summary in
                .text(summary.allocation.parks.map { text.labeled($0.name, $0.id) }.joined(separator: text.pick("、", ", ")))
            },
        ]
        for name in WhatIfCompareOutput.orderedUnique(all.flatMap { $0.allocation.targets.map(\.name) }) {
            let targets = all.map { summary in summary.allocation.targets.first { $0.name == name } }
            rows.append([.text(text.pick("目标「\(name)」完成值", "Target \(name): value"))] + targets.map { target in
                target.map { .number($0.value, .plain) } ?? .empty
            })
            rows.append([.text(text.pick("目标「\(name)」是否达成", "Target \(name): met"))] + targets.map { target in
                target.map { .text(text.yes($0.met)) } ?? .empty
            })
        }
        if all.contains(where: { !($0.allocation.loanStage?.loans.isEmpty ?? true) }) {
            rows.append([.text(text.pick("贷款笔数", "Loans placed"))] + all.map { .integer($0.allocation.loanStage?.loans.count ?? 0) })
            rows.append([.text(text.pick("贷款金额（万元）", "Loan volume (万元)"))] + all.map { text.money($0.allocation.loanStage?.volume ?? 0) })
        }
        return Sheet(name: text.pick("情景概况", "Overview"), header: [text.pick("指标", "Figure")] + all.map(\.label), rows: rows)
    }

    /// One row per key that any scenario has (in first-seen order), one money column per scenario followed
    /// (after the first) by Δ and Δ% against the first, a total row over the money and Δ columns.
    static func totals(
        _ totals: [[ScenarioSummary.Total]], _ comparison: Comparison, text: WhatIfWorkbookText, name: String, label: String,
        display: (String, String) -> String
    ) -> Sheet {
        let header = deltaHeader(label, comparison)
        let rows: [[Cell]] = WhatIfCompareOutput.keys(totals).map { key, keyName in
            [.text(display(keyName, key))] + deltaCells(totals.map { list in list.first { $0.key == key }?.amount ?? 0 }, text: text)
        }
        let sums = header.indices.dropFirst().filter { header[$0] != "Δ%" }
        return Sheet(name: name, header: header, rows: rows,
            total: WorkbookCells.total(rows, label: text.pick("合计", "Total"), sums: Array(sums), width: header.count))
    }

    /// The first column's label, then each scenario's, with Δ and Δ% after every scenario but the first.
    static func deltaHeader(_ label: String, _ comparison: Comparison) -> [String] {
        var header = [label]
        for (index, summary) in comparison.scenarios.enumerated() {
            header.append(summary.label)
            if index > 0 { header += ["Δ", "Δ%"] }
        }
        return header
    }

    /// Money per scenario with Δ (money) and Δ% (a share; empty when the first is 0) against the first.
    static func deltaCells(_ values: [Double], text: WhatIfWorkbookText) -> [Cell] {
        let base = values.first ?? 0
        return values.enumerated().flatMap { index, value -> [Cell] in
            guard index > 0 else { return [text.money(value)] }
            let delta = value - base
            return [text.money(value), text.money(delta), base != 0 ? .share(delta / abs(base)) : .empty]
        }
    }

    /// Each target's value per scenario, with Δ and Δ% against the first.
    static func targets(_ comparison: Comparison, text: WhatIfWorkbookText) -> Sheet {
        let all = comparison.scenarios
        let rows: [[Cell]] = WhatIfCompareOutput.orderedUnique(all.flatMap { $0.allocation.targets.map(\.name) }).map { name in
            [.text(name)] + deltaCells(all.map { summary in summary.allocation.targets.first { $0.name == name }?.value ?? 0 }, text: text)
        }
        return Sheet(name: text.pick("分目标", "By target"), header: deltaHeader(text.pick("目标（完成值）", "Target (value)"), comparison), rows: rows)
    }

    /// The projects funded in some scenarios and not in others, or with different shares.
    static func changes(_ comparison: Comparison, text: WhatIfWorkbookText) -> Sheet {
        let labels = comparison.scenarios.map(\.label)
        let header = [text.pick("项目编号", "Project ID"), text.pick("项目名称", "Project"), text.pick("获补情景", "Funded in")]
            + labels.map { text.pick("\($0) 补助比例", "\($0) share") }
        let rows: [[Cell]] = comparison.changes.map { change in
            [.text(change.project), .text(change.name),
                .text(change.fundedIn.isEmpty ? "—" : change.fundedIn.joined(separator: text.pick("、", ", ")))]
                + change.shares.map { $0.map(Cell.share) ?? .empty }
        }
        return Sheet(name: text.pick("差异项目", "Projects that differ"), header: header, rows: rows, autoFilter: !rows.isEmpty)
    }
}

/// The words the what-if workbooks share: statuses, yes/no, names beside ids, money cells.
struct WhatIfWorkbookText {
    let language: ReportLanguage

    func pick(_ chinese: String, _ english: String) -> String { language.pick(chinese, english) }

    /// `名称（编号）` in Chinese, `name (id)` in English; the id alone when there is no name.
    func labeled(_ name: String?, _ id: String) -> String { WorkbookCells.labeled(name, id, language: language) }

    func money(_ value: Double) -> Cell { .money(MoneyFormat.rounded(value)) }

    func yes(_ flag: Bool) -> String { flag ? pick("是", "yes") : pick("否", "no") }

    func status(_ status: AllocationStatus) -> String { StatusWords.text(status, language: language) }
}

/// A solve's status in words (report.md adds the code in Chinese; the workbooks show the words alone).
enum StatusWords {
    static func text(_ status: AllocationStatus, language: ReportLanguage) -> String {
        switch status {
        case .optimal: language.pick("最优", "optimal")
        case .feasible: language.pick("可行，未证明最优", "feasible, not proved optimal")
        case .infeasible: language.pick("不可行", "infeasible")
        case .noSolution: language.pick("时限内未找到可行解", "no solution within the time limit")
        }
    }
}
