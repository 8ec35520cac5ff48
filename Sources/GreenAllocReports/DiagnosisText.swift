public import GreenAllocCore

/// A diagnosis's explanation in sentences of one language: the finding that led the search, the conflict, then
/// one sentence per relaxation (saying when it alone restores feasibility). Scenario-given names are printed in
/// the language (`englishText`) and funds by their display names when the renderer knows them.
/// `DiagnosisText.machine` is allocation.json's `explanation`: the conflict in English and then in Chinese,
/// each relaxation as `English / 中文`, the finding in English.
public struct DiagnosisText: FundNamingRenderer {
    public var language: ReportLanguage
    public var fundNames: [String: String]
    public var englishText: [String: String] = [:]

    /// allocation.json's wording (see `FindingText.machine`).
    var machineWording = false

    public init(language: ReportLanguage, fundNames: [String: String]) {
        self.language = language
        self.fundNames = fundNames
    }

    /// An English statement as this renderer's reader sees it (`FindingText.englishQuotes` in a document).
    func quoted(_ sentence: String) -> String { machineWording ? sentence : FindingText.englishQuotes(sentence) }

    public func sentences(_ diagnosis: Diagnosis) -> [String] {
        diagnosis.explanation.compactMap(sentence)
    }

    /// One element of the explanation in words; nil for a conflict without rules.
    public func sentence(_ sentence: DiagnosisSentence) -> String? {
        let zh = language == .zh
        switch Allocation.sentence(sentence, localized) {
        case .finding(let kind):
            var findings = FindingText(language: language, fundNames: fundNames)
            findings.englishText = englishText
            findings.machineWording = machineWording
            return findings.message(Finding(severity: .infeasible, kind: kind))
        case .conflict(let rules):
            guard let first = rules.first else { return nil }
            if zh { return "以下规则不能同时满足：" + rules.map(ConflictRuleText.statementChinese).joined(separator: "；") + "。" }
            let parts = rules.dropFirst().map(ConflictRuleText.statement)
            let statement = ConflictRuleText.statement(first)
            return quoted(parts.isEmpty ? statement + ", which cannot hold" : statement + ", but " + parts.joined(separator: ", and "))
        case .relaxation(let rule, let by, let unit, let alone):
            let unit = Self.words(unit)
            let action: String
            if case .lock(let project, _) = rule {
                action = language.pick("取消项目 \(project) 的锁定补助", "release the lock-in of \(project)")
            } else {
                action = zh ? "将\(ConflictRuleText.statementChinese(rule))放宽 \(formatNumber(by))\(unit.chinese)"
                    : quoted("relax \(ConflictRuleText.statement(rule)) by \(formatNumber(by))\(unit.english)")
            }
            return action + (alone ? language.pick("（仅此一项即可恢复可行）", " (this alone restores feasibility)") : "")
        case .stated(let text):
            return text
        }
    }

    /// allocation.json's `explanation` (and standard error's, which quotes it): as the format has always
    /// written it, English and Chinese side by side.
    public static func machine(_ diagnosis: Diagnosis) -> [String] {
        var english = DiagnosisText(language: .en, fundNames: [:])
        english.machineWording = true
        let chinese = DiagnosisText(language: .zh, fundNames: [:])
        return diagnosis.explanation.flatMap { sentence -> [String] in
            switch sentence {
            case .finding:
                return [english.sentence(sentence)].compactMap { $0 }
            case .conflict:
                return [english.sentence(sentence), chinese.sentence(sentence)].compactMap { $0 }
            case .relaxation:
                return [[english.sentence(sentence), chinese.sentence(sentence)].compactMap { $0 }.joined(separator: " / ")]
            case .stated(let text):
                return [text]
            }
        }
    }

    /// A relaxation's unit after its amount.
    static func words(_ unit: RelaxationUnit) -> (english: String, chinese: String) {
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

