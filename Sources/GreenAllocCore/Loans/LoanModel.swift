public import MILP

/// Where a row of the loan model comes from.
public enum LoanRowOrigin: Sendable, Hashable, LimitRowOrigin {
    /// Σ_b x_{p,b} ≤ 1: a project borrows from one bank at most.
    case oneBank(project: Int)
    case capacity(bank: Int)
    case interestSubsidy
    /// Σ 贴息_{p,b,y}·x_{p,b} ≤ budget_per_year_y (scenario-format §15.5).
    case interestSubsidyYear(year: Int)
    /// A `loan` limit row (never per year).
    case limit(LimitOrigin)
    /// Rows fixing an earlier objective of the lexicographic sequence.
    case lexicographic
}

/// The loan stage's integer program (scenario-format §11): one binary x_{p,b} per loan-eligible project p and bank b that
/// can take it, built after the subsidy stage with its decisions fixed.
public struct LoanModel: Sendable {
    public var model: Model
    public var origins: [LoanRowOrigin]
    /// Per column: (project index, bank index).
    public var pairs: [(project: Int, bank: Int)]
    /// Loan-eligible project indices with their candidate data, by loan_score descending, then id.
    public var eligible: [Int]
    public var candidates: [LoanCandidate]
    public var unplaceable: [LoanUnplaceable]
    /// The `loan` limit rows in row order, each with its origin and (share rows) the group's own terms.
    public var limitRows: [LimitRow]
    /// Per column: the loan's schedule when loan terms are in use (scenario-format §15.5), else nil.
    public var schedules: [LoanSchedule]? = nil
    /// What the lists show about the terms (before the solve: no 贴息 used yet).
    public var terms: LoanTermsDetails? = nil
}
