public import GreenAllocCore

/// A presolve finding in words of one language: what was found, and what to do about it. Funds are named by
/// their display names and scenario-given names (limits, targets) by their text in the language, when the
/// renderer knows them (`init(language:allocation:)`). `FindingText.machine` is allocation.json's wording:
/// English, funds by id, names as the scenario gives them, why codes as codes.
public struct FindingText: FundNamingRenderer {
    public var language: ReportLanguage
    public var fundNames: [String: String]
    public var englishText: [String: String] = [:]
    /// allocation.json's wording: a blocked lock-in's fact as its why code rather than in words, and names in
    /// 「」 in English too (an English document quotes them "so").
    var machineWording = false

    public init(language: ReportLanguage, fundNames: [String: String]) {
        self.language = language
        self.fundNames = fundNames
    }

    /// allocation.json's `message` and `suggestion`, and the target search's reasons.
    public static let machine: FindingText = {
        var text = FindingText(language: .en, fundNames: [:])
        text.machineWording = true
        return text
    }()

    var zh: Bool { language == .zh }

    public func message(_ finding: Finding) -> String {
        let kind = Allocation.finding(finding.kind, localized)
        if zh { return chinese(kind) }
        if machineWording { return english(kind) }
        if case .stated(let message, _) = kind { return message }
        return Self.englishQuotes(english(kind))
    }

    /// An English document's sentence: names the scenario gives between ASCII quotes rather than 「」.
    static func englishQuotes(_ sentence: String) -> String {
        String(sentence.map { $0 == "「" || $0 == "」" ? "\"" : $0 })
    }

    public func suggestion(_ finding: Finding) -> String {
        switch finding.kind {
        case .lockInBlocked, .lockInRequiresBlocked:
            return language.pick("取消该项目的锁定，或消除阻碍它的原因（排除规则、申报条件、最低补助比例、依赖要求）",
                "remove its lock, or fix what blocks it (exclusion, eligibility, min_share, requires)")
        case .lockInsAboveBudget(let fund, let year, let need, let budget, let lockedIn):
            let raise = MoneyFormat.sentence(need - budget)
            return zh ? "将资金「\(fundName(fund))」\(year)年预算至少提高 \(raise)万元，或取消以下项目的锁定：\(lockedIn.joined(separator: "、"))"
                : "raise the \(year) budget of \(fundName(fund)) by at least \(raise)万, or unlock some of: \(lockedIn.joined(separator: ", "))"
        case .floorAboveSupply(_, _, let supply):
            let most = MoneyFormat.sentence(supply)
            return language.pick("将下限降至不超过 \(most)，或扩大该限制的范围", "lower min to at most \(most), or widen the limit's scope")
        case .shareCapAllowsNothing:
            return language.pick("取消该占比上限，或对这一范围改用绝对上限", "drop the share cap or use an absolute max for this scope")
        case .targetOutOfReach:
            return language.pick("降低目标，改为带罚分的软目标，或增加符合条件的项目或园区",
                "lower the target, make it soft with a penalty, or add eligible projects/parks")
        case .coefficientSpan:
            return language.pick("检查单位（金额为万元，效益为吨）以及过小的权重或比例",
                "check units (money in 万元, benefits in tonnes) and very small weights or shares")
        case .stated(_, let suggestion):
            return suggestion
        }
    }

    /// A blocked lock-in's fact: its why code (allocation.json) or its words.
    func fact(_ why: WhyCode) -> String {
        machineWording ? why.rawValue : ReasonText(language: language).label(why)
    }

    func english(_ kind: FindingKind) -> String {
        switch kind {
        case .lockInBlocked(let project, let why):
            return "project \(project) is locked in (lock: in) but cannot be funded: \(fact(why))"
        case .lockInRequiresBlocked(let project, let path, let why):
            return "project \(project) is locked in (lock: in) but requires \(path.joined(separator: ", which requires ")), which cannot be funded: \(fact(why))"
        case .lockInsAboveBudget(let fund, let year, let need, let budget, _):
            return "the lock-ins of \(fundName(fund)) need \(MoneyFormat.sentence(need))万 in \(year), but its budget is \(MoneyFormat.sentence(budget))万"
        case .floorAboveSupply(let limit, let floor, let supply):
            return "the floor of \(ConflictRuleText.scope(limit)) is \(MoneyFormat.sentence(floor)), but every fundable project in its scope together gives at most \(MoneyFormat.sentence(supply))"
        case .shareCapAllowsNothing(let limit, let share, let lockedIn):
            return "\(ConflictRuleText.scope(limit)): one group holds every fundable project of its base, so max_share \(MoneyFormat.sentencePercent(share)) allows nothing to be funded there"
                + (lockedIn.isEmpty ? "" : ", but \(lockedIn.joined(separator: ", ")) \(lockedIn.count == 1 ? "is" : "are") locked in there")
        case .targetOutOfReach(let target, let min, let reach):
            let detail: String
            switch reach {
            case .parks(let nameable, let year, let alreadyNamed):
                detail = "only \(nameable) parks can be newly named by \(year) (under construction, not barred, with fundable prerequisite packages), besides \(alreadyNamed) eco parks already named"
            case .supply(let supply):
                detail = "every fundable project together gives at most \(MoneyFormat.sentence(supply))"
            }
            return "target 「\(target)」 (min \(formatNumber(min))) cannot be met: \(detail)"
        case .coefficientSpan(let smallest, let largest):
            return "model coefficients span \(formatNumber(smallest)) to \(formatNumber(largest)) (more than 1e9): the solver may lose precision"
        case .stated(let message, _):
            return message
        }
    }

    func chinese(_ kind: FindingKind) -> String {
        switch kind {
        case .lockInBlocked(let project, let why):
            return "项目 \(project) 已锁定为必须补助，但无法获得补助：\(fact(why))"
        case .lockInRequiresBlocked(let project, let path, let why):
            return "项目 \(project) 已锁定为必须补助，但它依赖 \(path.joined(separator: "，后者又依赖 "))，而后者无法获得补助：\(fact(why))"
        case .lockInsAboveBudget(let fund, let year, let need, let budget, _):
            return "资金「\(fundName(fund))」的锁定项目\(year)年需要 \(MoneyFormat.sentence(need))万元，但该年预算仅 \(MoneyFormat.sentence(budget))万元"
        case .floorAboveSupply(let limit, let floor, let supply):
            return "限制\(Self.scopeChinese(limit))的下限为 \(MoneyFormat.sentence(floor))，但其范围内全部可补助项目合计至多 \(MoneyFormat.sentence(supply))"
        case .shareCapAllowsNothing(let limit, let share, let lockedIn):
            return "限制\(Self.scopeChinese(limit))：某一组包含其基数范围内的全部可补助项目，占比上限 \(MoneyFormat.sentencePercent(share)) 使该组无法获得任何补助"
                + (lockedIn.isEmpty ? "" : "，但项目 \(lockedIn.joined(separator: "、")) 已锁定在该组")
        case .targetOutOfReach(let target, let min, let reach):
            let detail: String
            switch reach {
            case .parks(let nameable, let year, let alreadyNamed):
                detail = "到\(year)年仅有 \(nameable) 家园区可新命名（在建、未被排除、前置项目可获补助），另有 \(alreadyNamed) 家生态工业园区已命名"
            case .supply(let supply):
                detail = "全部可补助项目合计至多 \(MoneyFormat.sentence(supply))"
            }
            return "硬目标「\(target)」（下限 \(formatNumber(min))）无法实现：\(detail)"
        case .coefficientSpan(let smallest, let largest):
            return "模型系数从 \(formatNumber(smallest)) 跨到 \(formatNumber(largest))（相差超过 1e9 倍），求解器可能损失精度"
        case .stated(let message, _):
            return message
        }
    }

    /// A limit's scope in a Chinese finding: 「name」（group，year年）.
    static func scopeChinese(_ limit: LimitScope) -> String {
        let qualifiers = [limit.group, limit.year.map { "\($0)年" }].compactMap { $0 }
        return "「\(limit.name)」" + (qualifiers.isEmpty ? "" : "（" + qualifiers.joined(separator: "，") + "）")
    }
}
