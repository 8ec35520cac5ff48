/// Cells that do not fit their column's declared type (scenario-format §4 v1.1).
extension TableChecker {
    /// Reports, at its cell, every non-empty cell of a column `kind` declares that is not a value of the
    /// column's type: `'12o0' is not a number (investment)`, `'2023.5' is not a year (naming_year)`, `'soon'
    /// is not a date like 2025-06-30, 2025/6/30 or 2025年6月30日 (barred_until)`, `'yes' is not true/false or
    /// 是/否 (naming_prerequisite)`.
    /// Text columns take any text; the readers of enumerations report values outside them.
    mutating func cellTypes(_ table: DataTable, _ kind: TableKind) {
        for column in table.columns {
            guard let declared = kind.declaredColumn(named: column.name) else { continue }
            for (row, value) in column.values.enumerated() {
                guard let problem = cellProblem(value, declared.type) else { continue }
                let location = table.location(line: table.rowLines[row], column: column.position)
                diagnostics.append(.error(location, "\(problem) (\(column.name))"))
            }
        }
    }
}

/// What is wrong with a cell of a column declared `type`; nil for a value of the type or an empty cell.
private func cellProblem(_ value: Value, _ type: DeclaredType) -> String? {
    switch (type, value) {
    case (.number, .text(let text)): "'\(text)' is not a number"
    case (.year, .text(let text)): "'\(text)' is not a year"
    case (.year, .number(let number)) where year(number) == nil: "'\(formatNumber(number))' is not a year"
    case (.date, .text(let text)): "'\(text)' is not a date like 2025-06-30, 2025/6/30 or 2025年6月30日"
    case (.boolean, .text(let text)): "'\(text)' is not true/false or 是/否"
    default: nil
    }
}

/// A year is a whole number from 1 to 9999 (the years a date can have).
func year(_ number: Double) -> Int? {
    guard number == number.rounded(), number >= 1, number <= 9999 else { return nil }
    return Int(number)
}
