/// A typed table read from CSV: one `Column` per header cell, every cell typed as scenario-format §4 says.
public struct DataTable: Sendable {
    public struct Column: Sendable {
        public var name: String
        public var type: ValueType
        public var values: [Value]
        /// 1-based column number in the file (for error messages).
        public var position: Int
        public init(name: String, type: ValueType, values: [Value], position: Int) {
            self.name = name
            self.type = type
            self.values = values
            self.position = position
        }
    }

    /// Path as the user wrote it (or as resolved), used in messages.
    public var file: String
    /// The worksheet the table was read from, nil for a CSV file; locations then name cells (`F12`).
    public var sheet: String?
    public var columns: [Column]
    /// 1-based file line of each data row (a quoted cell may span lines).
    public var rowLines: [Int]
    public private(set) var columnIndex: [String: Int]

    public init(file: String, columns: [Column], rowLines: [Int], sheet: String? = nil) {
        self.file = file
        self.sheet = sheet
        self.columns = columns
        self.rowLines = rowLines
        var index: [String: Int] = [:]
        for (position, column) in columns.enumerated() where index[column.name] == nil {
            index[column.name] = position
        }
        columnIndex = index
    }

    public var rowCount: Int { rowLines.count }

    public func column(_ name: String) -> Column? { columnIndex[name].map { columns[$0] } }

    public func value(_ name: String, row: Int) -> Value {
        guard let index = columnIndex[name] else { return .missing }
        return columns[index].values[row]
    }

    /// Location of a cell, for messages.
    public func location(row: Int, column name: String) -> SourceLocation {
        let position = columnIndex[name].map { columns[$0].position } ?? 1
        return location(line: rowLines[row], column: position)
    }

    public func location(row: Int) -> SourceLocation {
        location(line: rowLines[row], column: 1)
    }

    /// A place in the table's file (a cell of its sheet for a workbook).
    public func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column, sheet: sheet)
    }
}

/// The entities an expression can name (scenario-format §4).
public enum Entity: String, Sendable, Hashable, CaseIterable {
    case project, park, city, fund
}
