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

        // Parks
        let parkIDs = check.ids(parks, required: ["id", "name", "city", "status"])
        let parkIndex = Dictionary(parkIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var parkRecords: [ParkRecord] = []
        for row in 0..<parks.rowCount {
            let city = check.reference(parks, row: row, column: "city", in: cityIndex, what: "city") ?? 0
            let status = check.enumeration(parks, row: row, column: "status", ParkStatus.self) ?? .none
            let barred = check.date(parks, row: row, column: "barred_until")
            let namingYear = check.integer(parks, row: row, column: "naming_year")
            parkRecords.append(
                ParkRecord(
                    id: parkIDs[row], name: parks.value("name", row: row).description, city: city, status: status,
                    barredUntil: barred, namingYear: namingYear))
        }

        // Projects
        let projectIDs = check.ids(projects, required: ["id", "name", "park", "fund", "category", "investment"])
        let projectIndex = Dictionary(projectIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let fundIndex = Dictionary(scenario.funds.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let requestColumns = check.requestColumns(projects, years: scenario.years)
        var projectRecords: [ProjectRecord] = []
        for row in 0..<projects.rowCount {
            let park = check.reference(projects, row: row, column: "park", in: parkIndex, what: "park") ?? 0
            var fund: Int?
            if let fundID = projects.value("fund", row: row).text, !fundID.isEmpty {
                if let index = fundIndex[fundID] {
                    fund = index
                    if scenario.funds[index].kind == .namingAward {
                        check.error(projects, row: row, column: "fund", "fund '\(fundID)' is a naming_award fund; projects apply to project_subsidy funds")
                    }
                } else {
                    check.error(projects, row: row, column: "fund", "unknown fund '\(fundID)' (the scenario's funds: \(scenario.funds.map(\.id).joined(separator: ", ")))")
                }
            }
            let (request, outside) = check.requests(projects, row: row, columns: requestColumns, years: scenario.years)
            if fund == nil, request.contains(where: { $0 > 0 }) || !outside.isEmpty {
                check.warning(projects, row: row, column: "fund", "project \(projectIDs[row]) requests a subsidy but names no fund: it is treated as loan-only")
            }
            let investment = check.money(projects, row: row, column: "investment", required: true) ?? 0
            let minShare = check.number(projects, row: row, column: "min_share") ?? 1
            if !(minShare > 0 && minShare <= 1) {
                check.error(projects, row: row, column: "min_share", "min_share \(formatNumber(minShare)) must lie in (0, 1]")
            }
            let lock = check.enumeration(projects, row: row, column: "lock", LockState.self)
            var requires: [Int] = []
            if let text = projects.value("requires", row: row).text {
                for part in text.split(separator: ";") {
                    let id = part.trimmingSpaces
                    guard !id.isEmpty else { continue }
                    if let index = projectIndex[id] {
                        if index == row {
                            check.error(projects, row: row, column: "requires", "project \(id) requires itself")
                        } else if !requires.contains(index) {
                            requires.append(index)
                        }
                    } else {
                        check.error(projects, row: row, column: "requires", "requires unknown project '\(id)'")
                    }
                }
            }
            let group = projects.value("exclusive_group", row: row).text.flatMap { $0.isEmpty ? nil : $0 }
            let prerequisite = check.boolean(projects, row: row, column: "naming_prerequisite") ?? false
            let loanNeed = check.money(projects, row: row, column: "loan_need", required: false) ?? 0
            _ = check.ordered(projects, row: row, column: "maturity", maturityOrder)
            _ = check.ordered(projects, row: row, column: "central_library", libraryStatuses)
            _ = check.ordered(projects, row: row, column: "provincial_library", libraryStatuses)
            var tier = FinanceTier.none
            if let text = projects.value("finance_tier", row: row).text, !text.isEmpty {
                if let parsed = FinanceTier(text: text) {
                    tier = parsed
                } else {
                    check.error(projects, row: row, column: "finance_tier", "finance_tier '\(text)' is not one of none, general, preferred")
                }
            }
            let parkRecord = parkRecords.indices.contains(park) ? parkRecords[park] : nil
            if let parkRecord {
                if prerequisite, parkRecord.status != .underConstruction {
                    check.warning(projects, row: row, column: "naming_prerequisite", "naming prerequisite of park \(parkRecord.id), whose status is \(parkRecord.status.rawValue), not under_construction: it has no effect")
                }
                let total = request.reduce(0, +)
                if total > investment, investment > 0 {
                    check.warning(projects, row: row, column: "investment", "project \(projectIDs[row]) requests \(formatNumber(total))万, more than its investment \(formatNumber(investment))万")
                }
            }
            projectRecords.append(
                ProjectRecord(
                    id: projectIDs[row], name: projects.value("name", row: row).description, park: park,
                    city: parkRecord?.city ?? 0, fund: fund, category: projects.value("category", row: row).description,
                    investment: investment, request: request, requestOutsideHorizon: outside, minShare: minShare,
                    lock: lock, requires: requires, exclusiveGroup: group, namingPrerequisite: prerequisite,
                    loanNeed: loanNeed, tier: tier))
        }
        check.warnOutsideHorizon(projects, records: projectRecords, columns: requestColumns, years: scenario.years)

        // Banks
        var bankRecords: [BankRecord] = []
        if let banks {
            let bankIDs = check.ids(banks, required: ["id", "name", "capacity"])
            for row in 0..<banks.rowCount {
                var served: Set<Int>?
                if let text = banks.value("cities", row: row).text, !text.isEmpty {
                    var set: Set<Int> = []
                    for part in text.split(separator: ";") {
                        let id = part.trimmingSpaces
                        if let index = cityIndex[id] {
                            set.insert(index)
                        } else if !id.isEmpty {
                            check.error(banks, row: row, column: "cities", "unknown city '\(id)'")
                        }
                    }
                    served = set
                }
                var minTier = FinanceTier.none
                if let text = banks.value("min_tier", row: row).text, !text.isEmpty {
                    if let parsed = FinanceTier(text: text), parsed != .none {
                        minTier = parsed
                    } else {
                        check.error(banks, row: row, column: "min_tier", "min_tier '\(text)' is not one of general, preferred")
                    }
                }
                bankRecords.append(
                    BankRecord(
                        id: bankIDs[row], name: banks.value("name", row: row).description,
                        capacity: check.money(banks, row: row, column: "capacity", required: true) ?? 0,
                        maxPerProject: check.money(banks, row: row, column: "max_per_project", required: false),
                        minTier: minTier, cities: served))
            }
        } else if scenario.loans != nil {
            check.diagnostics.append(.error(scenario.loans?.location, "loans need tables.banks (banks.csv)"))
        }

        let fundTable = DataTable(
            file: scenario.file,
            columns: [
                .init(name: "id", type: .text, values: scenario.funds.map { .text($0.id) }, position: 1),
                .init(name: "name", type: .text, values: scenario.funds.map { .text($0.name) }, position: 2),
                .init(name: "kind", type: .text, values: scenario.funds.map { .text($0.kind.rawValue) }, position: 3),
            ],
            rowLines: scenario.funds.map { $0.location?.line ?? 1 })
        guard !check.diagnostics.contains(where: { $0.severity == .error }) else { return (nil, check.diagnostics) }
        let library = Library(
            cities: cities, parks: parks, projects: projects, banks: banks, cityIDs: cityIDs, cityNames: cityNames,
            parkRecords: parkRecords, projectRecords: projectRecords, bankRecords: bankRecords, fundTable: fundTable)
        return (library, check.diagnostics)
    }
}

extension Substring {
    var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}

/// Cell-level checks that collect located diagnostics.
struct TableChecker {
    var diagnostics: [Diagnostic] = []

    mutating func error(_ table: DataTable, row: Int, column: String, _ message: String) {
        diagnostics.append(.error(table.location(row: row, column: column), message))
    }

    mutating func warning(_ table: DataTable, row: Int, column: String, _ message: String) {
        diagnostics.append(.warning(table.location(row: row, column: column), message))
    }

    /// Checks required columns and returns the id column, reporting empty and duplicate ids.
    mutating func ids(_ table: DataTable, required: [String]) -> [String] {
        for name in required where table.column(name) == nil {
            diagnostics.append(
                .error(
                    SourceLocation(file: table.file, line: 1, column: 1),
                    "missing required column '\(name)' (columns found: \(table.columns.map(\.name).joined(separator: ", ")))"))
        }
        var seen: [String: Int] = [:]
        var ids: [String] = []
        for row in 0..<table.rowCount {
            let id = table.value("id", row: row).description
            if id.isEmpty, table.column("id") != nil {
                error(table, row: row, column: "id", "empty id")
            } else if let first = seen[id] {
                error(table, row: row, column: "id", "duplicate id '\(id)' (first on line \(table.rowLines[first]))")
            } else {
                seen[id] = row
            }
            ids.append(id)
        }
        return ids
    }

    mutating func reference(_ table: DataTable, row: Int, column: String, in index: [String: Int], what: String) -> Int? {
        let id = table.value(column, row: row).description
        guard !id.isEmpty else {
            if table.column(column) != nil { error(table, row: row, column: column, "missing \(what) id") }
            return nil
        }
        guard let position = index[id] else {
            error(table, row: row, column: column, "unknown \(what) '\(id)'")
            return nil
        }
        return position
    }

    // The readers below read declared columns: `cellTypes` reports a cell that is not a value of its
    // column's type, and they read such a cell as nil.

    /// A cell of a number column: nil when empty or not a number.
    func number(_ table: DataTable, row: Int, column: String) -> Double? {
        table.value(column, row: row).number
    }

    mutating func money(_ table: DataTable, row: Int, column: String, required: Bool) -> Double? {
        guard let value = number(table, row: row, column: column) else {
            if required, table.column(column) != nil, table.value(column, row: row).isMissing {
                error(table, row: row, column: column, "missing \(column) (万元)")
            }
            return nil
        }
        if value < 0 {
            error(table, row: row, column: column, "\(column) \(formatNumber(value)) is negative: money must be ≥ 0 (万元)")
            return nil
        }
        return value
    }

    /// A cell of a year column: nil when empty or not a year.
    func integer(_ table: DataTable, row: Int, column: String) -> Int? {
        table.value(column, row: row).number.flatMap(year)
    }

    /// A cell of a date column: nil when empty or not a date.
    func date(_ table: DataTable, row: Int, column: String) -> Day? {
        table.value(column, row: row).date
    }

    /// A cell of a boolean column: nil when empty or not a boolean.
    func boolean(_ table: DataTable, row: Int, column: String) -> Bool? {
        table.value(column, row: row).boolean
    }

    mutating func enumeration<E: RawRepresentable & CaseIterable>(
        _ table: DataTable, row: Int, column: String, _ type: E.Type
    ) -> E? where E.RawValue == String {
        guard let text = table.value(column, row: row).text, !text.isEmpty else { return nil }
        guard let value = E(rawValue: text) else {
            let allowed = E.allCases.map(\.rawValue).joined(separator: ", ")
            error(table, row: row, column: column, "\(column) '\(text)' is not one of: \(allowed)")
            return nil
        }
        return value
    }

    mutating func ordered(_ table: DataTable, row: Int, column: String, _ allowed: [String]) -> Int? {
        guard let text = table.value(column, row: row).text, !text.isEmpty else { return nil }
        guard let rank = allowed.firstIndex(of: text) else {
            error(table, row: row, column: column, "\(column) '\(text)' is not one of: \(allowed.joined(separator: ", "))")
            return nil
        }
        return rank
    }

    enum RequestColumns {
        case single
        case perYear([Int: String])
        case none
    }

    mutating func requestColumns(_ table: DataTable, years: [Int]) -> RequestColumns {
        let perYear = table.columns.compactMap { column -> (Int, String)? in
            guard column.name.hasPrefix("request_"), let year = Int(column.name.dropFirst(8)) else { return nil }
            return (year, column.name)
        }
        let single = table.column("request") != nil
        let location = SourceLocation(file: table.file, line: 1, column: 1)
        if single, !perYear.isEmpty {
            diagnostics.append(.error(location, "use either request + year or request_<year> columns, not both"))
            return .none
        }
        if single {
            if table.column("year") == nil {
                diagnostics.append(.error(location, "a 'request' column needs a 'year' column (or use request_<year> columns)"))
                return .none
            }
            return .single
        }
        if perYear.isEmpty {
            diagnostics.append(.error(location, "missing the requests: a 'request' + 'year' pair or request_<year> columns (e.g. request_\(years.first ?? 2022))"))
            return .none
        }
        return .perYear(Dictionary(perYear, uniquingKeysWith: { first, _ in first }))
    }

    /// The requests of one row: per horizon year (aligned with `years`), and the positive ones outside the
    /// horizon by year.
    mutating func requests(
        _ table: DataTable, row: Int, columns: RequestColumns, years: [Int]
    ) -> (horizon: [Double], outside: [YearlyAmount]) {
        var request = Array(repeating: 0.0, count: years.count)
        var outside: [YearlyAmount] = []
        switch columns {
        case .none:
            break
        case .single:
            guard let amount = money(table, row: row, column: "request", required: false) else { break }
            guard let year = integer(table, row: row, column: "year") ?? Int(table.value("year", row: row).description) else {
                // A malformed year is reported by the cell check; only a missing one is reported here.
                if amount > 0, table.value("year", row: row).isMissing {
                    error(table, row: row, column: "year", "a request needs its year")
                }
                break
            }
            if let position = years.firstIndex(of: year) {
                request[position] = amount
            } else if amount > 0 {
                outside.append(YearlyAmount(year: year, amount: amount))
            }
        case .perYear(let names):
            for (year, name) in names.sorted(by: { $0.key < $1.key }) {
                guard let amount = money(table, row: row, column: name, required: false) else { continue }
                if let position = years.firstIndex(of: year) {
                    request[position] = amount
                } else if amount > 0 {
                    outside.append(YearlyAmount(year: year, amount: amount))
                }
            }
        }
        return (request, outside)
    }

    /// One warning for the projects that apply to a fund but ask for nothing inside the horizon (SPEC §3.2:
    /// not fundable, why `outside_horizon`): how many, which, and the columns their requests sit in. Projects
    /// drawing money both inside and after the horizon get no warning: they are funded for their horizon years,
    /// and the report lists their later-year needs.
    mutating func warnOutsideHorizon(_ table: DataTable, records: [ProjectRecord], columns: RequestColumns, years: [Int]) {
        let affected = records.indices.filter { records[$0].fund != nil && !records[$0].request.contains { $0 > 0 } }
        guard let first = affected.first else { return }
        let outsideYears = Set(affected.flatMap { records[$0].requestOutsideHorizon.map(\.year) }).sorted()
        let requestColumnNames: [String]
        if case .single = columns {
            requestColumnNames = ["year " + outsideYears.map(String.init).joined(separator: ", ")]
        } else {
            requestColumnNames = outsideYears.map { "request_\($0)" }
        }
        let columnText = requestColumnNames.isEmpty ? "no request in any column" : "column " + requestColumnNames.joined(separator: ", ")
        let column = if case .single = columns { "year" } else { requestColumnNames.first ?? "fund" }
        let listed = affected.prefix(20).map { records[$0].id }.joined(separator: ", ") + (affected.count > 20 ? ", …" : "")
        let horizon = years.count > 1 ? "\(years.first ?? 0)–\(years.last ?? 0)" : "\(years.first ?? 0)"
        warning(
            table, row: first, column: column,
            "\(affected.count) project\(affected.count == 1 ? "" : "s") of a fund ask\(affected.count == 1 ? "s" : "") for no money inside the horizon \(horizon) (\(columnText)): \(listed); not fundable in this scenario (outside_horizon)")
    }
}
