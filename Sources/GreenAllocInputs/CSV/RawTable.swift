public import GreenAllocCore

/// A CSV file or a workbook sheet as read, before any typing: the header names and every data row as raw strings.
///
/// Every row has exactly `header.count` cells (short rows are padded with empty cells); an empty string is a
/// missing value. `rowLines[i]` is the 1-based line on which data row `i` starts (a quoted cell may span
/// lines, so later rows can start further down than their index suggests).
public struct RawTable: Sendable {
    /// The file name used in messages (as the user wrote it).
    public var file: String
    /// Column names, with surrounding whitespace trimmed.
    public var header: [String]
    public var rows: [[String]]
    public var rowLines: [Int]
    /// How the bytes were decoded: `"UTF-8"`, `"UTF-8 BOM"` or `"GB18030"`; `"xlsx"` for a workbook sheet.
    public var encoding: String
    /// The 1-based line (sheet row) of the header.
    public var headerLine: Int
    /// The sheet of a workbook the table was read from; nil for a CSV file.
    public var sheet: String?
    /// The 1-based sheet column of each header cell (a sheet's table may skip empty columns); nil for CSV,
    /// whose columns are numbered from 1.
    public var positions: [Int]?

    public init(
        file: String, header: [String], rows: [[String]], rowLines: [Int], encoding: String, headerLine: Int = 1,
        sheet: String? = nil, positions: [Int]? = nil
    ) {
        self.file = file
        self.header = header
        self.rows = rows
        self.rowLines = rowLines
        self.encoding = encoding
        self.headerLine = headerLine
        self.sheet = sheet
        self.positions = positions
    }

    /// Where header cell `index` stands, for messages.
    public func headerLocation(_ index: Int) -> SourceLocation {
        let column = positions.flatMap { index < $0.count ? $0[index] : nil } ?? index + 1
        return SourceLocation(file: file, line: headerLine, column: column, sheet: sheet)
    }
}
