public import GreenAllocCore
public import MILP

/// Runs the loan stage (the model of `LoanStage`): who borrows from which bank, each bank's ranked list and
/// waitlist, and the nested view.
///
/// Objective, lexicographic by sequential solves: (1) maximize Σ loan_score·x; (2) keep it within
/// 1e-7 × max(1, |optimum|) and maximize the volume Σ loan_need·x; (3) keep that within the same tolerance and
/// minimize Σ (bank position + 1 + project position / (2·(projects + 1)))·x, so lower-numbered banks (banks.csv
/// order) and higher-ranked projects win what still ties, the same way on every run.
public struct LoanStageRunner {
    public let stage: LoanStage
    public let solver: any Solver

    public init(scenario: Scenario, library: Library, rules: RuleSet, solver: any Solver) {
        self.stage = LoanStage(scenario: scenario, library: library, rules: rules)
        self.solver = solver
    }

    var scenario: Scenario { stage.scenario }
    var library: Library { stage.library }

    /// The loan model for the subsidy stage's decisions (what `export-model --stage loans` writes).
    public func build(projects outcomes: [ProjectOutcome]) -> LoanModel {
        stage.build(projects: outcomes)
    }

    /// Fills the allocation's loan fields (call after a solved subsidy stage).
    public func apply(_ outcome: LoanStage.Outcome, to allocation: inout Allocation) {
        stage.apply(outcome, to: &allocation)
    }

    public func run(projects outcomes: [ProjectOutcome], settings: RunSettings) throws -> LoanStage.Outcome {
        let built = build(projects: outcomes)
        let solved = try solve(built, settings: settings, start: greedyStart(built))
        var outcome = stage.finish(built, status: solved.status, values: solved.values, solves: solved.solves)
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
        guard model.columnCount > 0 || model.rowCount > 0 else {
            return (.optimal, Array(repeating: 0.0, count: model.columnCount), 0)
        }
        parameters.start = start
        let first = try solver.solve(model, parameters: parameters)
        let status = AllocationStatus(first)
        guard status == .optimal || status == .feasible else { return (status, nil, 1) }
        guard status == .optimal, model.columnCount > 0 else { return (status, first.values, 1) }
        // (2) most volume among (near-)equal scores, then (3) the deterministic preference.
        let positions = Dictionary(uniqueKeysWithValues: built.eligible.enumerated().map { ($1, $0) })
        let count = Double(built.eligible.count + 1)
        let volume = model.columns.indices.map { library.projectRecords[built.pairs[$0].project].loanNeed }
        let preference = model.columns.indices.map {
            Double(built.pairs[$0].bank + 1) + Double(positions[built.pairs[$0].project] ?? 0) / (2 * count)
        }
        let sequence = try solver.solveLexicographically(
            model, from: first.values,
            steps: [
                ObjectiveStep(keeping: "lex_score", then: volume, sense: .maximize),
                ObjectiveStep(keeping: "lex_volume", then: preference, sense: .minimize),
            ], parameters: parameters)
        return (status, sequence.values, 1 + sequence.solves)
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
        let rowsOfColumn = model.columnView()
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
}
