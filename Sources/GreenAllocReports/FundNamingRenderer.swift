public import GreenAllocCore

/// A renderer of one language that names funds by their display names when `fundNames` knows the id (reasons,
/// rules and diagnoses name a fund by id), and prints every scenario-given name in its language
/// (`englishText`, see `Allocation.localized`). `ReasonText` and `ConflictRuleText` share this set-up.
public protocol FundNamingRenderer: Sendable {
    var language: ReportLanguage { get }
    var fundNames: [String: String] { get }
    /// The scenario's English texts by their Chinese text (`Allocation.englishText`).
    var englishText: [String: String] { get set }
    init(language: ReportLanguage, fundNames: [String: String])
}

extension FundNamingRenderer {
    /// A renderer that names the allocation's funds by their display names.
    public init(language: ReportLanguage = .zh, allocation: Allocation) {
        self.init(language: language, fundNames: allocation.fundNames)
        self.englishText = allocation.englishText
    }

    /// A renderer with the scenario's English texts (`Scenario.englishText`) where no allocation is at hand.
    public init(language: ReportLanguage, fundNames: [String: String], englishText: [String: String]) {
        self.init(language: language, fundNames: fundNames)
        self.englishText = englishText
    }

    /// The fund's display name in the renderer's language, or its id when the renderer does not know it.
    func fundName(_ id: String) -> String { fundNames[id].map(localized) ?? id }

    /// A scenario-given name or reason in the renderer's language.
    func localized(_ text: String) -> String { language.text(text, englishText) }
}
