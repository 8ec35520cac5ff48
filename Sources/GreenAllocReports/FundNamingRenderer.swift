public import GreenAllocCore

/// A renderer of one language that names funds by their display names when `fundNames` knows the id (reasons,
/// rules and diagnoses name a fund by id). `ReasonText` and `ConflictRuleText` share this set-up.
public protocol FundNamingRenderer: Sendable {
    var language: ReportLanguage { get }
    var fundNames: [String: String] { get }
    init(language: ReportLanguage, fundNames: [String: String])
}

extension FundNamingRenderer {
    /// A renderer that names the allocation's funds by their display names.
    public init(language: ReportLanguage = .zh, allocation: Allocation) {
        self.init(language: language, fundNames: allocation.fundNames)
    }

    /// The fund's display name, or its id when the renderer does not know it.
    func fundName(_ id: String) -> String { fundNames[id] ?? id }
}
