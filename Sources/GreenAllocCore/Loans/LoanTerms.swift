/// One loan's terms and interest subsidy (贴息) per year (scenario-format §15.5).
public struct LoanSchedule: Sendable, Hashable {
    /// The bank's annual rate in % (nil: none given).
    public var rate: Double?
    /// Term and grace in years (term nil: repaid at the end, no term given).
    public var term: Int?
    public var grace: Int
    /// The year the loan starts.
    public var start: Int
    /// 贴息 per horizon year (万元), aligned with the scenario's years.
    public var perYear: [Double]
    /// 贴息 in years outside the horizon (after it, or a year the horizon skips) (万元).
    public var later: Double

    public var total: Double { perYear.reduce(0, +) + later }
}

/// The loan-terms view of a scenario: whether terms are in use and each loan's schedule.
public struct LoanTerms: Sendable {
    public let scenario: Scenario
    public let library: Library

    public init(scenario: Scenario, library: Library) {
        self.scenario = scenario
        self.library = library
    }

    /// Terms are in use when banks.csv has `rate` or `term_years`, projects.csv `term_years` or `grace_years`, or
    /// `loans` sets `interest_subsidy.budget_per_year` or `carbon_facility`.
    public var inUse: Bool {
        let spec = scenario.loans
        return spec?.interestSubsidyPerYear != nil || spec?.interestSubsidyEveryYear != nil || spec?.carbonFacility != nil
            || library.banks?.column("rate") != nil || library.banks?.column("term_years") != nil
            || library.projects.column("term_years") != nil || library.projects.column("grace_years") != nil
    }

    /// The schedule of project `project`'s loan from bank `bank`, starting in `start`:
    /// B_k = L for k < G, L·(T − k)/(T − G) for G ≤ k < T (L throughout without a term), and
    /// 贴息_k = B_k · min(bp/10,000, rate/100) · min(1, max(0, years − k)), paid in year start + k.
    public func schedule(project: Int, bank: Int, start: Int) -> LoanSchedule {
        let record = library.projectRecords[project]
        let bankRecord = library.bankRecords[bank]
        let spec = scenario.loans ?? LoanSpec(name: "")
        let term = record.termYears ?? bankRecord.termYears
        let grace = record.graceYears ?? 0
        var rate = spec.interestSubsidyBasisPoints / 10_000
        if let bankRate = bankRecord.rate { rate = Swift.min(rate, bankRate / 100) }
        let amount = record.loanNeed
        var perYear = Array(repeating: 0.0, count: scenario.years.count)
        var later = 0.0
        let subsidyYears = spec.interestSubsidyYears
        var year = 0
        while Double(year) < subsidyYears {
            let part = Swift.min(1, subsidyYears - Double(year))
            var balance = amount
            if let term, grace < term {
                balance = year < grace ? amount : amount * Double(Swift.max(0, term - year)) / Double(term - grace)
            }
            let cost = balance * rate * part
            if let position = scenario.years.firstIndex(of: start + year) {
                perYear[position] += cost
            } else {
                later += cost
            }
            year += 1
        }
        return LoanSchedule(rate: bankRecord.rate, term: term, grace: grace, start: start, perYear: perYear, later: later)
    }

    /// The year a project's loan starts: the first year the plan pays it subsidy, else the first horizon year it
    /// asks money in, else the first horizon year.
    public func startYear(project: Int, outcome: ProjectOutcome) -> Int {
        let years = scenario.years
        if let start = outcome.startYear { return start }
        if let paid = zip(years, outcome.subsidy).first(where: { $0.1 > 0 })?.0 { return paid }
        let record = library.projectRecords[project]
        return zip(years, record.request).first { $0.1 > 0 }?.0 ?? years.first ?? 0
    }
}
