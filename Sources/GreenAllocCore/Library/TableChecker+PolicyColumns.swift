/// The optional columns of the policy instruments (scenario-format §15.4, §15.5): free columns as far as the
/// table typing goes, read and checked here cell by cell so that a bad cell is an error at its file, line and column.
extension TableChecker {
    /// `defer_max` and `defer_penalty` of projects.csv, the scenario's `deferral` values where a cell is empty.
    mutating func deferralColumns(_ projects: DataTable, scenario: Scenario, records: inout [ProjectRecord]) {
        let defaults = scenario.deferral ?? DeferralSpec()
        for row in records.indices {
            records[row].deferMax = wholeNumber(projects, row: row, column: "defer_max", least: 0) ?? defaults.deferMax
            records[row].deferPenalty =
                shareCell(projects, row: row, column: "defer_penalty") ?? defaults.deferPenalty
        }
    }

    /// `term_years` and `grace_years` of projects.csv; a grace not below the term on the same row is an error.
    mutating func loanTermColumns(_ projects: DataTable, records: inout [ProjectRecord]) {
        for row in records.indices {
            let term = wholeNumber(projects, row: row, column: "term_years", least: 1)
            let grace = wholeNumber(projects, row: row, column: "grace_years", least: 0)
            if let term, let grace, grace >= term {
                error(projects, row: row, column: "grace_years", "grace_years \(grace) must be below term_years \(term)")
            }
            records[row].termYears = term
            records[row].graceYears = grace
        }
    }

    /// `rate` (annual %) and `term_years` of banks.csv.
    mutating func loanTermColumns(_ banks: DataTable, records: inout [BankRecord]) {
        for row in records.indices {
            if let rate = cellNumber(banks, row: row, column: "rate") {
                if rate < 0 || rate > 100 {
                    error(banks, row: row, column: "rate", "rate \(formatNumber(rate)) must be an annual percentage from 0 to 100 (e.g. 3.45)")
                } else {
                    records[row].rate = rate
                }
            }
            records[row].termYears = wholeNumber(banks, row: row, column: "term_years", least: 1)
        }
    }

    /// A number in a free column: nil when the cell is empty or the table has no such column; an error when the
    /// cell is not a number.
    mutating func cellNumber(_ table: DataTable, row: Int, column: String) -> Double? {
        let value = table.value(column, row: row)
        if value.isMissing { return nil }
        if let number = value.number { return number }
        if let text = value.text {
            if text.isEmpty { return nil }
            if let number = parseCellNumber(Substring(text)) { return number }
        }
        error(table, row: row, column: column, "\(column) '\(value.description)' is not a number")
        return nil
    }

    /// A whole number of at least `least` (at most 100) in a free column.
    mutating func wholeNumber(_ table: DataTable, row: Int, column: String, least: Int) -> Int? {
        guard let number = cellNumber(table, row: row, column: column) else { return nil }
        guard number.rounded() == number, number >= Double(least), number <= 100 else {
            error(table, row: row, column: column, "\(column) \(formatNumber(number)) must be a whole number from \(least) to 100")
            return nil
        }
        return Int(number)
    }

    /// A share in [0, 1] in a free column.
    mutating func shareCell(_ table: DataTable, row: Int, column: String) -> Double? {
        guard let number = cellNumber(table, row: row, column: column) else { return nil }
        guard number >= 0, number <= 1 else {
            error(table, row: row, column: column, "\(column) \(formatNumber(number)) must lie in [0, 1] (a share, e.g. 0.05 for 5%)")
            return nil
        }
        return number
    }
}
