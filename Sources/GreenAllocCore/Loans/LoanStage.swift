internal import MILP

/// The loan stage's model and its reading: who may borrow from which bank (`build`), and a point read back
/// into each bank's ranked list and waitlist (`finish`). The engine's `LoanStageRunner` solves it.
public struct LoanStage: Sendable {
    public let scenario: Scenario
    public let library: Library
    public let rules: RuleSet

    public init(scenario: Scenario, library: Library, rules: RuleSet) {
        self.scenario = scenario
        self.library = library
        self.rules = rules
    }

    /// What the stage decided.
    public struct Outcome: Sendable {
        public var status: AllocationStatus
        public var objective: Double?
        public var loans: [LoanAssignment]
        public var details: LoanDetails
        public var limits: [LimitOutcome]
        public var solves: Int
        /// Infeasible loan stage only: the `loan` limit rows that cannot hold together (scenario-format §13 `diagnosis`).
        public var diagnosis: Diagnosis? = nil
    }

    /// Fills the allocation's loan fields (call after a solved subsidy stage).
    public func apply(_ outcome: Outcome, to allocation: inout Allocation) {
        allocation.loanStage = LoanOutcome(
            status: outcome.status, objective: outcome.objective, loans: outcome.loans, details: outcome.details,
            diagnosis: outcome.diagnosis)
        allocation.limits += outcome.limits
    }

    /// Decodes a point: assignments ranked within each bank, waitlists with reasons, loan limit outcomes.
    public func finish(_ built: LoanModel, status: AllocationStatus, values: [Double]?, solves: Int) -> Outcome {
        let spec = scenario.loans ?? LoanSpec(name: "")
        let model = built.model
        let banks = library.bankRecords
        var assignedBank: [Int: Int] = [:]
        if let values {
            for (column, pair) in built.pairs.enumerated() where values[column] > 0.5 { assignedBank[pair.project] = pair.bank }
        }
        let point = values.map { values in model.columns.indices.map { values[$0] > 0.5 ? 1.0 : 0.0 } }
        let activity = point.map { point in model.rows.indices.map { model.activity(ofRow: $0, point) } } ?? []
        let rowsOfColumn = model.columnView()
        var columnOf: [Int: [Int: Int]] = [:]
        for (column, pair) in built.pairs.enumerated() { columnOf[pair.project, default: [:]][pair.bank] = column }

        func waitReason(project: Int, bank: Int) -> LoanWaitReason {
            if assignedBank[project] != nil { return .assignedToOtherBank }
            guard let column = columnOf[project]?[bank], !activity.isEmpty else { return .outscored }
            var violated: [LoanRowOrigin] = []
            for (rowIndex, coefficient) in rowsOfColumn[column] {
                let row = model.rows[rowIndex]
                let after = activity[rowIndex] + coefficient
                let tolerance = Row.tolerance(at: row.upper.isFinite ? row.upper : row.lower)
                if after > row.upper + tolerance || after < row.lower - tolerance { violated.append(built.origins[rowIndex]) }
            }
            if violated.contains(where: { if case .capacity = $0 { true } else { false } }) { return .capacityReached }
            if violated.contains(where: \.isInterestSubsidy) { return .interestSubsidyExhausted }
            for origin in violated { if case .limit(let limit) = origin { return .loanLimit(rule: scenario.limits[limit.index].name) } }
            return .outscored
        }

        var lists: [BankList] = []
        var loans: [LoanAssignment] = []
        var interestUsed = 0.0
        var volume = 0.0
        for (bankIndex, bank) in banks.enumerated() {
            var assigned: [String] = []
            var waitlist: [LoanWaitlistEntry] = []
            var lent = 0.0
            for (position, candidate) in built.candidates.enumerated() where candidate.banks.contains(bank.id) {
                let project = built.eligible[position]
                if assignedBank[project] == bankIndex {
                    assigned.append(candidate.project)
                    lent += candidate.loanNeed
                    interestUsed += columnOf[project]?[bankIndex].flatMap { built.schedules?[$0].total } ?? candidate.interestCost
                    loans.append(
                        LoanAssignment(
                            project: candidate.project, bank: bank.id, rank: assigned.count, amount: candidate.loanNeed,
                            loanScore: candidate.loanScore))
                } else if values != nil {
                    waitlist.append(LoanWaitlistEntry(project: candidate.project, reason: waitReason(project: project, bank: bankIndex)))
                }
            }
            volume += lent
            lists.append(BankList(id: bank.id, name: bank.name, capacity: bank.capacity, lent: lent, assigned: assigned, waitlist: waitlist))
        }
        let objective = values == nil ? nil : loans.reduce(0.0) { $0 + $1.loanScore }
        var details = LoanDetails(
            name: spec.name, candidates: built.candidates, banks: lists, unplaceable: built.unplaceable,
            interestBudget: spec.interestSubsidyBudget, interestUsed: interestUsed, volume: volume)
        details.terms = built.terms.map { $0.using(built, assignedBank: assignedBank) }
        var limits: [LimitOutcome] = []
        if let point { limits = LimitDecoder(limits: scenario.limits).outcomes(built.limitRows, model: model, values: point) }
        return Outcome(status: status, objective: objective, loans: loans, details: details, limits: limits, solves: solves)
    }
}
