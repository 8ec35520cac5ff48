/// What the loan stage decided, as the allocation carries it (`Allocation.loanStage`, nil when no loan stage ran).
public struct LoanOutcome: Sendable {
    public var status: AllocationStatus
    public var objective: Double?
    /// The province's view: one assignment per financed project, ranked within its bank.
    public var loans: [LoanAssignment]
    /// The banks' ranked lists, waitlists and unplaceable projects (nil only in an allocation built by hand).
    public var details: LoanDetails?
    /// An infeasible loan stage's diagnosis: the `loan` limits that cannot hold together.
    public var diagnosis: Diagnosis?

    public init(
        status: AllocationStatus, objective: Double? = nil, loans: [LoanAssignment] = [], details: LoanDetails? = nil,
        diagnosis: Diagnosis? = nil
    ) {
        self.status = status
        self.objective = objective
        self.loans = loans
        self.details = details
        self.diagnosis = diagnosis
    }

    /// Σ amount of the assigned loans, in assignment order.
    public var volume: Double { loans.reduce(0) { $0 + $1.amount } }
}
