/// A worksheet read as a table: the first non-empty row is the header, the non-empty rows below it the data.
///
/// Cells are the text a CSV export of the sheet would hold (``WorkbookReader`` says how each cell type reads), so
/// that the same typing applies to both. `columns[i]` is the sheet column (0-based) of `header[i]`;
/// `rowNumbers[r]` is the sheet row (0-based) of `rows[r]`, so `CellReference(row: rowNumbers[r], column:
/// columns[i])` is where `rows[r][i]` stands. Columns with no header name and no cells are left out; so are
/// empty rows. Cells that cannot be read are in `problems`, each with its sheet and cell.
public struct SheetTable: Sendable {
    public var sheet: String
    public var headerRow: Int
    public var header: [String]
    public var columns: [Int]
    public var rows: [[String]]
    public var rowNumbers: [Int]
    public var problems: [WorkbookError]

    public init(
        sheet: String, headerRow: Int, header: [String], columns: [Int], rows: [[String]], rowNumbers: [Int],
        problems: [WorkbookError]
    ) {
        self.sheet = sheet
        self.headerRow = headerRow
        self.header = header
        self.columns = columns
        self.rows = rows
        self.rowNumbers = rowNumbers
        self.problems = problems
    }
}

/// Builds a ``SheetTable`` from cells given row by row, in order.
struct SheetTableBuilder {
    let sheet: String
    /// Cells past this many problems are not reported one by one.
    static let maximumProblems = 100

    private var headerRow: Int?
    private var firstColumn = 0
    private var header: [String] = []
    private var rows: [[String]] = []
    private var rowNumbers: [Int] = []
    private(set) var problems: [WorkbookError] = []
    private var droppedProblems = 0

    private var row = -1
    private var pending: [(column: Int, text: String)] = []
    private var current: [String] = []
    private var currentFilled = false

    init(sheet: String) { self.sheet = sheet }

    mutating func problem(_ message: String, at cell: CellReference) {
        guard problems.count < Self.maximumProblems else {
            droppedProblems += 1
            return
        }
        problems.append(WorkbookError(message, sheet: sheet, cell: cell))
    }

    /// Starts sheet row `number` (0-based), ending the previous one.
    mutating func startRow(_ number: Int) {
        endRow()
        row = number
    }

    mutating func add(_ text: String, at cell: CellReference) {
        guard !text.isEmpty else { return }
        if cell.row != row { startRow(cell.row) }
        guard headerRow != nil else {
            pending.append((cell.column, text))
            return
        }
        let index = cell.column - firstColumn
        guard index >= 0, index < header.count else {
            let range = CellReference.columnLetters(firstColumn) + "–" + CellReference.columnLetters(firstColumn + header.count - 1)
            problem("the cell holds '\(text)' but lies outside the header's columns \(range)", at: cell)
            return
        }
        if !currentFilled {
            current = Array(repeating: "", count: header.count)
            currentFilled = true
        }
        current[index] = text
    }

    mutating func endRow() {
        if headerRow == nil, !pending.isEmpty {
            let first = pending.map(\.column).min() ?? 0
            let last = pending.map(\.column).max() ?? 0
            firstColumn = first
            header = Array(repeating: "", count: last - first + 1)
            for cell in pending { header[cell.column - first] = cell.text }
            headerRow = row
            pending = []
        } else if currentFilled {
            rows.append(current)
            rowNumbers.append(row)
            currentFilled = false
        }
    }

    /// The table; nil when the sheet has no cell at all.
    mutating func finish() -> SheetTable? {
        endRow()
        guard let headerRow else { return nil }
        if droppedProblems > 0 {
            problems.append(WorkbookError("\(droppedProblems) more cells cannot be read; fix the ones above first", sheet: sheet))
        }
        let kept = header.indices.filter { index in !header[index].isEmpty || rows.contains { !$0[index].isEmpty } }
        let keptRows = kept.count == header.count ? rows : rows.map { row in kept.map { row[$0] } }
        return SheetTable(
            sheet: sheet, headerRow: headerRow, header: kept.map { header[$0] }, columns: kept.map { $0 + firstColumn },
            rows: keptRows, rowNumbers: rowNumbers, problems: problems)
    }
}
