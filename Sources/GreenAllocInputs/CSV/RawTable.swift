/// A CSV file as read, before any typing: the header names and every data row as raw strings.
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
    /// How the bytes were decoded: `"UTF-8"`, `"UTF-8 BOM"` or `"GB18030"`.
    public var encoding: String

    public init(file: String, header: [String], rows: [[String]], rowLines: [Int], encoding: String) {
        self.file = file
        self.header = header
        self.rows = rows
        self.rowLines = rowLines
        self.encoding = encoding
    }
}
