internal import GreenAllocCore
internal import MILP

/// Valid rows that make a fixed-scale model of a target search strong where its LP relaxation is weakest:
/// parks named only when all their prerequisite projects are funded in full, under caps on groups of projects
/// (e.g. 单市年度资金占比上限, at most 15% of the year's subsidies of the scaled fund for any one city).
///
/// **Derived caps.** A row `Σ c_j·x_j ≤ h` whose negative coefficients all sit on columns of one budget row
/// `Σ a_j·x_j ≤ base·s` of the scaled fund (a ≥ 0) gives, with λ = max over those columns of −c_j/a_j, the row
/// `Σ (c_j + λ·a_j)·x_j ≤ h + λ·base·s` with coefficients d_j ≥ 0 (for a share cap: the group's own use of the
/// fund in that year ≤ share × the year's budget). Its capacity grows with the scale s.
///
/// **Naming groups.** A naming column n_k forces each prerequisite column x ≥ need·n_k (its naming link
/// rows). A set S of parks named together therefore puts at least Σ d_x·need_x (over the prerequisites of S)
/// on every derived cap. Parks are grouped by the derived caps they load (connected groups of at most
/// `maximumGroupSize`). At a fixed scale, each group gets one column λ_S ∈ [0, 1] per set S that fits all of
/// its caps, with
///
///     Σ_S λ_S = 1      (ncut_g<g>)
///     n_k − Σ_{S ∋ k} λ_S = 0      (ncut_g<g>_n<i>)
///
/// Valid: a plan names exactly one set per group, and that set fits the caps (λ_S = 1 for it, 0 otherwise);
/// since the n_k are binary, these are the only λ for integer n. The LP relaxation can then no longer spread
/// fractions of a city's parks over years the city's cap cannot hold, which is what closes the bound.
struct NamingGroupCuts: Sendable {
    /// A derived cap on prerequisite use: weight of each prerequisite column when its park is named, and the
    /// capacity `fixed + perScale·s`.
    struct Cap: Sendable {
        var weights: [Int: Double]
        var fixed: Double
        var perScale: Double
    }

    struct Group: Sendable {
        /// Naming columns of the group.
        var candidates: [Int]
        /// For each candidate, its prerequisite columns and the least value each takes when it is named.
        var needs: [[Int: Double]]
        var caps: [Cap]
    }

    /// Groups larger than this are left without rows (2^size sets to enumerate).
    static let maximumGroupSize = 12

    var groups: [Group] = []

    init(_ scalable: ScalableModel) {
        let model = scalable.compiled.model
        let needs = Self.prerequisiteNeeds(scalable.compiled)
        guard !needs.isEmpty else { return }
        let prerequisiteColumns = Set(needs.values.flatMap(\.keys))
        // The budget rows of the fund that can carry a cap: no lower side, no negative coefficient.
        let budgets: [(coefficients: [Int: Double], base: Double)] = scalable.budgetRows.compactMap { budgetRow, base in
            let budget = model.rows[budgetRow]
            guard base > 0, !scalable.policyScaledRows.contains(budgetRow), budget.lower == -.infinity, budget.terms.allSatisfy({ $0.coefficient >= 0 }) else { return nil }
            return (Dictionary(budget.terms.map { ($0.column, $0.coefficient) }, uniquingKeysWith: +), base)
        }
        var caps: [Cap] = []
        for (index, row) in model.rows.enumerated()
        where !scalable.budgetRowSet.contains(index) && !scalable.policyScaledRows.contains(index) && row.upper.isFinite {
            guard row.terms.contains(where: { prerequisiteColumns.contains($0.column) && $0.coefficient > 0 }) else { continue }
            if let cap = Self.derivedCap(row, budgets: budgets, model: model) { caps.append(cap) }
        }
        groups = Self.grouping(caps: caps, needs: needs)
    }

    /// Per naming column, the least value of each prerequisite column once the park is named: from its naming
    /// link rows `α·x − β·n ≥ 0`, x ≥ (β/α)·n.
    static func prerequisiteNeeds(_ compiled: CompiledModel) -> [Int: [Int: Double]] {
        let namingColumns = Set(compiled.naming.map(\.column))
        var needs: [Int: [Int: Double]] = [:]
        for (index, origin) in compiled.rowOrigins.enumerated() {
            guard case .naming = origin else { continue }
            let row = compiled.model.rows[index]
            guard row.terms.count == 2, row.lower == 0, row.upper == .infinity,
                let named = row.terms.first(where: { namingColumns.contains($0.column) && $0.coefficient < 0 }),
                let project = row.terms.first(where: { $0.column != named.column && $0.coefficient > 0 })
            else { continue }
            let need = -named.coefficient / project.coefficient
            needs[named.column, default: [:]][project.column] = Swift.max(needs[named.column]?[project.column] ?? 0, need)
        }
        return needs
    }

    /// The cap derived from `row` and one budget row of the fund (its coefficients by column, and its base
    /// budget), or nil when no budget row holds all of the row's negative coefficients (or a column could go
    /// below zero).
    static func derivedCap(_ row: Row, budgets: [(coefficients: [Int: Double], base: Double)], model: Model) -> Cap? {
        let negative = row.terms.filter { $0.coefficient < 0 }
        guard !negative.isEmpty else { return nil }
        for (coefficients, base) in budgets {
            var lambda = 0.0
            var covered = true
            for term in negative {
                guard let a = coefficients[term.column], a > 0 else {
                    covered = false
                    break
                }
                lambda = Swift.max(lambda, -term.coefficient / a)
            }
            guard covered else { continue }
            // Coefficients that cancel (a share of the budget row against the same share in the cap row) are
            // zero up to rounding: below 1e-9 of the terms they came from, they are dropped.
            var weights = coefficients.mapValues { $0 * lambda }
            var size = weights.mapValues(abs)
            for term in row.terms {
                weights[term.column, default: 0] += term.coefficient
                size[term.column, default: 0] += abs(term.coefficient)
            }
            weights = weights.filter { $0.value > 1e-9 * (size[$0.key] ?? 0) }
            guard weights.keys.allSatisfy({ model.columns[$0].lower >= 0 }) else { continue }
            return Cap(weights: weights, fixed: row.upper, perScale: lambda * base)
        }
        return nil
    }

    /// Candidates joined by the caps they load (union–find); groups within the size limit keep their caps.
    static func grouping(caps: [Cap], needs: [Int: [Int: Double]]) -> [Group] {
        let candidates = needs.keys.sorted()
        var parent = Array(candidates.indices)
        func root(_ index: Int) -> Int {
            var node = index
            while parent[node] != node { node = parent[node] }
            return node
        }
        // A cap that many parks load (a row against the whole budget) cannot be enumerated: it is left out.
        let loaded: [(cap: Cap, load: [Int])] = caps.map { cap in
            (cap, candidates.indices.filter { needs[candidates[$0]]?.keys.contains { cap.weights[$0] != nil } == true })
        }.filter { !$0.load.isEmpty && $0.load.count <= maximumGroupSize }
        let loads = loaded.map(\.load)
        for members in loads {
            for member in members.dropFirst() { parent[root(member)] = root(members[0]) }
        }
        var byRoot: [Int: [Int]] = [:]
        for index in candidates.indices where loads.contains(where: { $0.contains(index) }) {
            byRoot[root(index), default: []].append(index)
        }
        return byRoot.keys.sorted().compactMap { key in
            let members = byRoot[key] ?? []
            guard members.count <= maximumGroupSize else { return nil }
            let memberCaps = loaded.filter { members.contains($0.load[0]) }.map(\.cap)
            return Group(
                candidates: members.map { candidates[$0] }, needs: members.map { needs[candidates[$0]] ?? [:] },
                caps: memberCaps)
        }
    }
}

extension NamingGroupCuts {
    /// `model` (the compiled model at `scale`) with each group's rows at that scale; a group all of whose sets
    /// fit (or none, which the model's own rows then show) gets none.
    func adding(to model: Model, at scale: Double) -> Model {
        var model = model
        for (number, group) in groups.enumerated() {
            let fitting = fittingSets(group, at: scale)
            guard !fitting.isEmpty, fitting.count < 1 << group.candidates.count else { continue }
            var one: [Term] = []
            var members = Array(repeating: [Term](), count: group.candidates.count)
            for set in fitting {
                let column = model.addColumn("ncut_g\(number)_s\(set)", upper: 1)
                one.append(Term(column, 1))
                for position in group.candidates.indices where set & (1 << position) != 0 {
                    members[position].append(Term(column, -1))
                }
            }
            model.addRow("ncut_g\(number)", terms: one, lower: 1, upper: 1)
            for (position, candidate) in group.candidates.enumerated() {
                model.addRow(
                    "ncut_g\(number)_n\(position)", terms: [Term(candidate, 1)] + members[position], lower: 0, upper: 0)
            }
        }
        return model
    }

    /// The sets of the group's parks (bit i: candidate i named) whose prerequisites fit every cap at `scale`.
    func fittingSets(_ group: Group, at scale: Double) -> [Int] {
        (0..<(1 << group.candidates.count)).filter { set in
            var use: [Int: Double] = [:]
            for position in group.candidates.indices where set & (1 << position) != 0 {
                for (column, need) in group.needs[position] { use[column] = Swift.max(use[column] ?? 0, need) }
            }
            return group.caps.allSatisfy { cap in
                let load = use.reduce(0) { $0 + (cap.weights[$1.key] ?? 0) * $1.value }
                let capacity = cap.fixed + cap.perScale * scale
                return load <= capacity + 1e-7 * Swift.max(1, abs(capacity))
            }
        }
    }
}
