public import GreenAllocCore
internal import Spreadsheet

/// Reads tables from workbook sheets, opening each workbook once however many tables name it.
///
/// A sheet becomes a ``RawTable`` like a CSV file: its first non-empty row is the header (names trimmed; an
/// empty or repeated name is an error at its cell), the non-empty rows below it the data, each cell the text
/// a CSV export would hold, so that the same typing applies. Every error names the workbook, and the sheet
/// and cell when known: `library.xlsx[项目]!F12`.
public final class WorkbookTableReader {
    private var opened: [String: Result<WorkbookReader, WorkbookError>] = [:]

    public init() {}

    public func read(_ path: TablePath) -> Result<RawTable, InputErrors> {
        let result = opened[path.file] ?? Result { () throws(WorkbookError) in try WorkbookReader(path: path.file) }
        opened[path.file] = result
        let table: SheetTable?
        let workbook: WorkbookReader
        do {
            workbook = try result.get()
            table = try workbook.table(sheet: path.sheet)
        } catch {
            return .failure(InputErrors([diagnostic(error, file: path.file)]))
        }
        guard let table else {
            let sheet = path.sheet ?? workbook.sheetNames.first
            let location = SourceLocation(file: path.file, line: 1, column: 1, sheet: sheet)
            return .failure(InputErrors([.error(location, "the sheet is empty: expected a header row with the column names")]))
        }
        var diagnostics = table.problems.map { diagnostic($0, file: path.file) }
        let raw = RawTable(
            file: path.file, header: table.header.map(CSVReader.trimmingWhitespace), rows: table.rows,
            rowLines: table.rowNumbers.map { $0 + 1 }, encoding: "xlsx", headerLine: table.headerRow + 1,
            sheet: table.sheet, positions: table.columns.map { $0 + 1 })
        var first: [String: Int] = [:]
        for (index, name) in raw.header.enumerated() {
            if name.isEmpty {
                diagnostics.append(.error(raw.headerLocation(index), "the column has cells but no name in the header"))
            } else if let earlier = first[name] {
                diagnostics.append(
                    .error(raw.headerLocation(index), "duplicate column name '\(name)' (also \(raw.headerLocation(earlier)))"))
            } else {
                first[name] = index
            }
        }
        return diagnostics.isEmpty ? .success(raw) : .failure(InputErrors(diagnostics))
    }

    private func diagnostic(_ error: WorkbookError, file: String) -> Diagnostic {
        let location: SourceLocation
        if let sheet = error.sheet {
            let cell = error.cell ?? CellReference(row: 0, column: 0)
            location = SourceLocation(file: file, line: cell.row + 1, column: cell.column + 1, sheet: sheet)
        } else {
            location = SourceLocation(file: file, line: 1, column: 1)
        }
        return .error(location, error.message)
    }
}

extension RawTable {
    /// The header with the documented Chinese names replaced by the format's columns (``TableKind/columnName(forHeader:)``);
    /// two header cells that name the same column are an error at the second.
    public func namingColumns(for kind: TableKind) -> Result<RawTable, InputErrors> {
        var renamed = self
        renamed.header = header.map { kind.columnName(forHeader: $0) }
        var first: [String: Int] = [:]
        var diagnostics: [Diagnostic] = []
        for (index, name) in renamed.header.enumerated() {
            if let earlier = first[name] {
                diagnostics.append(
                    .error(
                        headerLocation(index),
                        "'\(header[index])' and '\(header[earlier])' (\(headerLocation(earlier))) both name the column '\(name)'"))
            } else {
                first[name] = index
            }
        }
        return diagnostics.isEmpty ? .success(renamed) : .failure(InputErrors(diagnostics))
    }
}
