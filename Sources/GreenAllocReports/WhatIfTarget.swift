public import GreenAllocWhatIf
internal import GreenAllocCore

/// `greenalloc target`: JSON and Markdown of a `TargetSearchResult`.
public enum WhatIfTargetOutput {
    public static func json(_ search: TargetSearchResult, language: ReportLanguage = .zh) -> String {
        let allocation = search.allocation
        let outcome = allocation?.targets.first { $0.name == search.target }
        var members: [(String, JSONValue)] = [
            ("format", .string("greenalloc.target/1")),
            ("scenario", .string(search.scenario)),
            ("target", .string(search.target)),
            ("fund", .string(search.fundID)),
            ("met", .bool(search.met)),
            ("scale", .double(search.scale)),
            ("lower_scale", .double(search.lowerScale)),
            ("tolerance", .double(search.tolerance)),
            ("budget", search.budget.map(WhatIfSweepOutput.budgetJSON) ?? .null),
            ("budget_total", .money(search.budget.map { $0.values.reduce(0, +) })),
            ("base_budget", WhatIfSweepOutput.budgetJSON(search.baseBudget)),
            ("unlimited_scale", .double(search.unlimitedScale)),
            ("status", .string(allocation?.status.rawValue)),
            ("objective", .double(search.met ? allocation?.objective : nil)),
            ("target_value", .double(outcome?.value)),
            ("target_min", .double(outcome?.min)),
            ("exact", .bool(search.exact)),
            ("solves", .int(search.solves)),
            ("reasons", .array(reasons(search).map { .string($0) })),
        ]
        if let diagnosis = search.diagnosis { members.append(("diagnosis", AllocationJSON.diagnosis(diagnosis))) }
        if let allocation, search.met { members.append(("allocation", AllocationJSON.value(allocation, language: language))) }
        return JSONWriter.render(.object(members))
    }

    public static func markdown(_ search: TargetSearchResult) -> String {
        var text = "# 目标所需预算 / Budget needed for 「\(search.target)」\n\n"
        text += "Scenario 「\(search.scenario)」, fund \(search.fundName) (\(search.fundID)); base budget "
            + search.baseBudget.keys.sorted().map { "\($0): \(MoneyFormat.display(search.baseBudget[$0]!))万" }.joined(separator: ", ") + ".\n\n"
        guard search.met, let scale = search.scale, let budget = search.budget else {
            text += "**No budget of this fund meets the target.**\n\n"
            let reasons = reasons(search)
            for reason in reasons { text += "- \(reason)\n" }
            if let diagnosis = search.diagnosis {
                text += "\nRules in conflict with the target at ×\(MoneyFormat.plain(search.unlimitedScale)) of the budget:\n\n"
                for rule in diagnosis.conflict { text += "- \(ConflictRuleText.label(rule))\n" }
                for line in DiagnosisText(language: .en, fundNames: [:]).sentences(diagnosis) where !reasons.contains(line) { text += "- \(line)\n" }
            }
            return text
        }
        text += "**Smallest scale: ×\(MoneyFormat.fixed(scale, places: 4))** (to within \(MoneyFormat.percent(search.tolerance, places: 2))"
            + (search.lowerScale.map { "; no scale below ×\(MoneyFormat.fixed($0, places: 4)) meets it" } ?? "") + ").\n\n"
        var table = MarkdownTable(header: ["year", "base (万元)", "needed (万元)"], numeric: [1, 2])
        for year in budget.keys.sorted() {
            table.add([String(year), MoneyFormat.display(search.baseBudget[year] ?? 0), MoneyFormat.display(budget[year]!)])
        }
        table.add(["total", MoneyFormat.display(search.baseBudget.values.reduce(0, +)), MoneyFormat.display(budget.values.reduce(0, +))])
        text += table.render()
        if let allocation = search.allocation {
            let funded = allocation.projects.filter(\.funded)
            text += "\nPlan at that budget (target hard): \(allocation.status.rawValue), objective "
                + (allocation.objective.map { MoneyFormat.display($0) } ?? "—")
                + ", \(funded.count) projects funded, subsidy \(MoneyFormat.display(funded.reduce(0) { $0 + $1.subsidyTotal }))万"
                + (allocation.parks.isEmpty ? "" : ", \(allocation.parks.count) parks newly named") + ".\n"
            for target in allocation.targets {
                text += "- 「\(allocation.localized(target.name, in: .en))」: \(MoneyFormat.display(target.value)) against \(MoneyFormat.display(target.min)) — \(target.met ? "met" : "not met")\n"
            }
        }
        if !search.exact { text += "\nSome solves stopped on the time limit: the scale is an upper bound.\n" }
        return text
    }

    /// Why no budget meets the target: the search's reasons, then the presolve findings that block it.
    static func reasons(_ search: TargetSearchResult) -> [String] {
        search.reasons + search.blockingFindings.map(FindingText.machine.message)
    }
}
