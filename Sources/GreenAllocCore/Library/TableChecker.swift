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
                    table.location(line: 1, column: 1),
                    "missing required column '\(name)' (columns found: \(table.columns.map(\.name).joined(separator: ", ")))"))
        }
        var seen: [String: Int] = [:]
        var ids: [String] = []
        for row in 0..<table.rowCount {
            let id = table.value("id", row: row).description
            if id.isEmpty, table.column("id") != nil {
                error(table, row: row, column: "id", "empty id")
            } else if let first = seen[id] {
                let place = table.sheet == nil ? "line \(table.rowLines[first])" : "row \(table.rowLines[first])"
                error(table, row: row, column: "id", "duplicate id '\(id)' (first on \(place))")
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
        let location = table.location(line: 1, column: 1)
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

    /// One warning for the projects that apply to a fund but ask for nothing inside the horizon (scenario-format §6:
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
