import GreenAllocCore
import Spreadsheet

/// What every workbook of the reports shares: names beside ids and total rows.
enum WorkbookCells {
    /// `名称（编号）` in Chinese, `name (id)` in English; the id alone when there is no name.
    static func labeled(_ name: String?, _ id: String, language: ReportLanguage) -> String {
        guard let name, !name.isEmpty, name != id else { return id }
        return language == .zh ? "\(name)（\(id)）" : "\(name) (\(id))"
    }

    /// A bold total row: `label` in the first column, the sum of the listed columns as written (money sums
    /// rounded to 0.0001 like every money cell); the caller fills any share column it needs.
    static func total(_ rows: [[Cell]], label: String, sums columns: [Int], width: Int) -> [Cell] {
        var cells = Array(repeating: Cell.empty, count: width)
        cells[0] = .text(label)
        for column in columns {
            var sum = 0.0
            var format = NumberFormat.money
            for row in rows where column < row.count {
                if case .number(let value, let cellFormat) = row[column] {
                    sum += value
                    format = cellFormat
                }
            }
            cells[column] = .number(format == .money ? MoneyFormat.rounded(sum) : sum, format)
        }
        return cells
    }
}
