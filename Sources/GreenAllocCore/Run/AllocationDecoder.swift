public import MILP

/// Reads a solution back into an `Allocation` (scenario-format §13). It knows the solver by name only: the engine solves.
public struct AllocationDecoder {
    let scenario: Scenario
    let library: Library
    let compiled: CompiledModel
    let solverName: String
    let solverVersion: String
    let inputsSHA256: String

    public init(
        scenario: Scenario, library: Library, compiled: CompiledModel, solverName: String, solverVersion: String,
        inputsSHA256: String
    ) {
        self.scenario = scenario
        self.library = library
        self.compiled = compiled
        self.solverName = solverName
        self.solverVersion = solverVersion
        self.inputsSHA256 = inputsSHA256
    }

    public func solved(result: SolverResult, status: AllocationStatus, firstResult: SolverResult) -> Allocation {
        let values = result.values
        var shares = library.projectRecords.indices.map { cleanShare(project: $0, values) }
        // A named park's package is funded at its maximum (scenario-format §10): the tie solve's trims within the
        // solver's tolerance are noise there.
        for candidate in compiled.naming where values[candidate.column] > 0.5 {
            for prerequisite in candidate.prerequisites { shares[prerequisite] = compiled.facts[prerequisite].cap }
        }
        var allocation = base(status: status, shares: shares, values: values)
        allocation.objective = reportedObjective(values, targets: allocation.targets)
        allocation.bestBound = firstResult.bestBound
        allocation.gap = status == .optimal ? 0 : firstResult.gap
        return allocation
    }

    /// scenario-format §8 / §4.2: Σ θ·score (or θ·request) + naming value, with each soft target's shortfall taken as
    /// max(0, min − value) from the decisions (not from the shortfall column, which the tie solve may leave slack).
    func reportedObjective(_ values: [Double], targets: [TargetOutcome]) -> Double {
        let shortfallColumns = Set(compiled.shortfallColumn.compactMap { $0 })
        var objective = compiled.model.objectiveConstant
        for (column, coefficient) in compiled.reportedObjective.enumerated()
        where coefficient != 0 && !shortfallColumns.contains(column) {
            objective += coefficient * values[column]
        }
        let sign = scenario.objective.sense == .maximizeBenefit ? -1.0 : 1.0
        for (target, outcome) in zip(scenario.targets, targets) {
            guard let penalty = target.penalty else { continue }
            objective += sign * penalty * Swift.max(0, target.min - outcome.value)
        }
        return objective
    }

    public func infeasible(diagnosis: Diagnosis) -> Allocation {
        var allocation = base(status: .infeasible, shares: nil, values: nil)
        allocation.diagnosis = diagnosis
        return allocation
    }

    public func noSolution(result: SolverResult) -> Allocation {
        var allocation = base(status: .noSolution, shares: nil, values: nil)
        allocation.bestBound = result.bestBound
        return allocation
    }

    /// θ with solver noise removed: 0, u, min_share and 1 are snapped to within 1e-9.
    func cleanShare(project index: Int, _ values: [Double]) -> Double {
        var share = compiled.share(of: index, values)
        for anchor in [0, 1, compiled.facts[index].cap, compiled.facts[index].leastShare] where abs(share - anchor) < 1e-9 {
            share = anchor
        }
        return Swift.max(0, share)
    }

    func base(status: AllocationStatus, shares: [Double]?, values: [Double]?) -> Allocation {
        let chosenNaming = compiled.naming.filter { candidate in values.map { $0[candidate.column] > 0.5 } ?? false }
        let named = Set(chosenNaming.map(\.park))
        var outcomes: [ProjectOutcome] = []
        outcomes.reserveCapacity(library.projectRecords.count)
        for index in library.projectRecords.indices {
            outcomes.append(projectOutcome(index, share: shares?[index] ?? 0, status: status, named: named))
        }
        if let values { applyDeferral(to: &outcomes, values) }
        let namedParks = namedParks(chosenNaming)
        let funds = fundOutcomes(outcomes, namedParks: namedParks)
        var limits: [LimitOutcome] = []
        var targets: [TargetOutcome] = []
        if let values {
            limits = LimitDecoder(limits: scenario.limits).outcomes(compiled.limitRows, model: compiled.model, values: values)
            targets = targetOutcomes(values, outcomes: outcomes, namedParks: namedParks, funds: funds)
        }
        var allocation = Allocation(
            scenario: scenario.name, inputsSHA256: inputsSHA256, status: status, objective: nil, bestBound: nil, gap: nil,
            solverName: solverName, solverVersion: solverVersion, objectiveSense: scenario.objective.sense,
            years: scenario.years, cities: cityInfos(),
            funds: funds, projects: outcomes, parks: namedParks, limits: limits, targets: targets,
            findings: compiled.findings, diagnosis: nil,
            ecoParksBefore: library.parkRecords.filter { $0.status.isEcoPark }.count,
            parksCounted: library.parkRecords.filter { $0.status != .revoked }.count)
        allocation.outcomeColumns = outcomeColumns
        allocation.englishText = scenario.englishText
        allocation.hasOwner = hasOwner
        allocation.hasCounty = hasCounty
        allocation.basis = AllocationBasis(scenario)
        allocation.policy = policyOutcome(projects: outcomes, funds: funds, solved: values != nil)
        allocation.deferralInUse = deferralInUse
        return allocation
    }

    var hasOwner: Bool { library.projects.column("owner") != nil }
    var hasCounty: Bool { library.projects.column("county") != nil }

    /// The outcome columns: the scenario's `indicators:`, else the benefit columns the objective weighs; each
    /// once, in the scenario's order.
    var outcomeColumns: [String] {
        var seen = Set<String>()
        let named = scenario.indicators.map(\.column)
        return (named.isEmpty ? scenario.objective.weights.map(\.column) : named).filter { seen.insert($0).inserted }
    }

    /// The cities with their names and their numeric columns (figures for the reports' fairness panel).
    func cityInfos() -> [CityInfo] {
        let table = library.cities
        let numeric = table.columns.filter { $0.type == .number && $0.name != "id" }
        return library.cityIDs.indices.map { row in
            var figures: [String: Double] = [:]
            for column in numeric where row < column.values.count {
                if let value = column.values[row].number, value.isFinite { figures[column.name] = value }
            }
            return CityInfo(id: library.cityIDs[row], name: library.cityNames[row], figures: figures)
        }
    }

    /// One project's result at share θ (`named`: the parks newly named at the point).
    func projectOutcome(_ index: Int, share: Double, status: AllocationStatus, named: Set<Int>) -> ProjectOutcome {
        let record = library.projectRecords[index]
        let fact = compiled.facts[index]
        let funded = share > 0
        let why: WhyCode = fact.blocked ?? (funded ? .funded : .notChosen)
        var reasons: [Reason] = fact.excludedBy.map { .excludedBy(rule: $0.rule, reason: $0.reason) }
        reasons += whyReasons(why, project: index, share: share, status: status)
        if record.namingPrerequisite, library.parkRecords[record.park].status == .underConstruction {
            reasons.append(.namingPrerequisite(park: library.parkRecords[record.park].id, named: named.contains(record.park)))
        }
        if fact.fundable { reasons += fact.bonuses.map { .bonus(name: $0.name, factor: $0.factor) } }
        let later = record.requests(after: scenario.years.last ?? .max)
        if fact.fundable, !later.isEmpty { reasons.append(.laterYearNeeds(later)) }
        var outcome = ProjectOutcome(
            id: record.id, name: record.name, park: library.parkRecords[record.park].id,
            city: library.cityIDs[record.city], fund: record.fund.map { scenario.funds[$0].id },
            category: record.category, investment: record.investment, request: record.request, funded: funded,
            share: share, subsidy: record.request.map { funded ? share * $0 : 0 }, score: fact.score,
            excludedBy: fact.excludedBy, why: why, reasons: reasons, laterRequest: later)
        outcome.outcomeValues = outcomeColumns.map { library.projects.value($0, row: index).number ?? 0 }
        if hasOwner { outcome.owner = library.projects.value("owner", row: index).text ?? "" }
        if hasCounty { outcome.county = library.projects.value("county", row: index).text ?? "" }
        return outcome
    }

    /// The reasons that explain a project's why code.
    func whyReasons(_ why: WhyCode, project index: Int, share: Double, status: AllocationStatus) -> [Reason] {
        let projects = library.projectRecords
        let record = projects[index]
        let fact = compiled.facts[index]
        var reasons: [Reason] = []
        switch why {
        case .excluded: break
        case .lockedOut: reasons.append(.lockedOut)
        case .loanOnly: reasons.append(.loanOnly)
        case .ineligible:
            let fund = scenario.funds[record.fund ?? 0]
            reasons.append(.ineligible(fund: fund.name, rule: fund.eligible?.source ?? ""))
        case .outsideHorizon:
            reasons.append(.outsideHorizon(years: record.requestOutsideHorizon.map(\.year)))
        case .minShareImpossible:
            reasons.append(.minShareImpossible(cap: fact.cap, minShare: record.minShare, limitedBy: fact.capLimitedBy))
        case .requiresUnfundable:
            reasons.append(.requiresUnfundable(project: fact.blockingRequirement.map { projects[$0].id } ?? ""))
        case .notChosen:
            if status == .optimal || status == .feasible { reasons.append(.notChosen) }
        case .funded:
            if record.lock == .lockedIn { reasons.append(.lockedIn) }
            if share >= 1 - 1e-12 {
                reasons.append(.fundedFull)
            } else if share >= fact.cap - 1e-9 {
                reasons.append(.fundedAtCap(share: share, limitedBy: fact.capLimitedBy))
            } else {
                reasons.append(.fundedPartial(share: share))
            }
            for required in record.requires { reasons.append(.requiresFunded(project: projects[required].id)) }
        }
        return reasons
    }

    /// The parks newly named at the point, by year then id, each with the naming fund's award.
    func namedParks(_ chosen: [NamingCandidate]) -> [NamedPark] {
        let award = scenario.funds.first { $0.kind == .namingAward }?.award ?? 0
        return chosen.map { candidate in
            let park = library.parkRecords[candidate.park]
            return NamedPark(id: park.id, name: park.name, city: library.cityIDs[park.city], namedIn: candidate.year, award: award)
        }.sorted { ($0.namedIn, $0.id) < ($1.namedIn, $1.id) }
    }

    /// Each fund's budget and use per horizon year.
    func fundOutcomes(_ outcomes: [ProjectOutcome], namedParks: [NamedPark]) -> [FundOutcome] {
        let years = scenario.years
        let projects = library.projectRecords
        var funds: [FundOutcome] = []
        for (fundIndex, fund) in scenario.funds.enumerated() {
            var used = Array(repeating: 0.0, count: years.count)
            if fund.kind == .namingAward {
                for park in namedParks { if let position = years.firstIndex(of: park.namedIn) { used[position] += park.award } }
            } else {
                for outcome in outcomes.indices where projects[outcome].fund == fundIndex {
                    for position in years.indices { used[position] += outcomes[outcome].subsidy[position] }
                }
            }
            funds.append(FundOutcome(id: fund.id, name: fund.name, kind: fund.kind, budget: years.map { fund.budget(in: $0) }, used: used))
        }
        return funds
    }

    func targetOutcomes(
        _ values: [Double], outcomes: [ProjectOutcome], namedParks: [NamedPark], funds: [FundOutcome]
    ) -> [TargetOutcome] {
        let ecoBase = Double(library.parkRecords.filter { $0.status.isEcoPark }.count)
        let denominator = Double(library.parkRecords.filter { $0.status != .revoked }.count)
        return scenario.targets.map { target in
            var value = 0.0
            var reach: NamingReach?
            switch target.metric {
            case .ecoParkCount, .ecoParkShare:
                let year = target.year ?? scenario.years.last ?? 0
                let count = ecoBase + Double(namedParks.filter { $0.namedIn <= year }.count)
                value = target.metric == .ecoParkCount ? count : (denominator > 0 ? count / denominator : 0)
                reach = namingReach(
                    target, planned: Int(count), denominator: denominator, namedParks: namedParks, funds: funds)
            case .count: value = Double(outcomes.filter(\.funded).count)
            case .subsidy: value = outcomes.reduce(0) { $0 + $1.subsidyTotal }
            case .benefit(let column):
                for (index, outcome) in outcomes.enumerated() where outcome.funded {
                    value += outcome.share * (library.projects.value(column, row: index).number ?? 0)
                }
            }
            var outcome = TargetOutcome(
                name: target.name, metric: target.metric.description, year: target.year, value: value, min: target.min,
                met: value >= target.min - 1e-9 * Swift.max(1, abs(target.min)), hard: target.isHard)
            outcome.reportOnly = target.reportOnly
            outcome.reach = reach
            return outcome
        }
    }
}
