@testable import GreenAllocCore
import MILP
import Testing

/// A small library and scenario built in memory, for tests of the compiled model without a solver. Tables
/// are written as comma-separated lines (header first, no quoting); cities C1 and 济南 (an id that is not
/// plain ASCII), parks K1 (city C1, named provincial), K2 (city 济南, under construction) and K3 (C1, none).
struct CompiledModelFixture {
    var scenario: Scenario
    var projects: String
    var parks = """
        id,name,city,status
        K1,K1,C1,named_provincial
        K2,K2,济南,under_construction
        K3,K3,C1,none
        """
    var cities = """
        id,name
        C1,City one
        济南,Jinan
        """
    var banks: String? = nil

    /// A scenario over 2022–2023 with one project-subsidy fund F (budgets 100 and 50).
    static func scenario(
        funds: [FundSpec] = [FundSpec(id: "F", name: "Fund", budget: [2022: 100, 2023: 50])],
        limits: [LimitSpec] = [], objective: ObjectiveSpec = ObjectiveSpec(weights: [(column: "co2", weight: 2)]),
        targets: [TargetSpec] = [], loans: LoanSpec? = nil
    ) -> Scenario {
        Scenario(
            name: "bridges", asOf: Day(iso: "2022-03-31")!, years: [2022, 2023],
            tables: TablePaths(cities: "cities.csv", parks: "parks.csv", projects: "projects.csv"), funds: funds,
            limits: limits, objective: objective, targets: targets, loans: loans)
    }

    static func table(_ text: String, file: String, kind: TableKind) -> DataTable {
        let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        return DataTable(
            file: file, header: lines[0], rows: Array(lines.dropFirst()), rowLines: Array(2..<(1 + lines.count)), kind: kind)
    }

    func inputs() throws -> (library: Library, rules: RuleSet) {
        let built = Library.build(
            scenario: scenario, cities: Self.table(cities, file: "cities.csv", kind: .cities),
            parks: Self.table(parks, file: "parks.csv", kind: .parks),
            projects: Self.table(projects, file: "projects.csv", kind: .projects),
            banks: banks.map { Self.table($0, file: "banks.csv", kind: .banks) })
        let errors = built.diagnostics.filter { $0.severity == .error }
        let library = try #require(built.library, "library errors: \(errors)")
        let rules = try RuleSet.compile(scenario, library: library).get()
        return (library, rules)
    }

    func compile() throws -> CompiledModel {
        let (library, rules) = try inputs()
        return Compiler(scenario: scenario, library: library, rules: rules).compile()
    }
}

/// A row as text: `name: +1 theta_P1 -0.5 z_P1 in [-inf, 0]`, column names instead of indices.
func describe(_ model: Model, row index: Int) -> String {
    let row = model.rows[index]
    let terms = row.terms.map { ($0.coefficient < 0 ? "" : "+") + "\(number($0.coefficient)) \(model.columns[$0.column].name)" }
    return "\(row.name): \(terms.joined(separator: " ")) in [\(number(row.lower)), \(number(row.upper))]"
}

/// Every row of a model whose name starts with `prefix`, as `describe` writes it, with its origin.
func rows<Origin>(_ model: Model, origins: [Origin], prefix: String) -> [(text: String, origin: Origin)] {
    model.rows.indices.filter { model.rows[$0].name.hasPrefix(prefix) }.map { (describe(model, row: $0), origins[$0]) }
}

/// Integral numbers without a fraction, infinities as inf.
func number(_ value: Double) -> String {
    if value == .infinity { return "inf" }
    if value == -.infinity { return "-inf" }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return "\(value)"
}

/// The column of a name.
func column(_ model: Model, _ name: String) throws -> Int {
    try #require(model.columns.firstIndex { $0.name == name }, "no column \(name)")
}
