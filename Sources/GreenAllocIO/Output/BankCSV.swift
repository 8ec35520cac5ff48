public import GreenAllocCore

/// `bank-<id>.csv`: one bank's ranked list (SPEC §5, §7), UTF-8 with a BOM for Excel.
///
/// Header (machine-readable English, the same in every language): `rank,status,project,name,park,city,
/// loan_need,tier,loan_score,loan_bonuses,subsidy_total,reason_code,reason`. First the assigned projects
/// (`status` = `assigned`, rank 1… by loan_score descending, then id), then the waitlist (`status` =
/// `waitlist`, rank empty, same order) with a reason code (`assigned_to_other_bank`, `capacity_reached`,
/// `interest_subsidy_exhausted`, `loan_limit`, `outscored`) and the reason in words. `loan_bonuses` joins the
/// names of the loan bonuses that lifted the score with `;`; `subsidy_total` is what the project also gets
/// from the subsidy stage. Money with at most 4 decimals, `loan_score` at full precision.
///
/// With the nested view (`--nested K`) a last column `nested_step` gives, on every line, the first step k
/// (1…K) at which the nested solves pick the project with this bank; it is empty when they never do (a project
/// of the ordinary plan can miss every step: the picks fixed at small capacities may crowd it out). Without
/// the nested view the column is absent and the file is as before.
public enum BankCSV {
    public static let header = [
        "rank", "status", "project", "name", "park", "city", "loan_need", "tier", "loan_score", "loan_bonuses",
        "subsidy_total", "reason_code", "reason",
    ]

    /// The header, with `nested_step` last when the allocation carries the nested view.
    public static func header(nested: Bool) -> [String] { nested ? header + ["nested_step"] : header }

    /// The file name of a bank's list.
    public static func fileName(_ bank: String) -> String { "bank-\(bank).csv" }

    /// Every bank's file, keyed by file name (empty when no loan stage ran).
    public static func files(_ allocation: Allocation, language: ReportLanguage = .zh) -> [String: [UInt8]] {
        guard let details = allocation.loanDetails else { return [:] }
        var files: [String: [UInt8]] = [:]
        for bank in details.banks {
            files[fileName(bank.id)] = ProjectsCSV.withByteOrderMark(render(allocation, bank: bank.id, language: language))
        }
        return files
    }

    public static func render(_ allocation: Allocation, bank id: String, language: ReportLanguage = .zh) -> String {
        let nested = allocation.loanDetails?.nested != nil
        var lines = [ProjectsCSV.line(header(nested: nested))]
        for row in rows(allocation, bank: id, language: language) { lines.append(ProjectsCSV.line(row.cells(nested: nested))) }
        return lines.joined()
    }

    /// One line of a bank's list, for every format.
    public struct Line: Sendable {
        public var rank: Int?
        public var project: String
        public var name: String
        public var park: String
        public var city: String
        public var loanNeed: Double
        public var tier: String
        public var loanScore: Double
        public var bonuses: [String]
        public var subsidyTotal: Double
        public var reasonCode: String
        public var reason: String
        /// The first nested step that picks the project with this bank (nil: never, or no nested view).
        public var nestedStep: Int?

        public var status: String { rank == nil ? "waitlist" : "assigned" }

        func cells(nested: Bool) -> [String] {
            [
                rank.map(String.init) ?? "", status, project, name, park, city, MoneyFormat.plain(loanNeed), tier,
                formatNumber(loanScore), bonuses.joined(separator: ";"), MoneyFormat.plain(subsidyTotal), reasonCode,
                reason,
            ] + (nested ? [nestedStep.map(String.init) ?? ""] : [])
        }
    }

    public static func rows(_ allocation: Allocation, bank id: String, language: ReportLanguage = .zh) -> [Line] {
        guard let details = allocation.loanDetails, let bank = details.bank(id) else { return [] }
        let text = LoanText(language: language, allocation: allocation)
        var outcomes: [String: ProjectOutcome] = [:]
        for project in allocation.projects { outcomes[project.id] = project }
        func line(_ project: String, rank: Int?, reason: LoanWaitReason?) -> Line? {
            guard let candidate = details.candidate(project) else { return nil }
            let outcome = outcomes[project]
            return Line(
                rank: rank, project: project, name: outcome?.name ?? "", park: outcome?.park ?? "", city: outcome?.city ?? "",
                loanNeed: candidate.loanNeed, tier: candidate.tier.text, loanScore: candidate.loanScore,
                bonuses: candidate.bonuses, subsidyTotal: outcome?.subsidyTotal ?? 0, reasonCode: reason?.code ?? "",
                reason: reason.map(text.text) ?? "", nestedStep: details.nested?.firstStep(project: project, bank: id))
        }
        return bank.assigned.enumerated().compactMap { line($1, rank: $0 + 1, reason: nil) }
            + bank.waitlist.compactMap { line($0.project, rank: nil, reason: $0.reason) }
    }
}

/// Loan reasons in words; banks are named by id and display name.
public struct LoanText: Sendable {
    public var language: ReportLanguage
    public var bankNames: [String: String]

    public init(language: ReportLanguage, allocation: Allocation) {
        self.language = language
        var names: [String: String] = [:]
        for bank in allocation.loanDetails?.banks ?? [] { names[bank.id] = bank.name }
        self.bankNames = names
    }

    public func bank(_ id: String) -> String {
        guard let name = bankNames[id], !name.isEmpty else { return id }
        return language == .zh ? "\(name)（\(id)）" : "\(id) (\(name))"
    }

    public func text(_ reason: LoanWaitReason) -> String {
        switch reason {
        case .assignedToOtherBank(let other):
            language.pick("已由\(bank(other))放贷", "assigned to \(bank(other))")
        case .capacityReached:
            language.pick("本行剩余额度不足以放贷该项目", "capacity reached: the room left is below the loan need")
        case .interestSubsidyExhausted:
            language.pick("贴息资金余额不足", "interest subsidy exhausted: the budget left is below the project's cost")
        case .loanLimit(let rule):
            language.pick("受限制「\(rule)」约束", "held back by limit \(rule)")
        case .outscored:
            language.pick("得分低于已入选项目（额度与贴息均未用尽）", "outscored by the projects chosen")
        }
    }

    public func text(_ reason: LoanUnplaceableReason) -> String {
        switch reason {
        case .noBankServesCity:
            language.pick("没有银行服务该项目所在城市", "no bank serves the project's city")
        case .belowEveryMinTier:
            language.pick("融资等级低于所有服务该市银行的最低等级", "tier below every serving bank's min_tier")
        case .aboveEveryMaxPerProject(let largest):
            language.pick(
                "贷款需求超过所有可服务银行的单项上限（最高 \(MoneyFormat.display(largest)) 万元）",
                "loan need above every serving bank's max_per_project (largest \(MoneyFormat.display(largest)) 万元)")
        }
    }
}
