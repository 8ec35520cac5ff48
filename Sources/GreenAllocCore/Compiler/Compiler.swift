internal import MILP

/// Turns a checked scenario into an integer program (SPEC §3, §4). Rules apply in this fixed order, and every
/// row and column is named after the rule, group and year that made it:
///
/// 1. facts per project (exclusions, lock-out, loan-only, eligibility, no request in the horizon, caps u; the
///    `requires` closure only names `why`);
/// 2. decision columns: z_p ∈ {0,1} per fundable project and per project that only `requires` keeps out,
///    θ_p ∈ [0, u_p] when min_share < 1 (else θ_p = u_p·z_p); `lock: in` fixes z_p = 1 and θ_p = u_p;
/// 3. share links θ_p ≤ u_p·z_p, θ_p ≥ min_share_p·u_p·z_p (min_share is a share of the maximum u);
/// 4. `requires` (a rule): z_p ≤ z_q, or z_p ≤ 0 when q has no columns; 5. exclusive groups: Σ z ≤ 1;
/// 6. fund budgets per year: Σ θ_p·request_{p,y} ≤ budget_y (naming fund: Σ award·n_k over parks named in y);
/// 7. naming: n_k ≤ θ_q / u_q for every prerequisite q, i.e. a package funded at its maximum (n_k only when
///    naming is valued or targeted);
/// 8. limits in file order: one row per group (and year), absolute bounds boxed, shares as
///    Σ_group q − s·Σ_base q ≤ 0 (≥ 0 for floors);
/// 9. targets: value (+ shortfall) ≥ min; 10. objective.
public struct Compiler {
    public let scenario: Scenario
    public let library: Library
    public let rules: RuleSet

    public init(scenario: Scenario, library: Library, rules: RuleSet) {
        self.scenario = scenario
        self.library = library
        self.rules = rules
    }

    public func compile() -> CompiledModel {
        let facts = ProjectFacts.analyze(scenario: scenario, library: library, rules: rules)
        let projects = library.projectRecords
        let years = scenario.years
        var model = Model(
            name: "greenalloc",
            sense: scenario.objective.sense == .maximizeBenefit ? .maximize : .minimize)
        var origins: [RowOrigin] = []
        var groupTerms: [Int: [Term]] = [:]
        func addRow(_ name: String, _ terms: [Term], lower: Double = -.infinity, upper: Double = .infinity, _ origin: RowOrigin) {
            model.addRow(name, terms: terms, lower: lower, upper: upper)
            origins.append(origin)
        }

        // 2. Decision columns.
        var fundedColumn: [Int?] = Array(repeating: nil, count: projects.count)
        var shareColumn: [Int?] = Array(repeating: nil, count: projects.count)
        var lockedIn: [Int] = []
        for (index, record) in projects.enumerated() where facts[index].hasDecisionColumns {
            let name = Self.safeName(record.id, index: index)
            let locked = record.lock == .lockedIn
            if locked { lockedIn.append(index) }
            let cap = facts[index].cap
            let continuous = record.minShare < 1 - 1e-12
            let funded = model.addColumn("z_\(name)", kind: .binary, lower: locked ? 1 : 0, upper: 1)
            fundedColumn[index] = funded
            if continuous {
                shareColumn[index] = model.addColumn("theta_\(name)", kind: .continuous, lower: locked ? cap : 0, upper: cap)
            }
        }
        var compiled = CompiledModel(
            model: model, rowOrigins: [], fundedColumn: fundedColumn, shareColumn: shareColumn, facts: facts,
            naming: [], shortfallColumn: Array(repeating: nil, count: scenario.targets.count), lockedIn: lockedIn,
            reportedObjective: [], findings: [])

        // 3. Share links.
        for index in projects.indices {
            guard let funded = fundedColumn[index], let share = shareColumn[index] else { continue }
            let name = Self.safeName(projects[index].id, index: index)
            addRow("share_hi_\(name)", [Term(share, 1), Term(funded, -facts[index].cap)], upper: 0, .shareLink(project: index))
            addRow(
                "share_lo_\(name)", [Term(share, 1), Term(funded, -facts[index].leastShare)], lower: 0,
                .shareLink(project: index))
        }

        // 4. requires: z_p ≤ z_q; a required project without columns (not fundable) holds z_p at 0.
        for (index, record) in projects.enumerated() {
            guard let funded = fundedColumn[index] else { continue }
            for required in record.requires {
                let other = fundedColumn[required].map { [Term($0, -1)] } ?? []
                addRow(
                    "requires_\(Self.safeName(record.id, index: index))_\(Self.safeName(projects[required].id, index: required))",
                    [Term(funded, 1)] + other, upper: 0, .requires(project: index, required: required))
            }
        }

        // 5. Exclusive groups (in order of first appearance).
        var groups: [String: [Int]] = [:]
        var groupOrder: [String] = []
        for (index, record) in projects.enumerated() {
            guard let group = record.exclusiveGroup else { continue }
            if groups[group] == nil {
                groupOrder.append(group)
                groups[group] = []
            }
            if let funded = fundedColumn[index] { groups[group, default: []].append(funded) }
        }
        for (position, group) in groupOrder.enumerated() {
            let members = groups[group] ?? []
            guard members.count > 1 else { continue }
            addRow("exclusive_\(Self.safeName(group, index: position))", members.map { Term($0, 1) }, upper: 1, .exclusive(group: group))
        }

        // 7 (columns first). Naming candidates.
        let ecoTargets = scenario.targets.contains { $0.metric.isEcoPark }
        let namingValued = scenario.objective.sense == .maximizeBenefit && scenario.objective.namingValue > 0
        var naming: [NamingCandidate] = []
        if ecoTargets || namingValued {
            var prerequisitesByPark: [Int: [Int]] = [:]
            for (index, record) in projects.enumerated() where record.namingPrerequisite {
                prerequisitesByPark[record.park, default: []].append(index)
            }
            for (parkIndex, park) in library.parkRecords.enumerated() {
                let prerequisites = prerequisitesByPark[parkIndex] ?? []
                guard let year = namingYear(park: parkIndex, prerequisites: prerequisites, facts: facts) else { continue }
                let column = model.addColumn(
                    "name_\(Self.safeName(park.id, index: parkIndex))_\(year)", kind: .binary,
                    objective: namingValued ? scenario.objective.namingValue : 0)
                naming.append(NamingCandidate(park: parkIndex, year: year, prerequisites: prerequisites, column: column))
            }
        }

        // 6. Fund budgets.
        for (fundIndex, fund) in scenario.funds.enumerated() {
            for (yearIndex, year) in years.enumerated() {
                var terms: [Term] = []
                if fund.kind == .namingAward {
                    let award = fund.award ?? 0
                    terms = naming.filter { $0.year == year && award != 0 }.map { Term($0.column, award) }
                } else {
                    for (index, record) in projects.enumerated() where record.fund == fundIndex {
                        terms += compiled.shareTerms(index, record.request[yearIndex])
                    }
                }
                addRow("budget_\(Self.safeName(fund.id, index: fundIndex))_\(year)", terms, upper: fund.budget(in: year), .budget(fund: fundIndex, year: year))
            }
        }

        // 7. Naming links.
        for candidate in naming {
            for prerequisite in candidate.prerequisites {
                var terms = compiled.shareTerms(prerequisite, 1 / facts[prerequisite].cap)
                terms.append(Term(candidate.column, -1))
                addRow(
                    "naming_\(Self.safeName(library.parkRecords[candidate.park].id, index: candidate.park))_\(Self.safeName(projects[prerequisite].id, index: prerequisite))",
                    terms, lower: 0, .naming(park: candidate.park, project: prerequisite))
            }
        }

        // 8. Limits.
        for (limitIndex, limit) in scenario.limits.enumerated() where limit.sum != .loan {
            for row in limitRows(limitIndex, limit, compiled: compiled) {
                if row.groupTerms != nil { groupTerms[origins.count] = row.groupTerms }
                addRow(row.name, row.terms, lower: row.lower, upper: row.upper, row.origin)
            }
        }

        // 9. Targets.
        let ecoBase = Double(library.parkRecords.filter { $0.status.isEcoPark }.count)
        let denominator = Double(library.parkRecords.filter { $0.status != .revoked }.count)
        for (targetIndex, target) in scenario.targets.enumerated() {
            var terms: [Term] = []
            var lower = target.min
            var shortfallScale = 1.0
            switch target.metric {
            case .ecoParkCount, .ecoParkShare:
                let year = target.year ?? years.last ?? 0
                terms = naming.filter { $0.year <= year }.map { Term($0.column, 1) }
                if target.metric == .ecoParkShare {
                    lower = target.min * denominator - ecoBase
                    shortfallScale = denominator
                } else {
                    lower = target.min - ecoBase
                }
            case .count:
                terms = projects.indices.compactMap { fundedColumn[$0].map { Term($0, 1) } }
            case .subsidy:
                terms = projects.indices.flatMap { compiled.shareTerms($0, projects[$0].totalRequest) }
            case .benefit(let column):
                terms = projects.indices.flatMap { compiled.shareTerms($0, library.projects.value(column, row: $0).number ?? 0) }
            }
            if let penalty = target.penalty {
                let sign = model.sense == .maximize ? -1.0 : 1.0
                let shortfall = model.addColumn("shortfall_t\(targetIndex)", kind: .continuous, objective: sign * penalty)
                compiled.shortfallColumn[targetIndex] = shortfall
                terms.append(Term(shortfall, shortfallScale))
            }
            addRow("target_t\(targetIndex)", terms, lower: lower, .target(index: targetIndex))
        }

        // 10. Objective on projects.
        for index in projects.indices {
            let coefficient =
                scenario.objective.sense == .maximizeBenefit ? facts[index].score : projects[index].totalRequest
            for term in compiled.shareTerms(index, coefficient) {
                model.setObjective(term.column, model.objective[term.column] + term.coefficient)
            }
        }
        compiled.model = model
        compiled.rowOrigins = origins
        compiled.limitGroupTerms = groupTerms
        compiled.naming = naming
        compiled.reportedObjective = model.objective
        compiled.findings = Presolve(scenario: scenario, library: library, compiled: compiled).findings()
        return compiled
    }

    /// SPEC §4.4: a park can be newly named when under construction, not barred at `as_of`, with at least one
    /// prerequisite, all of them fundable (each then funded at its maximum u), and a naming year inside the
    /// horizon. The year is the latest year a prerequisite asks for money — years after the horizon included,
    /// so a package still drawing money then is not complete within it — or `naming_year` if later.
    func namingYear(park index: Int, prerequisites: [Int], facts: [ProjectFacts]) -> Int? {
        let park = library.parkRecords[index]
        guard park.status == .underConstruction else { return nil }
        if let barred = park.barredUntil, barred > scenario.asOf { return nil }
        guard !prerequisites.isEmpty else { return nil }
        guard prerequisites.allSatisfy({ facts[$0].fundable }) else { return nil }
        var year: Int?
        for prerequisite in prerequisites {
            let record = library.projectRecords[prerequisite]
            for (position, amount) in record.request.enumerated() where amount > 0 {
                year = Swift.max(year ?? scenario.years[position], scenario.years[position])
            }
            for later in record.requestOutsideHorizon { year = Swift.max(year ?? later.year, later.year) }
        }
        if let namingYear = park.namingYear { year = Swift.max(year ?? namingYear, namingYear) }
        let resolved = year ?? scenario.years.first ?? 0
        return scenario.years.contains(resolved) ? resolved : nil
    }

    struct LimitRow {
        var name: String
        var terms: [Term]
        var lower: Double
        var upper: Double
        var origin: RowOrigin
        var groupTerms: [Term]? = nil
    }

    /// The group value of a project for `group_by` ("" when missing).
    func groupValue(_ key: GroupKey, project index: Int) -> String {
        let record = library.projectRecords[index]
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
        let record = library.projectRecords[index]
        switch sum {
        case .subsidy: return yearIndex.map { record.request[$0] } ?? record.totalRequest
        case .count, .loan: return 1
        case .investment: return record.investment
        case .benefit(let column): return library.projects.value(column, row: index).number ?? 0
        }
    }

    func limitTerms(_ sum: LimitQuantity, projects indices: [Int], yearIndex: Int?, scale: Double, compiled: CompiledModel) -> [Term] {
        var terms: [Term] = []
        for index in indices {
            let amount = quantity(sum, project: index, yearIndex: yearIndex) * scale
            if sum == .count {
                if let funded = compiled.fundedColumn[index], amount != 0 { terms.append(Term(funded, amount)) }
            } else {
                terms += compiled.shareTerms(index, amount)
            }
        }
        return terms
    }

    /// SPEC §3.3: the base (projects matching `fund`) and the scope's groups (matching `fund` and `where`),
    /// one group per distinct `group_by` value in value order, or one group holding the whole scope.
    public func limitGroups(_ limitIndex: Int) -> (base: [Int], groups: [(value: String?, members: [Int])]) {
        let limit = scenario.limits[limitIndex]
        let fundIndex = limit.fund.flatMap { id in scenario.funds.firstIndex { $0.id == id } }
        let base = library.projectRecords.indices.filter { limit.fund == nil || library.projectRecords[$0].fund == fundIndex }
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

    /// Rows of one limit (SPEC §3.3).
    func limitRows(_ limitIndex: Int, _ limit: LimitSpec, compiled: CompiledModel) -> [LimitRow] {
        let (base, groups) = limitGroups(limitIndex)
        let yearIndices: [Int?] = limit.perYear ? scenario.years.indices.map { $0 } : [nil]
        var rows: [LimitRow] = []
        for (groupPosition, group) in groups.enumerated() {
            for yearIndex in yearIndices {
                let year = yearIndex.map { scenario.years[$0] }
                var name = "limit\(limitIndex)"
                if let value = group.value { name += "_" + Self.safeName(value, index: groupPosition, prefix: "g") }
                if let year { name += "_\(year)" }
                let terms = limitTerms(limit.sum, projects: group.members, yearIndex: yearIndex, scale: 1, compiled: compiled)
                if limit.max != nil || limit.min != nil {
                    rows.append(
                        LimitRow(
                            name: name, terms: terms, lower: limit.min ?? -.infinity, upper: limit.max ?? .infinity,
                            origin: .limit(index: limitIndex, group: group.value, year: year, part: "abs")))
                }
                for (share, isMax) in [(limit.maxShare, true), (limit.minShare, false)] {
                    guard let share else { continue }
                    let combined = Self.combine(
                        terms + limitTerms(limit.sum, projects: base, yearIndex: yearIndex, scale: -share, compiled: compiled))
                    rows.append(
                        LimitRow(
                            name: name + (isMax ? "_maxshare" : "_minshare"), terms: combined,
                            lower: isMax ? -.infinity : 0, upper: isMax ? 0 : .infinity,
                            origin: .limit(index: limitIndex, group: group.value, year: year, part: isMax ? "max_share" : "min_share"),
                            groupTerms: terms))
                }
            }
        }
        return rows
    }

    /// Adds up repeated columns (GLPK refuses duplicate entries), keeping first-appearance order.
    static func combine(_ terms: [Term]) -> [Term] {
        var position: [Int: Int] = [:]
        var result: [Term] = []
        for term in terms {
            if let existing = position[term.column] {
                result[existing].coefficient += term.coefficient
            } else {
                position[term.column] = result.count
                result.append(term)
            }
        }
        return result.filter { $0.coefficient != 0 }
    }

    /// A name GLPK and LP files accept: the text itself when it is plain ASCII, else prefix + index.
    static func safeName(_ text: String, index: Int, prefix: String = "i") -> String {
        let allowed = text.utf8.allSatisfy { byte in
            (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte == 95
                || byte == 46
        }
        if allowed, !text.isEmpty, text.utf8.count <= 64 { return text }
        return "\(prefix)\(index)"
    }
}
