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

/// Runs the loan stage: who borrows from which bank, each bank's ranked list and waitlist.
///
/// Objective, lexicographic by sequential solves: (1) maximize Σ loan_score·x; (2) keep it within
/// 1e-7 × max(1, |optimum|) and maximize the volume Σ loan_need·x; (3) keep that within the same tolerance and
/// minimize Σ (bank position + 1 + project position / (2·(projects + 1)))·x, so lower-numbered banks (banks.csv
/// order) and higher-ranked projects win what still ties, the same way on every run.
public struct LoanStage {
    public let scenario: Scenario
    public let library: Library
    public let rules: RuleSet
    public let solver: any Solver

    public init(scenario: Scenario, library: Library, rules: RuleSet, solver: any Solver) {
        self.scenario = scenario
        self.library = library
        self.rules = rules
        self.solver = solver
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

    // MARK: Solving

    public func run(projects outcomes: [ProjectOutcome], settings: RunSettings) throws -> Outcome {
        let built = build(projects: outcomes)
        let solved = try solve(built, settings: settings, start: greedyStart(built))
        var outcome = finish(built, status: solved.status, values: solved.values, solves: solved.solves)
        if solved.status == .infeasible {
            outcome.diagnosis = try ConflictFinder(scenario: scenario, library: library, loans: built, solver: solver)
                .diagnoseInfeasible(timeBudget: Swift.max(5, settings.loanTimeLimit))
        }
        return outcome
    }

    /// Solves a built loan model by the lexicographic sequence of the type's comment, starting from `start`
    /// (a feasible point, when one is known). `values` is nil when the model is infeasible or no plan was found.
    func solve(_ built: LoanModel, settings: RunSettings, start: [Double]?, nodeLimit: Int? = nil) throws
        -> (status: AllocationStatus, values: [Double]?, solves: Int)
    {
        let model = built.model
        var parameters = SolverParameters(
            timeLimit: settings.loanTimeLimit, relativeGap: settings.loanGap(binaries: model.columnCount),
            log: settings.solverLog,
            concurrent: true, logHandler: settings.logHandler)
        parameters.nodeLimit = nodeLimit
        var solves = 0
        var status = AllocationStatus.optimal
        var values = Array(repeating: 0.0, count: model.columnCount)
        guard model.columnCount > 0 || model.rowCount > 0 else { return (status, values, solves) }
        parameters.start = start
        let first = try solver.solve(model, parameters: parameters)
        solves += 1
        switch (first.termination, first.primal) {
        case (.infeasible, _), (.infeasibleOrUnbounded, .noSolution):
            return (.infeasible, nil, solves)
        case (_, .noSolution):
            return (.noSolution, nil, solves)
        default:
            status = first.termination == .optimal ? .optimal : .feasible
            values = first.values
        }
        if status == .optimal, model.columnCount > 0 {
            // (2) most volume among (near-)equal scores, then (3) the deterministic preference.
            var sequence = model
            let positions = Dictionary(uniqueKeysWithValues: built.eligible.enumerated().map { ($1, $0) })
            let count = Double(built.eligible.count + 1)
            let stages: [(name: String, sense: Model.Sense, coefficient: (Int) -> Double)] = [
                ("lex_score", .maximize, { self.library.projectRecords[built.pairs[$0].project].loanNeed }),
                ("lex_volume", .minimize, {
                    Double(built.pairs[$0].bank + 1) + Double(positions[built.pairs[$0].project] ?? 0) / (2 * count)
                }),
            ]
            for stage in stages {
                let current = sequence.objective
                let optimum = sequence.objectiveValue(values)
                let keep = 1e-7 * Swift.max(1, abs(optimum))
                let terms = current.enumerated().compactMap { $0.element != 0 ? Term($0.offset, $0.element) : nil }
                if sequence.sense == .maximize {
                    sequence.addRow(stage.name, terms: terms, lower: optimum - keep)
                } else {
                    sequence.addRow(stage.name, terms: terms, upper: optimum + keep)
                }
                sequence.replaceObjective(model.columns.indices.map(stage.coefficient), sense: stage.sense)
                parameters.start = values
                let next = try solver.solve(sequence, parameters: parameters)
                solves += 1
                guard next.hasSolution, model.verify(next.values, tolerance: 1e-6).isEmpty else { break }
                values = next.values
                if next.termination != .optimal { break }
            }
        }
        return (status, values, solves)
    }

    // MARK: Nested view

    /// Branch-and-bound nodes after which a nested step stops (besides the loan gap and time limit). Steps at
    /// a reduced capacity rarely reach the 0.1% gap quickly (baseline: 1–3% after 10 s); a node limit, unlike
    /// the time limit, stops every run at the same plan, so the nested_step column is reproducible.
    /// Baseline, K = 4: 1.1 s at 200 nodes per step, 3.0 s at 1,000, 9.6 s at 3,000.
    public static let nestedNodeLimit = 1_000

    /// The budget-consistent view (`--nested K`): the loan stage solved K times, at k/K of every bank's
    /// capacity for k = 1…K, each step with the picks of the step before fixed (same project, same bank), so
    /// the picks only grow with the capacity. It changes nothing in the ordinary loan stage's plan.
    ///
    /// A step with no plan (a `loan` floor out of reach at that share) picks nothing new and keeps the
    /// earlier picks fixed. Once a step has a plan, every later step does too: that plan fits the larger share.
    ///
    /// `prefer` (project id → bank id, the ordinary plan's assignment) breaks ties between banks: each
    /// preferred pair's objective gains 0.01% of the preferred pairs' mean score (all of them together: 0.01%
    /// of the plan's score, a tenth of the loan gap), so a project of bank b's list is picked with b when
    /// another bank would do as well. Without it, equal-score banks are interchangeable and most projects of a
    /// list were picked with another bank in the steps (baseline: 163 of 217), leaving `nested_step` empty.
    public func nested(
        projects outcomes: [ProjectOutcome], settings: RunSettings, steps: Int, prefer: [String: String] = [:]
    ) throws -> LoanNestedView {
        precondition(steps >= 1, "at least one nested step")
        var built = build(projects: outcomes)
        let preferred = built.pairs.indices.filter { column in
            let pair = built.pairs[column]
            return prefer[library.projectRecords[pair.project].id] == library.bankRecords[pair.bank].id
        }
        if !preferred.isEmpty {
            let mean = preferred.reduce(0.0) { $0 + abs(built.model.objective[$1]) } / Double(preferred.count)
            var objective = built.model.objective
            for column in preferred { objective[column] += 1e-4 * mean }
            built.model.replaceObjective(objective, sense: built.model.sense)
        }
        let capacityRows = built.origins.enumerated().compactMap { row, origin -> (row: Int, capacity: Double)? in
            guard case .capacity(let bank) = origin else { return nil }
            return (row, library.bankRecords[bank].capacity)
        }
        let preferredSet = Set(preferred)
        var locked: [Int] = []
        var previous: [Double]?
        var view = LoanNestedView(steps: steps, statuses: [], picks: [], solves: 0)
        for step in 1...steps {
            var stepModel = built
            for (row, capacity) in capacityRows {
                stepModel.model.setRowBounds(
                    row, lower: built.model.rows[row].lower, upper: capacity * Double(step) / Double(steps))
            }
            for column in locked { stepModel.model.setColumnBounds(column, lower: 1, upper: 1) }
            let solved = try solve(
                stepModel, settings: settings, start: greedyStart(stepModel, preferring: preferredSet) ?? previous,
                nodeLimit: Self.nestedNodeLimit)
            view.statuses.append(solved.status)
            view.solves += solved.solves
            if let values = solved.values {
                locked = values.indices.filter { values[$0] > 0.5 }
                previous = values.map { $0 > 0.5 ? 1 : 0 }
            }
            var picks: [String: String] = [:]
            for column in locked {
                let pair = built.pairs[column]
                picks[library.projectRecords[pair.project].id] = library.bankRecords[pair.bank].id
            }
            view.picks.append(picks)
        }
        return view
    }

    /// A feasible start for the first solve (GLPK's own heuristics find poor points on this assignment
    /// structure): projects by loan_score per 万元 lent, each to the fitting bank with the least room left
    /// (best fit), as long as no row's upper bound is exceeded. Nil when the point misses a floor.
    func greedyStart(_ built: LoanModel, preferring preferred: Set<Int> = []) -> [Double]? {
        let model = built.model
        var activity = Array(repeating: 0.0, count: model.rowCount)
        var rowsOfColumn: [[(row: Int, coefficient: Double)]] = Array(repeating: [], count: model.columnCount)
        for (rowIndex, row) in model.rows.enumerated() {
            for term in row.terms { rowsOfColumn[term.column].append((rowIndex, term.coefficient)) }
        }
        var columnsOf: [Int: [Int]] = [:]
        for (column, pair) in built.pairs.enumerated() { columnsOf[pair.project, default: []].append(column) }
        var capacityRow: [Int: Int] = [:]
        for (rowIndex, origin) in built.origins.enumerated() { if case .capacity(let bank) = origin { capacityRow[bank] = rowIndex } }
        let order = built.eligible.indices.filter { built.candidates[$0].loanScore > 0 }.sorted { left, right in
            let a = built.candidates[left], b = built.candidates[right]
            return (a.loanScore / a.loanNeed, right) > (b.loanScore / b.loanNeed, left)
        }
        var values = Array(repeating: 0.0, count: model.columnCount)
        // Pairs fixed at 1 (the nested view's earlier picks) stay, and their projects are placed.
        for column in model.columns.indices where model.columns[column].lower > 0.5 {
            values[column] = 1
            for entry in rowsOfColumn[column] { activity[entry.row] += entry.coefficient }
        }
        for position in order {
            var best: (column: Int, room: Double)?
            let columns = columnsOf[built.eligible[position]] ?? []
            if columns.contains(where: { values[$0] > 0.5 }) { continue }
            for column in columns {
                let fits = rowsOfColumn[column].allSatisfy { entry in
                    activity[entry.row] + entry.coefficient <= model.rows[entry.row].upper + 1e-9 * Swift.max(1, abs(model.rows[entry.row].upper))
                }
                guard fits else { continue }
                let bank = built.pairs[column].bank
                // A preferred pair (the ordinary plan's bank, for the nested view) beats any room.
                let room = preferred.contains(column)
                    ? -.infinity : capacityRow[bank].map { model.rows[$0].upper - activity[$0] } ?? .infinity
                if best == nil || room < best!.room { best = (column, room) }
            }
            guard let chosen = best?.column else { continue }
            values[chosen] = 1
            for entry in rowsOfColumn[chosen] { activity[entry.row] += entry.coefficient }
        }
        return model.verify(values, tolerance: 1e-9).isEmpty ? values : nil
    }

    /// Decodes a point: assignments ranked within each bank, waitlists with reasons, loan limit outcomes.
    func finish(_ built: LoanModel, status: AllocationStatus, values: [Double]?, solves: Int) -> Outcome {
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
                let tolerance = 1e-6 * Swift.max(1, abs(row.upper.isFinite ? row.upper : row.lower))
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
