public import MILP

/// Where a row of the loan model comes from.
public enum LoanRowOrigin: Sendable, Hashable, LimitRowOrigin {
    /// Σ_b x_{p,b} ≤ 1: a project borrows from one bank at most.
    case oneBank(project: Int)
    case capacity(bank: Int)
    case interestSubsidy
    /// A `loan` limit row (never per year).
    case limit(LimitOrigin)
    /// Rows fixing an earlier objective of the lexicographic sequence.
    case lexicographic
}

/// The loan stage's integer program (SPEC §5): one binary x_{p,b} per loan-eligible project p and bank b that
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
}

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
        /// Infeasible loan stage only: the `loan` limit rows that cannot hold together (SPEC §7 `diagnosis`).
        public var diagnosis: Diagnosis? = nil
    }

    /// Fills the allocation's loan fields (call after a solved subsidy stage).
    public func apply(_ outcome: Outcome, to allocation: inout Allocation) {
        allocation.loanStageStatus = outcome.status
        allocation.loanStageObjective = outcome.objective
        allocation.loans = outcome.loans
        allocation.loanDetails = outcome.details
        allocation.loanDiagnosis = outcome.diagnosis
        allocation.limits += outcome.limits
    }

    // MARK: Building

    /// The project row that loan rules read: `project.funded` and `project.subsidy_total` from the subsidy result.
    func row(_ index: Int, _ outcome: ProjectOutcome) -> ProjectRow {
        var row = ProjectRow(library: library, project: index, asOf: scenario.asOf)
        row.funded = .boolean(outcome.funded)
        row.subsidyTotal = .number(outcome.subsidyTotal)
        return row
    }

    func canTake(bank: BankRecord, project record: ProjectRecord) -> Bool {
        (bank.cities?.contains(record.city) ?? true)
            && record.loanNeed <= (bank.maxPerProject ?? .infinity) + 1e-9
            && record.tier >= bank.minTier
    }

    func unplaceableReason(_ record: ProjectRecord) -> LoanUnplaceableReason {
        let serving = library.bankRecords.filter { $0.cities?.contains(record.city) ?? true }
        if serving.isEmpty { return .noBankServesCity }
        let tiered = serving.filter { record.tier >= $0.minTier }
        if tiered.isEmpty { return .belowEveryMinTier }
        return .aboveEveryMaxPerProject(largest: tiered.compactMap(\.maxPerProject).max() ?? 0)
    }

    public func build(projects outcomes: [ProjectOutcome]) -> LoanModel {
        let spec = scenario.loans ?? LoanSpec(name: "")
        let records = library.projectRecords
        var candidates: [(index: Int, candidate: LoanCandidate)] = []
        var unplaceable: [LoanUnplaceable] = []
        for (index, record) in records.enumerated() {
            let outcome = outcomes[index]
            guard outcome.excludedBy.isEmpty, record.loanNeed > 0 else { continue }
            let row = row(index, outcome)
            guard rules.loanEligible?.holds(row) ?? true else { continue }
            var score = outcome.score
            var bonuses: [String] = []
            for (rule, bonus) in zip(rules.loanBonuses, spec.bonuses) where rule.holds(row) {
                score *= bonus.factor
                bonuses.append(bonus.name)
            }
            let banks = library.bankRecords.filter { canTake(bank: $0, project: record) }.map(\.id)
            if banks.isEmpty {
                unplaceable.append(LoanUnplaceable(project: record.id, reason: unplaceableReason(record)))
            }
            candidates.append(
                (index, LoanCandidate(
                    project: record.id, loanNeed: record.loanNeed, tier: record.tier, loanScore: score, bonuses: bonuses,
                    banks: banks, interestCost: spec.interestCost(loanNeed: record.loanNeed))))
        }
        candidates.sort { ($0.candidate.loanScore, $1.candidate.project) > ($1.candidate.loanScore, $0.candidate.project) }
        unplaceable.sort { $0.project < $1.project }

        var model = Model(name: "greenalloc_loans", sense: .maximize)
        var origins: [LoanRowOrigin] = []
        var pairs: [(project: Int, bank: Int)] = []
        var columnsOf: [Int: [Int]] = [:]
        var bankColumns: [[Int]] = Array(repeating: [], count: library.bankRecords.count)
        let bankIndex = Dictionary(uniqueKeysWithValues: library.bankRecords.enumerated().map { ($1.id, $0) })
        for (index, candidate) in candidates {
            let projectName = Compiler.safeName(records[index].id, index: index)
            for id in candidate.banks {
                guard let bank = bankIndex[id] else { continue }
                let column = model.addColumn(
                    "x_\(projectName)_\(Compiler.safeName(id, index: bank, prefix: "b"))", kind: .binary,
                    objective: candidate.loanScore)
                pairs.append((index, bank))
                columnsOf[index, default: []].append(column)
                bankColumns[bank].append(column)
            }
        }
        func need(_ column: Int) -> Double { records[pairs[column].project].loanNeed }

        for (index, _) in candidates {
            guard let columns = columnsOf[index], columns.count > 1 else { continue }
            model.addRow("one_bank_\(Compiler.safeName(records[index].id, index: index))", terms: columns.map { Term($0, 1) }, upper: 1)
            origins.append(.oneBank(project: index))
        }
        for (bank, record) in library.bankRecords.enumerated() where !bankColumns[bank].isEmpty {
            model.addRow(
                "capacity_\(Compiler.safeName(record.id, index: bank, prefix: "b"))",
                terms: bankColumns[bank].map { Term($0, need($0)) }, upper: record.capacity)
            origins.append(.capacity(bank: bank))
        }
        if let budget = spec.interestSubsidyBudget {
            let terms = model.columns.indices.compactMap { column -> Term? in
                let cost = spec.interestCost(loanNeed: need(column))
                return cost != 0 ? Term(column, cost) : nil
            }
            if !terms.isEmpty {
                model.addRow("interest_subsidy", terms: terms, upper: budget)
                origins.append(.interestSubsidy)
            }
        }

        // `loan` limits (SPEC §3.3), in file order: scope = fund and where; base = fund.
        var builder = ModelBuilder(model: model, origins: origins)
        LimitBridge(compiler: Compiler(scenario: scenario, library: library, rules: rules))
            .addLoanLimits(to: &builder) { members, scale in
                members.flatMap { project in (columnsOf[project] ?? []).map { Term($0, need($0) * scale) } }
            }
        return LoanModel(
            model: builder.model, origins: builder.origins, pairs: pairs, eligible: candidates.map(\.index),
            candidates: candidates.map(\.candidate), unplaceable: unplaceable, limitRows: builder.limitRows)
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
        var rowsOfColumn: [[(row: Int, coefficient: Double)]] = Array(repeating: [], count: model.columnCount)
        for (rowIndex, row) in model.rows.enumerated() {
            for term in row.terms { rowsOfColumn[term.column].append((rowIndex, term.coefficient)) }
        }
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
            if violated.contains(.interestSubsidy) { return .interestSubsidyExhausted }
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
                    interestUsed += candidate.interestCost
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
        let details = LoanDetails(
            name: spec.name, candidates: built.candidates, banks: lists, unplaceable: built.unplaceable,
            interestBudget: spec.interestSubsidyBudget, interestUsed: interestUsed, volume: volume)
        var limits: [LimitOutcome] = []
        if let point { limits = LimitDecoder(limits: scenario.limits).outcomes(built.limitRows, model: model, values: point) }
        return Outcome(status: status, objective: objective, loans: loans, details: details, limits: limits, solves: solves)
    }
}
