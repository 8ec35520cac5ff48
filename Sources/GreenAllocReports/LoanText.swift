public import GreenAllocCore

/// Loan reasons in words, and banks by id and display name. A waitlist reason never names a bank: "assigned to
/// another bank" is all a bank's own list says about a project another bank took.
public struct LoanText: Sendable {
    public var language: ReportLanguage
    public var bankNames: [String: String]

    public init(language: ReportLanguage, allocation: Allocation) {
        self.language = language
        var names: [String: String] = [:]
        for bank in allocation.loanStage?.details?.banks ?? [] { names[bank.id] = bank.name }
        self.bankNames = names
    }

    public func bank(_ id: String) -> String {
        guard let name = bankNames[id], !name.isEmpty else { return id }
        return language == .zh ? "\(name)（\(id)）" : "\(id) (\(name))"
    }

    public func text(_ reason: LoanWaitReason) -> String {
        switch reason {
        case .assignedToOtherBank:
            language.pick("已对接他行", "assigned to another bank")
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
