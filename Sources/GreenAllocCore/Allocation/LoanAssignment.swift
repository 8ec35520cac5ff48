/// Loan stage result (scenario-format §11, §7).
public struct LoanAssignment: Sendable, Hashable {
    public var project: String
    public var bank: String
    public var rank: Int
    public var amount: Double
    public var loanScore: Double
    public init(project: String, bank: String, rank: Int, amount: Double, loanScore: Double) {
        self.project = project
        self.bank = bank
        self.rank = rank
        self.amount = amount
        self.loanScore = loanScore
    }
}
