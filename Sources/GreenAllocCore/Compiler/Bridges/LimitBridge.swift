internal import MILP

/// Limits (scenario-format §7), in file order: the subsidy model takes every limit but `loan` ones (rows `limit<i>…`),
/// the loan stage the `loan` ones (rows `loanlimit<i>…`, never per year). The base B holds the projects
/// matching `fund`; the scope those also matching `where`, split into groups g by `group_by` value (in value
/// order; one group without `group_by`), per year y of the horizon when `per_year`. With q_p the limit's
/// quantity of project p:
///
///     min ≤ Σ_{p∈g} q_p ≤ max                        (limit<i>[_<group>][_<y>], one boxed row, when min or max)
///     Σ_{p∈g} q_p − max_share·Σ_{p∈B} q_p ≤ 0        (…_maxshare)
///     Σ_{p∈g} q_p − min_share·Σ_{p∈B} q_p ≥ 0        (…_minshare)
///
/// q_p is request_{p,y}·θ_p (total request without a year) for subsidy, z_p for count, investment·θ_p,
/// benefit·θ_p, and Σ_b loan_need_p·x_{p,b} in the loan model.
struct LimitBridge: RuleBridge {
    let compiler: Compiler

    func add(to draft: inout ModelDraft) {
        let decisions = draft.decisions
        for (limitIndex, limit) in scenario.limits.enumerated() where limit.sum != .loan {
            let yearIndices: [Int?] = limit.perYear ? scenario.years.indices.map { $0 } : [nil]
            addRows(of: limitIndex, prefix: "limit", yearIndices: yearIndices, to: &draft.builder) { members, yearIndex, scale in
                terms(limit.sum, projects: members, yearIndex: yearIndex, scale: scale, decisions: decisions)
            }
        }
    }

    /// The loan stage's rows: every `loan` limit, `loanTerms(members, scale)` giving scale × Σ loan_need·x.
    func addLoanLimits(to builder: inout ModelBuilder<LoanRowOrigin>, loanTerms: (_ members: [Int], _ scale: Double) -> [Term]) {
        for (limitIndex, limit) in scenario.limits.enumerated() where limit.sum == .loan {
            addRows(of: limitIndex, prefix: "loanlimit", yearIndices: [nil], to: &builder) { members, _, scale in
                loanTerms(members, scale)
            }
        }
    }

    /// The rows of one limit; `terms(members, yearIndex, scale)` gives scale × Σ_{p ∈ members} q_p.
    func addRows<Origin: LimitRowOrigin>(
        of limitIndex: Int, prefix: String, yearIndices: [Int?], to builder: inout ModelBuilder<Origin>,
        terms: (_ members: [Int], _ yearIndex: Int?, _ scale: Double) -> [Term]
    ) {
        let limit = scenario.limits[limitIndex]
        let (base, groups) = groups(of: limitIndex)
        for (groupPosition, group) in groups.enumerated() {
            for yearIndex in yearIndices {
                let year = yearIndex.map { scenario.years[$0] }
                var name = "\(prefix)\(limitIndex)"
                if let value = group.value { name += "_" + Compiler.safeName(value, index: groupPosition, prefix: "g") }
                if let year { name += "_\(year)" }
                func origin(_ part: LimitPart) -> LimitOrigin {
                    LimitOrigin(index: limitIndex, group: group.value, year: year, part: part)
                }
                let own = terms(group.members, yearIndex, 1)
                if limit.max != nil || limit.min != nil {
                    builder.addLimitRow(
                        name, own, lower: limit.min ?? -.infinity, upper: limit.max ?? .infinity, limit: origin(.absolute))
                }
                if let share = limit.maxShare {
                    builder.addLimitRow(
                        name + "_maxshare", Compiler.combine(own + terms(base, yearIndex, -share)), lower: -.infinity,
                        upper: 0, limit: origin(.maxShare), groupTerms: own)
                }
                if let share = limit.minShare {
                    builder.addLimitRow(
                        name + "_minshare", Compiler.combine(own + terms(base, yearIndex, -share)), lower: 0,
                        upper: .infinity, limit: origin(.minShare), groupTerms: own)
                }
            }
        }
    }

    /// scenario-format §7: the base (projects matching `fund`) and the scope's groups (matching `fund` and `where`),
    /// one group per distinct `group_by` value in value order, or one group holding the whole scope.
    func groups(of limitIndex: Int) -> (base: [Int], groups: [(value: String?, members: [Int])]) {
        let limit = scenario.limits[limitIndex]
        let fundIndex = limit.fund.flatMap { id in scenario.funds.firstIndex { $0.id == id } }
        let base = projects.indices.filter { limit.fund == nil || projects[$0].fund == fundIndex }
        let rules = compiler.rules
        let filter = limitIndex < rules.limitFilters.count ? rules.limitFilters[limitIndex] : nil
        let scope = base.filter { index in
            filter?.holds(ProjectRow(library: library, project: index, asOf: scenario.asOf)) ?? true
        }
        guard let key = limit.groupBy else { return (base, [(nil, scope)]) }
        var groups: [(value: String?, members: [Int])] = []
        var position: [String: Int] = [:]
        for index in scope {
            let value = groupValue(key, project: index)
            if let existing = position[value] {
                groups[existing].members.append(index)
            } else {
                position[value] = groups.count
                groups.append((value, [index]))
            }
        }
        groups.sort { ($0.value ?? "") < ($1.value ?? "") }
        return (base, groups)
    }

    /// The group value of a project for `group_by` ("" when missing).
    func groupValue(_ key: GroupKey, project index: Int) -> String {
        let record = projects[index]
        switch key {
        case .city: return library.cityIDs[record.city]
        case .park: return library.parkRecords[record.park].id
        case .category: return record.category
        case .fund: return record.fund.map { scenario.funds[$0].id } ?? ""
        case .column(let name): return library.projects.value(name, row: index).description
        }
    }

    /// Coefficient of θ_p (or of z_p for count) in a limit's sum.
    func quantity(_ sum: LimitQuantity, project index: Int, yearIndex: Int?) -> Double {
        let record = projects[index]
        switch sum {
        case .subsidy: return yearIndex.map { record.request[$0] } ?? record.totalRequest
        case .count, .loan: return 1
        case .investment: return record.investment
        case .benefit(let column): return library.projects.value(column, row: index).number ?? 0
        }
    }

    /// scale × Σ_{p ∈ projects} q_p in the subsidy model's columns.
    func terms(_ sum: LimitQuantity, projects indices: [Int], yearIndex: Int?, scale: Double, decisions: DecisionColumns) -> [Term] {
        var terms: [Term] = []
        for index in indices {
            let amount = quantity(sum, project: index, yearIndex: yearIndex) * scale
            if sum == .count {
                if let funded = decisions.funded[index], amount != 0 { terms.append(Term(funded, amount)) }
            } else if sum == .subsidy, let yearIndex, decisions.deferral[index] != nil {
                terms += decisions.yearTerms(
                    index, request: projects[index].request, yearIndex: yearIndex, years: scenario.years, scale: scale)
            } else {
                terms += decisions.shareTerms(index, amount)
            }
        }
        return terms
    }
}
