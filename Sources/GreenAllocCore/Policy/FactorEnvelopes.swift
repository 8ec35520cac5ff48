/// One city's envelope of a `factors` entry (scenario-format §15.1), in one year (`per_year`) or over the horizon.
public struct CityEnvelope: Sendable, Hashable {
    /// The entry's position in `Scenario.factors`.
    public var entry: Int
    public var city: Int
    /// The year's position in the horizon; nil for `total: horizon`.
    public var yearIndex: Int?
    /// The city's weighted share w(c).
    public var share: Double
    /// E = w(c) × the fund's budget (in the year, or summed over the horizon), 万元.
    public var envelope: Double
}

/// scenario-format §15.1: factor values per city, the weighted shares and the envelopes.
public struct FactorEnvelopes {
    public let scenario: Scenario
    public let library: Library

    public init(scenario: Scenario, library: Library) {
        self.scenario = scenario
        self.library = library
    }

    /// Every envelope of every entry, entry by entry, city by city (table order), year by year. Entries whose
    /// factors cannot be computed (see `check`) are left out.
    public var envelopes: [CityEnvelope] {
        var result: [CityEnvelope] = []
        for (entry, spec) in scenario.factors.enumerated() {
            guard let fund = scenario.funds.firstIndex(where: { $0.id == spec.fund }),
                case .success(let shares) = shares(of: spec)
            else { continue }
            let budgets = scenario.years.map { scenario.funds[fund].budget(in: $0) }
            for city in library.cityIDs.indices {
                switch spec.total {
                case .perYear:
                    for (yearIndex, budget) in budgets.enumerated() {
                        result.append(
                            CityEnvelope(entry: entry, city: city, yearIndex: yearIndex, share: shares[city], envelope: shares[city] * budget))
                    }
                case .horizon:
                    result.append(
                        CityEnvelope(
                            entry: entry, city: city, yearIndex: nil, share: shares[city],
                            envelope: shares[city] * budgets.reduce(0, +)))
                }
            }
        }
        return result
    }

    /// The input errors of every entry: unknown or non-numeric columns, negative values, factors adding up to 0.
    public func check() -> [Diagnostic] {
        scenario.factors.flatMap { spec -> [Diagnostic] in
            if case .failure(let errors) = shares(of: spec) { return errors.diagnostics }
            return []
        }
    }

    /// w(c) = Σ_f weight_f × value_f(c) / Σ_c' value_f(c'), per city in table order.
    public func shares(of spec: FactorSpec) -> Result<[Double], InputErrors> {
        var shares = Array(repeating: 0.0, count: library.cityIDs.count)
        var errors: [Diagnostic] = []
        for weight in spec.weights {
            switch values(weight, fund: spec.fund) {
            case .failure(let problem):
                errors += problem.diagnostics
            case .success(let values):
                let sum = values.reduce(0, +)
                guard sum > 0 else {
                    errors.append(.error(weight.location, "factors '\(spec.name)': \(weight.source) adds up to 0 over the cities (no share can be taken)"))
                    continue
                }
                for city in shares.indices { shares[city] += weight.weight * values[city] / sum }
            }
        }
        return errors.isEmpty ? .success(shares) : .failure(InputErrors(errors))
    }

    /// value_f(c) per city in table order.
    func values(_ weight: FactorSpec.Weight, fund id: String) -> Result<[Double], InputErrors> {
        var values = Array(repeating: 0.0, count: library.cityIDs.count)
        let fund = scenario.funds.firstIndex { $0.id == id }
        switch weight.source {
        case .requests:
            for record in library.projectRecords where record.fund == fund { values[record.city] += record.totalRequest }
            return .success(values)
        case .parksUnderConstruction:
            for park in library.parkRecords where park.status == .underConstruction { values[park.city] += 1 }
            return .success(values)
        case .cityColumn(let name):
            return numbers(library.cities, name, weight: weight).map { $0.map { $0 ?? 0 } }
        case .projectColumn(let name):
            return numbers(library.projects, name, weight: weight).map { cells in
                for (row, record) in library.projectRecords.enumerated() where record.fund == fund {
                    values[record.city] += cells[row] ?? 0
                }
                return values
            }
        }
    }

    /// The cells of a numeric column, or an error at the factor (unknown or non-numeric column) or at a negative cell.
    func numbers(_ table: DataTable, _ name: String, weight: FactorSpec.Weight) -> Result<[Double?], InputErrors> {
        guard let column = table.column(name), column.type == .number || column.type == .untyped else {
            return .failure(
                InputErrors([.error(weight.location, "factors: '\(name)' is not a numeric column of \(table.file)")]))
        }
        var errors: [Diagnostic] = []
        for (row, value) in column.values.enumerated() where (value.number ?? 0) < 0 {
            errors.append(.error(table.location(row: row, column: name), "\(name) is negative; a factor counts values ≥ 0"))
        }
        return errors.isEmpty ? .success(column.values.map(\.number)) : .failure(InputErrors(errors))
    }
}
