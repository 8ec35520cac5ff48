/// A generated table: a header row and rows of already formatted cells, rendered as CSV in UTF-8 without a
/// byte-order mark, LF line ends and RFC 4180 quoting where a cell needs it.
public struct CSVTable: Sendable, Equatable {
    public var header: [String]
    public var rows: [[String]]

    public init(header: [String], rows: [[String]] = []) {
        self.header = header
        self.rows = rows
    }

    /// The CSV text, header first, each line ended by LF.
    public var text: String {
        var lines: [String] = []
        lines.reserveCapacity(rows.count + 1)
        lines.append(Self.line(header))
        for row in rows { lines.append(Self.line(row)) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The CSV bytes (UTF-8, no BOM).
    public var bytes: [UInt8] { Array(text.utf8) }

    /// The cells of one column by header name (empty when the column is absent).
    public func column(_ name: String) -> [String] {
        guard let index = header.firstIndex(of: name) else { return [] }
        return rows.map { $0[index] }
    }

    static func line(_ cells: [String]) -> String {
        cells.map(quoted).joined(separator: ",")
    }

    /// RFC 4180: a cell holding a comma, a double quote, CR or LF is enclosed in double quotes, with inner
    /// quotes doubled; any other cell is written as is.
    static func quoted(_ cell: String) -> String {
        let needsQuotes = cell.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }
        guard needsQuotes else { return cell }
        var result = "\""
        for character in cell {
            if character == "\"" { result.append("\"") }
            result.append(character)
        }
        result.append("\"")
        return result
    }
}
