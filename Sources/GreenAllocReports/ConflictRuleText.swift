public import GreenAllocCore

/// Every way a conflict rule is put into words, zh and en: its name (reports, diagnoses, findings, explain
/// cards, run.json), the short English label of `target`'s report, a limit's scope in a finding, and the
/// statement of a diagnosis that quotes the rule's bound or need. Funds are named by their display name when
/// `fundNames` knows the id.
public struct ConflictRuleText: FundNamingRenderer {
    public var language: ReportLanguage
    public var fundNames: [String: String]
    public var englishText: [String: String] = [:]

    public init(language: ReportLanguage = .zh, fundNames: [String: String] = [:]) {
        self.language = language
        self.fundNames = fundNames
    }

    /// The rule's name in the report's language.
    public func name(_ rule: ConflictRule) -> String {
        let zh = language == .zh
        switch rule {
        case .limit(let name, let group, let year):
            let name = localized(name)
            var qualifiers: [String] = []
            if let group { qualifiers.append(group) }
            if let year { qualifiers.append(zh ? "\(year)年" : String(year)) }
            let suffix = qualifiers.isEmpty ? "" : (zh ? "（" + qualifiers.joined(separator: "，") + "）"
                : " (" + qualifiers.joined(separator: ", ") + ")")
            return zh ? "限制「\(name)」\(suffix)" : "limit \(name)\(suffix)"
        case .lock(let project):
            return zh ? "项目 \(project) 锁定为必须补助" : "project \(project) locked in"
        case .budget(let fund, let year):
            let name = fundName(fund)
            return zh ? "资金「\(name)」\(year)年预算" : "budget of fund \(name) in \(year)"
        case .target(let name):
            let name = localized(name)
            return zh ? "硬目标「\(name)」" : "hard target \(name)"
        case .requires(let project):
            return zh ? "项目 \(project) 的依赖要求（requires）" : "the requirements (requires) of project \(project)"
        case .exclusive(let group):
            return zh ? "互斥组 \(group)（至多补助一个项目）" : "exclusive group \(group) (at most one funded)"
        }
    }

    /// The unit a relaxation of `rule` is measured in, when it is known without the scenario: 万元 for a
    /// budget, projects for locks, requirements and exclusive groups; empty for limits and targets (their
    /// own unit: 万元, projects or the metric's).
    public func unit(_ rule: ConflictRule) -> String {
        switch rule {
        case .budget: "万元"
        case .lock, .requires, .exclusive: language.pick("个项目", "projects")
        case .limit, .target: ""
        }
    }

    /// The short English label of `greenalloc target`'s report.
    public static func label(_ rule: ConflictRule) -> String {
        switch rule {
        case .limit(let name, let group, let year):
            "limit 「\(name)」" + (group.map { " group \($0)" } ?? "") + (year.map { " in \($0)" } ?? "")
        case .lock(let project): "lock: in of \(project)"
        case .budget(let fund, let year): "budget of \(fund) in \(year)"
        case .target(let name): "target 「\(name)」"
        case .requires(let project): "requires of \(project)"
        case .exclusive(let group): "exclusive group \(group)"
        }
    }

    /// A limit's scope as a finding names it: 「name」 (group) year.
    public static func scope(_ limit: LimitScope) -> String {
        "「\(limit.name)」" + (limit.group.map { " (\($0))" } ?? "") + (limit.year.map { " \($0)" } ?? "")
    }

    /// A diagnosis's statement of a rule in English, quoting its bound or need.
    public static func statement(_ rule: RuleStatement) -> String {
        switch rule {
        case .limit(let name, let group, let year, let bounds):
            let bound = bounds.map { row in
                [row.upper.isFinite ? "max \(MoneyFormat.sentence(row.upper))" : nil,
                    row.lower.isFinite ? "min \(MoneyFormat.sentence(row.lower))" : nil]
                    .compactMap { $0 }.joined(separator: ", ")
            }
            return "limit 「\(name)」" + (group.map { " for \($0)" } ?? "") + (year.map { " in \($0)" } ?? "")
                + (bound.map { " (\($0))" } ?? "")
        case .lock(let project, let needs):
            let need = needs.map { needs in
                needs.map { "\(MoneyFormat.sentence($0.amount))万 in \($0.year)" }.joined(separator: ", ")
            }
            return "the lock-in of \(project)" + (need.map { " needs \($0)" } ?? "")
        case .budget(let fund, let year, let amount):
            return "the budget of \(fund) in \(year) is \(MoneyFormat.sentence(amount))万"
        case .target(let name, let metric, let min):
            return "target 「\(name)」 needs \(metric?.description ?? "") ≥ \(formatNumber(min))"
        case .requires(let project):
            return "project \(project) requires other projects to be funded with it"
        case .exclusive(let group):
            return "at most one project of exclusive group \(group)"
        }
    }

    /// A diagnosis's statement of a rule in Chinese.
    public static func statementChinese(_ rule: RuleStatement) -> String {
        switch rule {
        case .limit(let name, let group, let year, _):
            return "限制「\(name)」" + (group.map { "（\($0)）" } ?? "") + (year.map { "\($0)年" } ?? "")
        case .lock(let project, _): return "项目 \(project) 的锁定补助"
        case .budget(let fund, let year, let amount): return "资金 \(fund) \(year)年预算 \(MoneyFormat.sentence(amount))万元"
        case .target(let name, _, _): return "硬目标「\(name)」"
        case .requires(let project): return "项目 \(project) 的依赖要求"
        case .exclusive(let group): return "互斥组 \(group)"
        }
    }
}
