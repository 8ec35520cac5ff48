public import GreenAllocCore

/// A diagnosis's explanation in sentences: the finding that led the search, the conflict (English, then
/// Chinese), then one sentence per relaxation in both languages (saying when it alone restores feasibility).
public enum DiagnosisText {
    public static func sentences(_ diagnosis: Diagnosis) -> [String] {
        diagnosis.explanation.flatMap(sentences)
    }

    public static func sentences(_ sentence: DiagnosisSentence) -> [String] {
        switch sentence {
        case .finding(let kind):
            return [FindingText.message(Finding(severity: .infeasible, kind: kind))]
        case .conflict(let rules):
            guard let first = rules.first.map(ConflictRuleText.statement) else { return [] }
            let parts = rules.dropFirst().map(ConflictRuleText.statement)
            return [
                parts.isEmpty ? first + ", which cannot hold" : first + ", but " + parts.joined(separator: ", and "),
                "以下规则不能同时满足：" + rules.map(ConflictRuleText.statementChinese).joined(separator: "；") + "。",
            ]
        case .relaxation(let rule, let by, let unit, let alone):
            let (english, chinese) = words(unit)
            let (action, actionChinese): (String, String)
            if case .lock(let project, _) = rule {
                (action, actionChinese) = ("release the lock-in of \(project)", "取消项目 \(project) 的锁定补助")
            } else {
                action = "relax \(ConflictRuleText.statement(rule)) by \(formatNumber(by))\(english)"
                actionChinese = "将\(ConflictRuleText.statementChinese(rule))放宽 \(formatNumber(by))\(chinese)"
            }
            return [
                action + (alone ? " (this alone restores feasibility)" : "") + " / " + actionChinese
                    + (alone ? "（仅此一项即可恢复可行）" : "")
            ]
        case .stated(let text):
            return [text]
        }
    }

    /// A relaxation's unit after its amount (English, Chinese).
    static func words(_ unit: RelaxationUnit) -> (String, String) {
        switch unit {
        case .money: ("万", "万元")
        case .projects: (" project(s)", "个项目")
        case .parks: (" park(s)", "家园区")
        case .parkShare: (" (share of parks)", "（园区占比）")
        case .column(let column): (" (\(column))", "（\(column)）")
        case .unknown: ("", "")
        }
    }
}
