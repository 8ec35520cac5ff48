public import GreenAllocCore

/// Renders `Reason`s and why codes in words (conflict rules: `ConflictRuleText`). Funds are named by their display name when
/// `fundNames` knows the id (a reason or a diagnosis names a fund by id).
public struct ReasonText: FundNamingRenderer {
    public var language: ReportLanguage
    public var fundNames: [String: String]
    public var englishText: [String: String] = [:]

    public init(language: ReportLanguage = .zh, fundNames: [String: String] = [:]) {
        self.language = language
        self.fundNames = fundNames
    }

    public static func render(_ reason: Reason, language: ReportLanguage = .zh) -> String {
        ReasonText(language: language).text(reason)
    }

    public func text(_ reason: Reason) -> String {
        let zh = language == .zh
        switch reason {
        case .excludedBy(let rule, let reason):
            let rule = localized(rule), reason = localized(reason)
            let head = zh ? "被排除规则「\(rule)」排除" : "excluded by rule \(rule)"
            return reason.isEmpty ? head : head + (zh ? "：" : ": ") + reason
        case .lockedOut:
            return language.pick("已锁定为不予补助（lock: out）", "locked out (lock: out)")
        case .loanOnly:
            return language.pick("仅申请贷款，未申请补助", "loan-only project (no subsidy requested)")
        case .ineligible(let fund, let rule):
            let name = localized(fundName(fund))
            return zh ? "不符合资金「\(name)」申报条件（规则 \(rule)）" : "not eligible for fund \(name) (rule \(rule))"
        case .outsideHorizon(let years):
            guard !years.isEmpty else { return language.pick("规划期内未申请补助", "no request inside the horizon") }
            let list = years.map(String.init).joined(separator: zh ? "、" : ", ")
            return zh ? "申请补助的年度（\(list)年）不在规划期内，本期不予安排" : "requests only in \(list), outside the horizon: not funded in this plan"
        case .minShareImpossible(_, _, let limitedBy):
            return zh ? "\(capName(limitedBy))为 0，无法补助" : "\(capName(limitedBy)) allows nothing"
        case .requiresUnfundable(let project):
            return zh ? "依赖项目 \(project) 无法获得补助" : "required project \(project) cannot be funded"
        case .notChosen:
            return language.pick(
                "未入选：预算与规则约束下得分不足", "not chosen: score too low under the budgets and rules")
        case .lockedIn:
            return language.pick("已锁定为必须补助（按最高额度）", "locked in: funded at its maximum")
        case .fundedFull:
            return language.pick("全额补助", "funded in full")
        case .fundedPartial(let share):
            let text = MoneyFormat.percent(share)
            return zh ? "部分补助 \(text)" : "funded in part: \(text)"
        case .fundedAtCap(let share, let limitedBy):
            let text = MoneyFormat.percent(share)
            return zh
                ? "按上限补助：申请额的 \(text)（\(capName(limitedBy))）"
                : "funded at its cap: \(text) of the request (\(capName(limitedBy)))"
        case .laterYearNeeds(let needs):
            let list = needs.map { need in
                zh ? "\(need.year)年 \(MoneyFormat.plain(need.amount))万元" : "\(MoneyFormat.plain(need.amount))万 in \(need.year)"
            }.joined(separator: zh ? "、" : ", ")
            return zh ? "后续年度需求：\(list)（规划期外，本期不安排）" : "later-year needs: \(list) (after the horizon, not funded here)"
        case .bonus(let name, let factor):
            let name = localized(name)
            return zh ? "加分「\(name)」×\(formatNumber(factor))" : "bonus \(name) ×\(formatNumber(factor))"
        case .namingPrerequisite(let park, let named):
            return zh
                ? "命名前置项目（园区 \(park)，\(named ? "已命名" : "未命名")）"
                : "naming prerequisite (park \(park), \(named ? "named" : "not named"))"
        case .requiresFunded(let project):
            return zh ? "依赖项目 \(project)（已获补助）" : "requires project \(project) (funded)"
        case .deferred(let years, let start):
            return zh ? "延期\(years)年：\(start)年起安排" : "deferred \(years) year\(years == 1 ? "" : "s"): starts in \(start)"
        }
    }

    /// A short label for a why code (scenario-format §13), used to group unfunded projects.
    public func label(_ why: WhyCode) -> String {
        switch why {
        case .excluded: language.pick("被排除规则排除", "excluded by a rule")
        case .lockedOut: language.pick("锁定为不予补助", "locked out")
        case .loanOnly: language.pick("仅申请贷款", "loan only")
        case .ineligible: language.pick("不符合资金申报条件", "not eligible for its fund")
        case .outsideHorizon: language.pick("规划期内无申请", "no request inside the horizon")
        case .minShareImpossible: language.pick("补助上限为零", "its cap allows nothing")
        case .requiresUnfundable: language.pick("依赖项目无法获得补助", "a required project cannot be funded")
        case .notChosen: language.pick("未入选（预算与规则约束）", "not chosen (budgets and rules)")
        case .funded: language.pick("获得补助", "funded")
        }
    }

    /// The cap that set a project's maximum share u, in words.
    func capName(_ limitedBy: String) -> String {
        switch limitedBy {
        case "per_project": language.pick("单个项目补助上限", "the fund's per-project cap")
        case "share_of_investment": language.pick("补助占总投资比例上限", "the cap on the share of investment")
        default: language.pick("补助上限", "the cap")
        }
    }
}

extension Allocation {
    /// Each fund's display name by id (a reason or a diagnosis names a fund by id).
    var fundNames: [String: String] {
        Dictionary(funds.map { ($0.id, $0.name) }, uniquingKeysWith: { _, last in last })
    }
}
