public import MILP

/// Finds a set of rules that cannot hold together (SPEC §7 `diagnosis`) by a deletion filter: drop one rule
/// at a time and keep it dropped when the rest stays infeasible. When every test finishes, what remains is
/// minimal: dropping any one of its rules makes the rest feasible.
///
/// `relax` comes from an elastic model: every rule of SPEC §7 gets a slack in its own unit (a row's slack
/// s ≥ 0 widens its bound: a ≤ b + s, a ≥ b − s; a lock-in gets a binary l with θ + u·l ≥ u, i.e. "release
/// the lock"), and the model minimizes Σ s / max(1, |bound|, max |coefficient|) + Σ l, so money and metrics
/// count relative to their size and a lock, a requirement or an exclusive group counts one per project.
/// Slacks of rows whose terms are all integer columns with integer coefficients (counts, requires, groups)
/// are integer. Each rule reports the sum of its rows' slacks (an eco-park share target divided back by its
/// denominator).
struct ConflictFinder {
    let scenario: Scenario
    let library: Library
    /// The infeasible model (its objective is ignored).
    let model: Model
    /// The rules that may be dropped; every other row is a fact and stays in force.
    let candidates: [Candidate]
    /// Per limit rule: the row carrying its absolute bounds, quoted in the sentences.
    let boundRows: [ConflictRule: Int]
    let solver: any Solver

    struct Candidate {
        var rule: ConflictRule
        var rows: [Int]
        /// For lock-ins: the project whose fixed z (and θ) is released when the rule is dropped.
        var lockedProject: Int?
        var fundedColumn: Int?
        var shareColumn: Int?
    }

    /// The subsidy stage: the rule kinds of SPEC §7, lock-ins first, then rows in model order.
    init(scenario: Scenario, library: Library, compiled: CompiledModel, solver: any Solver) {
        let rules = compiled.rowOrigins.map { $0.conflictRule(scenario: scenario, library: library) }
        let locks = compiled.lockedIn.map {
            Candidate(
                rule: .lock(project: library.projectRecords[$0].id), rows: [], lockedProject: $0,
                fundedColumn: compiled.fundedColumn[$0], shareColumn: compiled.shareColumn[$0])
        }
        let absRows = compiled.rowOrigins.indices.filter {
            if case .limit(_, _, _, "abs") = compiled.rowOrigins[$0] { true } else { false }
        }
        self.init(scenario: scenario, library: library, model: compiled.model, rules: rules, locks: locks, absRows: absRows, solver: solver)
    }

    /// The loan stage (SPEC §5): each row of a `loan` limit is a rule; one bank per project, the banks'
    /// capacities and the interest-subsidy budget are facts (not rule kinds of SPEC §7) and stay in force.
    init(scenario: Scenario, library: Library, loans: LoanModel, solver: any Solver) {
        let rules = loans.origins.map { origin -> ConflictRule? in
            guard case .limit(let index, let group, _) = origin else { return nil }
            return .limit(rule: scenario.limits[index].name, group: group, year: nil)
        }
        let absRows = loans.origins.indices.filter {
            if case .limit(_, _, "abs") = loans.origins[$0] { true } else { false }
        }
        self.init(scenario: scenario, library: library, model: loans.model, rules: rules, locks: [], absRows: absRows, solver: solver)
    }

    /// `rules`: per row, the rule it belongs to (nil for a fact); rows of one rule are dropped together.
    private init(
        scenario: Scenario, library: Library, model: Model, rules: [ConflictRule?], locks: [Candidate], absRows: [Int],
        solver: any Solver
    ) {
        var order: [ConflictRule] = []
        var rows: [ConflictRule: [Int]] = [:]
        for (index, rule) in rules.enumerated() {
            guard let rule else { continue }
            if rows[rule] == nil { order.append(rule) }
            rows[rule, default: []].append(index)
        }
        var boundRows: [ConflictRule: Int] = [:]
        for row in absRows { if let rule = rules[row], boundRows[rule] == nil { boundRows[rule] = row } }
        self.scenario = scenario
        self.library = library
        self.model = model
        self.candidates = locks + order.map { Candidate(rule: $0, rows: rows[$0] ?? []) }
        self.boundRows = boundRows
        self.solver = solver
    }

    /// The model with only the `active` candidates in force and a zero objective.
    func model(keeping active: [Bool], _ candidates: [Candidate]) -> Model {
        var model = self.model
        model.replaceObjective(Array(repeating: 0, count: model.columnCount), sense: .minimize)
        for (position, candidate) in candidates.enumerated() where !active[position] {
            for row in candidate.rows { model.setRowBounds(row, lower: -.infinity, upper: .infinity) }
            if candidate.lockedProject != nil {
                if let funded = candidate.fundedColumn { model.setColumnBounds(funded, lower: 0, upper: 1) }
                if let share = candidate.shareColumn {
                    model.setColumnBounds(share, lower: 0, upper: model.columns[share].upper)
                }
            }
        }
        return model
    }

    func diagnose(timeBudget: Double, clock: @Sendable () -> Double) -> Diagnosis {
        var active = Array(repeating: true, count: candidates.count)
        let start = clock()
        var complete = true
        for position in candidates.indices {
            let remaining = timeBudget - (clock() - start)
            if remaining <= 0 {
                complete = false
                break
            }
            active[position] = false
            let parameters = SolverParameters(timeLimit: Swift.max(0.5, remaining), concurrent: true)
            guard let result = try? solver.solve(model(keeping: active, candidates), parameters: parameters) else {
                active[position] = true
                complete = false
                continue
            }
            switch result.termination {
            case .infeasible:
                continue  // still infeasible without it: leave it out
            case .optimal:
                active[position] = true  // needed for the conflict
            default:
                active[position] = true
                complete = false
            }
        }
        let conflict = candidates.indices.filter { active[$0] }.map { candidates[$0].rule }
        let remaining = Swift.max(1, timeBudget - (clock() - start))
        let relax = relaxations(candidates, timeLimit: remaining) ?? []
        return Diagnosis(
            minimal: complete, conflict: conflict, relax: relax,
            explanation: explanation(conflict: conflict, relax: relax))
    }

    /// The elastic model's cheapest relaxation (see the type's comment); nil when it could not be solved.
    func relaxations(_ candidates: [Candidate], timeLimit: Double) -> [Relaxation]? {
        var model = self.model
        var weights: [Int: Double] = [:]
        var slacksOfRule: [(rule: ConflictRule, columns: [Int], scale: Double)] = []
        func isIntegral(_ terms: [Term]) -> Bool {
            terms.allSatisfy { model.columns[$0.column].isInteger && $0.coefficient == $0.coefficient.rounded() }
        }
        var rowTerms = model.rows.map(\.terms)
        for candidate in candidates {
            var columns: [Int] = []
            if let project = candidate.lockedProject {
                let release = model.addColumn("relax_lock_\(columns.count)_\(project)", kind: .binary)
                weights[release] = 1
                columns.append(release)
                if let share = candidate.shareColumn {
                    let lower = model.columns[share].lower
                    model.setColumnBounds(share, lower: 0, upper: model.columns[share].upper)
                    if let funded = candidate.fundedColumn { model.setColumnBounds(funded, lower: 0, upper: 1) }
                    model.addRow("relax_lock_\(project)", terms: [Term(share, 1), Term(release, lower)], lower: lower)
                } else if let funded = candidate.fundedColumn {
                    let lower = model.columns[funded].lower
                    model.setColumnBounds(funded, lower: 0, upper: 1)
                    model.addRow("relax_lock_\(project)", terms: [Term(funded, 1), Term(release, lower)], lower: lower)
                }
                rowTerms = model.rows.map(\.terms)
            }
            var scale = 1.0
            if case .target(let name) = candidate.rule, let target = scenario.targets.first(where: { $0.name == name }),
                target.metric == .ecoParkShare
            {
                scale = Double(library.parkRecords.filter { $0.status != .revoked }.count)
            }
            for row in candidate.rows {
                let bounds = model.rows[row]
                let integral = isIntegral(bounds.terms)
                let size = Swift.max(
                    1, bounds.upper.isFinite ? abs(bounds.upper) : 0, bounds.lower.isFinite ? abs(bounds.lower) : 0,
                    bounds.terms.map { abs($0.coefficient) }.max() ?? 0)
                for (finite, sign) in [(bounds.upper.isFinite, -1.0), (bounds.lower.isFinite, 1.0)] where finite {
                    let slack = model.addColumn("relax_\(row)_\(sign < 0 ? "up" : "lo")", kind: integral ? .integer : .continuous)
                    weights[slack] = 1 / size
                    columns.append(slack)
                    rowTerms[row].append(Term(slack, sign))
                }
            }
            slacksOfRule.append((candidate.rule, columns, scale))
        }
        var elastic = Model(name: model.name, sense: .minimize)
        for column in model.columns {
            elastic.addColumn(column.name, kind: column.kind, lower: column.lower, upper: column.upper)
        }
        for (index, row) in model.rows.enumerated() {
            elastic.addRow(row.name, terms: rowTerms[index], lower: row.lower, upper: row.upper)
        }
        var objective = Array(repeating: 0.0, count: elastic.columnCount)
        for (column, weight) in weights { objective[column] = weight }
        elastic.replaceObjective(objective, sense: .minimize)
        let parameters = SolverParameters(timeLimit: timeLimit, concurrent: true)
        guard let result = try? solver.solve(elastic, parameters: parameters), result.hasSolution else { return nil }
        var relax: [Relaxation] = []
        for entry in slacksOfRule {
            let amount = entry.columns.reduce(0.0) { $0 + result.values[$1] } / entry.scale
            if amount > 1e-9 { relax.append(Relaxation(rule: entry.rule, by: amount)) }
        }
        return relax
    }

    /// One sentence for the conflict (English, then Chinese), then one per relaxation.
    func explanation(conflict: [ConflictRule], relax: [Relaxation]) -> [String] {
        var sentences: [String] = []
        let parts = conflict.map { describe($0) }
        if let first = parts.first {
            sentences.append(parts.count == 1 ? first + ", which cannot hold" : first + ", but " + parts.dropFirst().joined(separator: ", and "))
            sentences.append("以下规则不能同时满足：" + conflict.map { describeChinese($0) }.joined(separator: "；") + "。")
        }
        for relaxation in relax {
            let (english, chinese) = unit(of: relaxation.rule)
            sentences.append(
                "relax \(describe(relaxation.rule)) by \(formatNumber(relaxation.by))\(english) / 将\(describeChinese(relaxation.rule))放宽 \(formatNumber(relaxation.by))\(chinese)")
        }
        return sentences
    }

    /// A relaxation's unit (English, Chinese): 万元 for money, projects for counts, the target's metric.
    func unit(of rule: ConflictRule) -> (String, String) {
        switch rule {
        case .budget: return ("万", "万元")
        case .lock, .requires, .exclusive: return (" project(s)", "个项目")
        case .limit(let name, _, _):
            switch scenario.limits.first(where: { $0.name == name })?.sum {
            case .subsidy?, .investment?, .loan?: return ("万", "万元")
            case .count?: return (" project(s)", "个项目")
            case .benefit(let column)?: return (" (\(column))", "（\(column)）")
            case nil: return ("", "")
            }
        case .target(let name):
            guard let metric = scenario.targets.first(where: { $0.name == name })?.metric else { return ("", "") }
            switch metric {
            case .subsidy: return ("万", "万元")
            case .count: return (" project(s)", "个项目")
            case .ecoParkCount: return (" park(s)", "家园区")
            case .ecoParkShare: return (" (share of parks)", "（园区占比）")
            case .benefit(let column): return (" (\(column))", "（\(column)）")
            }
        }
    }

    func describeChinese(_ rule: ConflictRule) -> String {
        switch rule {
        case .limit(let name, let group, let year):
            return "限制「\(name)」" + (group.map { "（\($0)）" } ?? "") + (year.map { "\($0)年" } ?? "")
        case .lock(let project): return "项目 \(project) 的锁定补助"
        case .budget(let fund, let year):
            let amount = scenario.funds.first { $0.id == fund }?.budget(in: year) ?? 0
            return "资金 \(fund) \(year)年预算 \(money(amount))万元"
        case .target(let name): return "硬目标「\(name)」"
        case .requires(let project): return "项目 \(project) 的依赖要求"
        case .exclusive(let group): return "互斥组 \(group)"
        }
    }

    func describe(_ rule: ConflictRule) -> String {
        switch rule {
        case .limit(let name, let group, let year):
            let bound = boundRows[rule].map { model.rows[$0] }.map { row in
                [row.upper.isFinite ? "max \(money(row.upper))" : nil, row.lower.isFinite ? "min \(money(row.lower))" : nil]
                    .compactMap { $0 }.joined(separator: ", ")
            }
            return "limit 「\(name)」" + (group.map { " for \($0)" } ?? "") + (year.map { " in \($0)" } ?? "")
                + (bound.map { " (\($0))" } ?? "")
        case .lock(let project):
            let index = library.projectRecords.firstIndex { $0.id == project }
            let need = index.map { library.projectRecords[$0] }.map { record in
                zip(scenario.years, record.request).filter { $0.1 > 0 }.map { "\(money($0.1))万 in \($0.0)" }
                    .joined(separator: ", ")
            }
            return "the lock-in of \(project)" + (need.map { " needs \($0)" } ?? "")
        case .budget(let fund, let year):
            let amount = scenario.funds.first { $0.id == fund }?.budget(in: year) ?? 0
            return "the budget of \(fund) in \(year) is \(money(amount))万"
        case .target(let name):
            let target = scenario.targets.first { $0.name == name }
            return "target 「\(name)」 needs \(target?.metric.description ?? "") ≥ \(formatNumber(target?.min ?? 0))"
        case .requires(let project):
            return "project \(project) requires other projects to be funded with it"
        case .exclusive(let group):
            return "at most one project of exclusive group \(group)"
        }
    }
}
