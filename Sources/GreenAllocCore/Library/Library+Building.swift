extension Library {
    /// Checks the tables against the scenario and resolves every reference. All errors in one pass.
    public static func build(
        scenario: Scenario, cities: DataTable, parks: DataTable, projects: DataTable, banks: DataTable?
    ) -> (library: Library?, diagnostics: [Diagnostic]) {
        var check = TableChecker()
        check.cellTypes(cities, .cities)
        check.cellTypes(parks, .parks)
        check.cellTypes(projects, .projects)
        if let banks { check.cellTypes(banks, .banks) }
        let cityIDs = check.ids(cities, required: ["id", "name"])
        let cityIndex = Dictionary(cityIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let cityNames = (0..<cities.rowCount).map { cities.value("name", row: $0).description }
        let parkRecords = check.parkRecords(parks, cityIndex: cityIndex)
        var projectRecords = check.projectRecords(projects, scenario: scenario, parkRecords: parkRecords)
        check.deferralColumns(projects, scenario: scenario, records: &projectRecords)
        check.loanTermColumns(projects, records: &projectRecords)
        var bankRecords: [BankRecord] = []
        if let banks {
            bankRecords = check.bankRecords(banks, cityIndex: cityIndex)
            check.loanTermColumns(banks, records: &bankRecords)
        } else if scenario.loans != nil {
            check.diagnostics.append(.error(scenario.loans?.location, "loans need tables.banks (banks.csv)"))
        }
        guard !check.diagnostics.contains(where: { $0.severity == .error }) else { return (nil, check.diagnostics) }
        let library = Library(
            cities: cities, parks: parks, projects: projects, banks: banks, cityIDs: cityIDs, cityNames: cityNames,
            parkRecords: parkRecords, projectRecords: projectRecords, bankRecords: bankRecords,
            fundTable: fundTable(scenario))
        return (library, check.diagnostics)
    }

    /// The scenario's funds as a table (id, name, kind), so rules can read `fund.*`.
    static func fundTable(_ scenario: Scenario) -> DataTable {
        DataTable(
            file: scenario.file,
            columns: [
                .init(name: "id", type: .text, values: scenario.funds.map { .text($0.id) }, position: 1),
                .init(name: "name", type: .text, values: scenario.funds.map { .text($0.name) }, position: 2),
                .init(name: "kind", type: .text, values: scenario.funds.map { .text($0.kind.rawValue) }, position: 3),
            ],
            rowLines: scenario.funds.map { $0.location?.line ?? 1 })
    }
}
