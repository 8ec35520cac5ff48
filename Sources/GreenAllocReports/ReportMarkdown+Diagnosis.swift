import GreenAllocCore

/// report.md: presolve findings and, when infeasible, the conflict and what to relax.
extension ReportMarkdown.Report {
    mutating func findings() {
        guard !allocation.findings.isEmpty else { return }
        heading("预处理检查", "Presolve findings")
        let text = FindingText(language: language, allocation: allocation)
        for finding in allocation.findings {
            let severity = finding.severity == .infeasible ? pick("不可行", "infeasible") : pick("警告", "warning")
            var line = "- **" + severity + "**" + pick("：", ": ") + text.message(finding)
            let suggestion = text.suggestion(finding)
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
        blank()
        for (index, rule) in diagnosis.conflict.enumerated() {
            paragraph("\(index + 1). " + rules.name(rule))
        }
        if !diagnosis.relax.isEmpty {
            blank()
            paragraph(pick("同时采用以下放宽即可恢复可行：", "Relaxations that, applied together, restore feasibility:"))
            blank()
            for relaxation in diagnosis.relax {
                let unit = rules.unit(relaxation.rule)
                paragraph("- " + rules.name(relaxation.rule) + pick("：放宽 ", ": relax by ") + figure(relaxation.by, places: 6)
                    + (unit.isEmpty ? "" : " " + unit) + (relaxation.alone ? pick("（仅此一项即可恢复可行）", " (this alone restores feasibility)") : ""))
            }
        }
        if !diagnosis.explanation.isEmpty {
            blank()
            for sentence in DiagnosisText(language: language, allocation: allocation).sentences(diagnosis) { paragraph("> " + sentence) }
        }
    }
}
