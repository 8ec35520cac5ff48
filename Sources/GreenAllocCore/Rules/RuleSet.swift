/// Reads cells for the expression evaluator: one project, its park, its city and its fund.
public struct ProjectRow: ExpressionRow {
    let library: Library
    public let project: Int
    public let asOf: Day
    /// Values of `project.funded` and `project.subsidy_total` (loan rules only).
    public var funded: Value = .missing
    public var subsidyTotal: Value = .missing

    public init(library: Library, project: Int, asOf: Day) {
        self.library = library
        self.project = project
        self.asOf = asOf
    }

    public func value(_ entity: Entity, slot: Int) -> Value {
        let record = library.projectRecords[project]
        switch entity {
        case .project:
            if slot < library.projects.columns.count { return library.projects.columns[slot].values[project] }
            return slot == library.projects.columns.count ? funded : subsidyTotal
        case .park: return library.parks.columns[slot].values[record.park]
        case .city: return library.cities.columns[slot].values[record.city]
        case .fund:
            guard let fund = record.fund else { return .missing }
            return library.fundTable.columns[slot].values[fund]
        }
    }
}

/// Every rule of a scenario compiled against the tables' columns (scenario-format §4), checked before any solving.
public struct RuleSet: Sendable {
    public var fundEligible: [CompiledExpression?]
    public var exclusions: [CompiledExpression]
    public var limitFilters: [CompiledExpression?]
    public var bonuses: [CompiledExpression]
    public var loanEligible: CompiledExpression?
    public var loanBonuses: [CompiledExpression]
    /// `loans.carbon_facility` (scenario-format §15.5).
    public var carbonFacility: CompiledExpression? = nil

    /// The names rules may read: the tables' columns, with their declared types and orders, and the optional
    /// columns a table leaves out (missing for every project). Loan rules also see `project.funded` and
    /// `project.subsidy_total`.
    public static func schema(for library: Library, loanStage: Bool) -> ExpressionSchema {
        var schema = ExpressionSchema()
        schema.addColumns(of: library.projects, as: .project)
        if loanStage {
            let base = library.projects.columns.count
            schema.add(.project, column: "funded", type: .boolean, slot: base)
            schema.add(.project, column: "subsidy_total", type: .number, slot: base + 1)
        }
        schema.addColumns(of: library.parks, as: .park)
        schema.addColumns(of: library.cities, as: .city)
        schema.addColumns(of: library.fundTable, as: .fund)
        return schema
    }

    public static func compile(_ scenario: Scenario, library: Library) -> Result<RuleSet, InputErrors> {
        let schema = Self.schema(for: library, loanStage: false)
        let loanSchema = Self.schema(for: library, loanStage: true)
        var errors: [Diagnostic] = []
        func compile(_ rule: RuleText, _ label: String, loan: Bool = false) -> CompiledExpression? {
            switch CompiledExpression.compile(
                rule.source, schema: loan ? loanSchema : schema, rule: label, location: rule.location)
            {
            case .success(let expression): return expression
            case .failure(let failure):
                errors += failure.diagnostics
                return nil
            }
        }
        let fundEligible = scenario.funds.map { fund in
            fund.eligible.flatMap { compile($0, "funds[\(fund.id)].eligible") }
        }
        let exclusions = scenario.exclude.compactMap { compile($0.when, "exclude '\($0.name)'") }
        let filters = scenario.limits.map { limit in limit.filter.flatMap { compile($0, "limit '\(limit.name)' where") } }
        let bonuses = scenario.objective.bonuses.compactMap { compile($0.when, "bonus '\($0.name)'") }
        let loanEligible = scenario.loans?.eligible.flatMap { compile($0, "loans.eligible", loan: true) }
        let loanBonuses = (scenario.loans?.bonuses ?? []).compactMap { compile($0.when, "loan bonus '\($0.name)'", loan: true) }
        let carbonFacility = scenario.loans?.carbonFacility.flatMap { compile($0, "loans.carbon_facility", loan: true) }

        // Benefit columns named by weights, limits and targets must be numeric project columns.
        func checkBenefit(_ column: String, _ location: SourceLocation?, _ label: String) {
            guard let found = library.projects.column(column) else {
                let numeric = library.projects.columns.filter { $0.type == .number }.map(\.name)
                errors.append(.error(location, "\(label): projects.csv has no column '\(column)' (numeric columns: \(numeric.joined(separator: ", ")))"))
                return
            }
            if found.type != .number, found.values.contains(where: { !$0.isMissing }) {
                errors.append(.error(location, "\(label): column '\(column)' is not numeric (it holds \(found.type))"))
            }
        }
        for (column, _) in scenario.objective.weights {
            checkBenefit(
                column, scenario.objective.weightLocations[column] ?? scenario.objective.location, "objective weight '\(column)'")
        }
        for indicator in scenario.indicators {
            checkBenefit(indicator.column, indicator.location, "indicator '\(indicator.column)'")
        }
        errors += magnitudeErrors(scenario, library: library)
        for limit in scenario.limits {
            if case .benefit(let column) = limit.sum { checkBenefit(column, limit.location, "limit '\(limit.name)' sum") }
            if case .column(let column) = limit.groupBy, library.projects.column(column) == nil {
                errors.append(.error(limit.location, "limit '\(limit.name)': group_by '\(column)' is neither city, park, category, fund nor a projects.csv column"))
            }
        }
        for target in scenario.targets {
            if case .benefit(let column) = target.metric { checkBenefit(column, target.location, "target '\(target.name)' metric") }
        }
        guard errors.isEmpty else { return .failure(InputErrors(errors)) }
        return .success(
            RuleSet(
                fundEligible: fundEligible, exclusions: exclusions, limitFilters: filters, bonuses: bonuses,
                loanEligible: loanEligible, loanBonuses: loanBonuses, carbonFacility: carbonFacility))
    }
}

extension RuleSet {
    /// Largest accepted weighted benefit of one project, and benefit value: beyond it sums over projects,
    /// bonuses and the tie rule overflow or lose every digit that matters, so the model never reaches the solver.
    public static let maximumMagnitude = 1e30

    /// Benefit cells and weighted benefits too large for the model, at their cells; then the whole objective.
    static func magnitudeErrors(_ scenario: Scenario, library: Library) -> [Diagnostic] {
        var errors: [Diagnostic] = []
        var columns = scenario.objective.weights.map(\.column)
        for limit in scenario.limits { if case .benefit(let column) = limit.sum { columns.append(column) } }
        for target in scenario.targets { if case .benefit(let column) = target.metric { columns.append(column) } }
        var reported: Set<String> = []
        for column in columns where reported.insert(column).inserted {
            guard let values = library.projects.column(column)?.values else { continue }
            let weight = scenario.objective.weights.filter { $0.column == column }.map { abs($0.weight) }.max() ?? 1
            for (row, value) in values.enumerated() {
                guard let number = value.number else { continue }
                let weighted = abs(number) * max(weight, 1)
                if !(weighted <= maximumMagnitude) {
                    errors.append(
                        .error(
                            library.projects.location(row: row, column: column),
                            "\(column) \(formatNumber(number))\(weight > 1 ? " × weight \(formatNumber(weight))" : "") is beyond \(formatNumber(maximumMagnitude)): too large for the model (check the unit)"))
                }
            }
        }
        guard errors.isEmpty, scenario.objective.sense == .maximizeBenefit else { return errors }
        var bound = 0.0
        for row in 0..<library.projects.rowCount {
            for (column, weight) in scenario.objective.weights {
                bound += abs(weight * (library.projects.value(column, row: row).number ?? 0))
            }
        }
        for bonus in scenario.objective.bonuses where bonus.factor > 1 { bound *= bonus.factor }
        if !(bound <= maximumMagnitude) {
            errors.append(
                .error(
                    scenario.objective.location,
                    "objective: the weighted benefits and bonus factors add up to \(formatNumber(bound)), beyond \(formatNumber(maximumMagnitude)): too large for the model (check weights, units and factors)"))
        }
        return errors
    }
}
