internal import MILP

/// The loan terms in the loan model and its reading (scenario-format §15.5).
extension LoanTerms {
    /// Per column of the loan model (pair project–bank): its schedule; nil when loan terms are not in use.
    func schedules(pairs: [(project: Int, bank: Int)], outcomes: [ProjectOutcome]) -> [LoanSchedule]? {
        guard inUse else { return nil }
        return pairs.map { pair in
            schedule(project: pair.project, bank: pair.bank, start: startYear(project: pair.project, outcome: outcomes[pair.project]))
        }
    }

    /// What the lists show: every pair's schedule, each candidate's CO₂ figure and carbon facility, the caps.
    func details(
        pairs: [(project: Int, bank: Int)], schedules: [LoanSchedule], outcomes: [ProjectOutcome], stage: LoanStage
    ) -> LoanTermsDetails {
        var byPair: [String: [String: LoanSchedule]] = [:]
        var co2: [String: Double] = [:]
        var facility: [String: Bool] = [:]
        let hasCO2 = library.projects.column("co2_t") != nil
        for (column, pair) in pairs.enumerated() {
            let id = library.projectRecords[pair.project].id
            byPair[id, default: [:]][library.bankRecords[pair.bank].id] = schedules[column]
            if hasCO2, let value = library.projects.value("co2_t", row: pair.project).number { co2[id] = value }
            if let rule = stage.rules.carbonFacility {
                facility[id] = rule.holds(stage.row(pair.project, outcomes[pair.project]))
            }
        }
        let spec = scenario.loans ?? LoanSpec(name: "")
        return LoanTermsDetails(
            years: scenario.years, schedules: byPair, co2: co2, carbonFacility: facility, hasCO2Column: hasCO2,
            hasCarbonRule: stage.rules.carbonFacility != nil,
            budgetPerYear: scenario.years.map { spec.interestSubsidyCap(in: $0) },
            usedPerYear: Array(repeating: 0, count: scenario.years.count))
    }
}

extension LoanStage {
    /// Σ_{(p,b)} 贴息_{p,b,y}·x_{p,b} ≤ budget_per_year_y, per horizon year with a cap (`interest_subsidy_<y>`).
    func addYearlyInterestRows(to model: inout Model, origins: inout [LoanRowOrigin], schedules: [LoanSchedule]) {
        let spec = scenario.loans ?? LoanSpec(name: "")
        for (position, year) in scenario.years.enumerated() {
            guard let cap = spec.interestSubsidyCap(in: year) else { continue }
            let terms = schedules.enumerated().compactMap { column, schedule -> Term? in
                schedule.perYear[position] != 0 ? Term(column, schedule.perYear[position]) : nil
            }
            guard !terms.isEmpty else { continue }
            model.addRow("interest_subsidy_\(year)", terms: terms, upper: cap)
            origins.append(.interestSubsidyYear(year: year))
        }
    }
}

extension LoanRowOrigin {
    /// The total or a yearly 贴息 cap.
    public var isInterestSubsidy: Bool {
        switch self {
        case .interestSubsidy, .interestSubsidyYear: true
        default: false
        }
    }
}

/// Each loan's terms and 贴息 as the lists show them (scenario-format §15.5).
public struct LoanTermsDetails: Sendable {
    public var years: [Int]
    /// Project id → bank id → the schedule of that bank's loan (every pair that can lend).
    public var schedules: [String: [String: LoanSchedule]]
    /// Project id → the `co2_t` figure (absent when empty or the table has no such column).
    public var co2: [String: Double]
    /// Project id → whether the loan meets the carbon facility (empty without a rule).
    public var carbonFacility: [String: Bool]
    public var hasCO2Column: Bool
    public var hasCarbonRule: Bool
    /// Per horizon year: the cap (nil: none) and the 贴息 of the assigned loans.
    public var budgetPerYear: [Double?]
    public var usedPerYear: [Double]

    public func schedule(project: String, bank: String) -> LoanSchedule? { schedules[project]?[bank] }

    /// The same with the 贴息 per year of the loans assigned at the point.
    func using(_ built: LoanModel, assignedBank: [Int: Int]) -> LoanTermsDetails {
        var copy = self
        for (column, pair) in built.pairs.enumerated() where assignedBank[pair.project] == pair.bank {
            guard let schedule = built.schedules?[column] else { continue }
            for position in copy.usedPerYear.indices { copy.usedPerYear[position] += schedule.perYear[position] }
        }
        return copy
    }
}
