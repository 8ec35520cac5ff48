internal import Charts
internal import GreenAllocWhatIf
internal import GreenAllocCore
internal import Spreadsheet

/// Rank stability in `compare`: per later scenario, the funded set (by benefit score) and each bank's list
/// against the first scenario's — entries that keep their place, move, enter, leave — and the projects funded
/// in every scenario. In compare.md/.en.md, compare.json and a sheet of compare.xlsx.
extension WhatIfCompareOutput {
    static func stabilityJSON(_ comparison: Comparison) -> [(String, JSONValue)] {
        func list(_ entry: ListStability) -> JSONValue {
            var members: [(String, JSONValue)] = entry.bank.map { [("bank", .string($0)), ("name", .string(entry.name))] } ?? []
            members += [("kept", .int(entry.kept)), ("moved", .int(entry.moved)), ("entered", .int(entry.entered)), ("left", .int(entry.left))]
            return .object(members)
        }
        return [
            ("rank_stability", .array(comparison.stability.map { stability in
                .object([
                    ("scenario", .string(stability.label)),
                    ("funded", list(stability.funded)),
                    ("banks", .array(stability.banks.map(list))),
                ])
            })),
            ("funded_everywhere", .array(comparison.fundedEverywhere.map { .string($0) })),
        ]
    }

    /// The Markdown section.
    static func stabilityMarkdown(_ comparison: Comparison, text: CompareText) -> String {
        guard !comparison.stability.isEmpty else { return "" }
        var out = "\n## " + text.pick("排序稳定性", "Rank stability") + "\n\n"
        out += text.pick(
            "与第一个情景相比：名次不变、名次变化、新进入与退出的条目数。获补项目按效益得分从高到低排序（得分相同按项目库顺序）；银行名单按贷款排序。\n\n",
            "Against the first scenario: entries that keep their place, move, enter and leave. Funded projects are ranked by benefit score, highest first (ties in library order); bank lists by their loan rank.\n\n")
        var table = MarkdownTable(
            header: [text.pick("情景", "Scenario"), text.pick("名单", "List"), text.pick("名次不变", "Kept"), text.pick("名次变化", "Moved"),
                text.pick("新进入", "Entered"), text.pick("退出", "Left")],
            numeric: [2, 3, 4, 5])
        for stability in comparison.stability {
            for entry in [stability.funded] + stability.banks {
                let name = entry.bank.map { text.labeled(entry.name, $0) } ?? text.pick("获补项目", "Funded projects")
                table.add([stability.label, name, String(entry.kept), String(entry.moved), String(entry.entered), String(entry.left)])
            }
        }
        out += table.render()
        let everywhere = comparison.fundedEverywhere
        out += "\n" + text.pick("各情景均获补的项目（\(everywhere.count) 个）：", "Funded in every scenario (\(everywhere.count)): ")
            + (everywhere.isEmpty ? text.pick("无", "none") : text.names(everywhere)) + "\n"
        return out
    }
}

extension CompareWorkbook {
    /// 排序稳定性: one row per scenario and list, then the projects funded in every scenario.
    static func stability(_ comparison: Comparison, text: WhatIfWorkbookText) -> Sheet {
        var rows: [[Cell]] = []
        for stability in comparison.stability {
            for entry in [stability.funded] + stability.banks {
                let name = entry.bank.map { text.labeled(entry.name, $0) } ?? text.pick("获补项目", "Funded projects")
                rows.append([.text(stability.label), .text(name), .integer(entry.kept), .integer(entry.moved), .integer(entry.entered), .integer(entry.left)])
            }
        }
        let names = Dictionary(
            comparison.scenarios.first?.allocation.projects.map { ($0.id, $0.name) } ?? [], uniquingKeysWith: { first, _ in first })
        for id in comparison.fundedEverywhere {
            rows.append([.text(text.pick("各情景均获补", "Funded in every scenario")), .text(text.labeled(names[id], id)), .empty, .empty, .empty, .empty])
        }
        return Sheet(
            name: text.pick("排序稳定性", "Rank stability"),
            header: [text.pick("情景", "Scenario"), text.pick("名单", "List"), text.pick("名次不变", "Kept"), text.pick("名次变化", "Moved"),
                text.pick("新进入", "Entered"), text.pick("退出", "Left")],
            rows: rows)
    }
}

/// Fairness in `compare`: per scenario, the optimum's, the greedy ranking's and the proportional rule's
/// objective, price of fairness and Gini (weights: the cities' requests).
extension WhatIfCompareOutput {
    static func fairnessJSON(_ comparison: Comparison) -> [(String, JSONValue)] {
        guard !comparison.fairness.isEmpty else { return [] }
        return [("fairness", .array(zip(comparison.scenarios, comparison.fairness).map { summary, result in
            .object([("scenario", .string(summary.label)), ("plans", .array(result.plans.map { FairnessOutput.planSummaryJSON($0, result) }))])
        }))]
    }

    static func fairnessRows(_ comparison: Comparison, language: ReportLanguage) -> (header: [String], rows: [[String]]) {
        let header = [language.pick("情景", "Scenario"), language.pick("方案", "Plan"), language.pick("目标值", "Objective"),
            language.pick("公平的代价", "Price of fairness"), language.pick("代价比例", "Price (%)"), language.pick("基尼系数", "Gini"),
            language.pick("违反硬性规则", "Hard rules broken")]
        var rows: [[String]] = []
        for (summary, result) in zip(comparison.scenarios, comparison.fairness) {
            let page = FairnessPage(result, language: language)
            for plan in result.plans {
                let price = result.price(of: plan)
                rows.append([
                    summary.label, page.ruleName(plan.rule), plan.objective.map(MoneyFormat.display) ?? "—",
                    price.map { MoneyFormat.display($0.absolute) } ?? "—", price?.share.map { MoneyFormat.percent($0) } ?? "—",
                    FairnessPage.curve(plan, result).map { MoneyFormat.fixed($0.gini, places: 4) } ?? "—", String(plan.broken.count),
                ])
            }
        }
        return (header, rows)
    }

    static func fairnessMarkdown(_ comparison: Comparison, text: CompareText) -> String {
        guard !comparison.fairness.isEmpty else { return "" }
        let (header, rows) = fairnessRows(comparison, language: text.language)
        var table = MarkdownTable(header: header, numeric: [2, 3, 4, 5, 6])
        rows.forEach { table.add($0) }
        return "\n## " + text.pick("公平性", "Fairness") + "\n\n"
            + text.pick("各情景最优方案与两种分配规则的对比；基尼系数以各市申请额为权重。规则定义见 greenalloc fairness。\n\n",
                "Each scenario's optimum beside the two funding rules; the Gini coefficient is weighted by the cities' requests. The rules are those of greenalloc fairness.\n\n")
            + table.render()
    }
}

extension CompareWorkbook {
    /// 公平性: one row per scenario and plan.
    static func fairness(_ comparison: Comparison, text: WhatIfWorkbookText) -> Sheet {
        let (header, rows) = WhatIfCompareOutput.fairnessRows(comparison, language: text.language)
        return Sheet(name: text.pick("公平性", "Fairness"), header: header, rows: rows.map { $0.map { Cell.text($0) } })
    }
}
