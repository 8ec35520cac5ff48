/// A GitHub-flavoured Markdown table. Cells are escaped (`|` → `\|`, line breaks → spaces); the columns
/// listed in `numeric` are right-aligned.
public struct MarkdownTable {
    public var header: [String]
    public var numeric: Set<Int> = []
    public var rows: [[String]] = []

    public init(header: [String], numeric: Set<Int> = [], rows: [[String]] = []) {
        self.header = header
        self.numeric = numeric
        self.rows = rows
    }

    public mutating func add(_ row: [String]) { rows.append(row) }

    public func render() -> String {
        var text = ""
        Self.appendRow(header, to: &text)
        text += "\n|"
        for index in header.indices { text += numeric.contains(index) ? " ---: |" : " --- |" }
        text += "\n"
        for row in rows {
            Self.appendRow(row, to: &text)
            text += "\n"
        }
        return text
    }

    private static func appendRow(_ cells: [String], to text: inout String) {
        text += "| "
        for (index, cell) in cells.enumerated() {
            if index > 0 { text += " | " }
            appendEscaped(cell, to: &text)
        }
        text += " |"
    }

    /// Appends `cell` escaped; a cell without `|`, CR or LF (checked on its UTF-8 bytes) is appended as is.
    private static func appendEscaped(_ cell: String, to text: inout String) {
        if cell.isEmpty { return text += " " }
        let plain = cell.utf8.allSatisfy { $0 != UInt8(ascii: "|") && $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") }
        if plain { return text += cell }
        for character in cell {
            switch character {
            case "|": text += "\\|"
            case "\n", "\r", "\r\n": text += " "
            default: text.append(character)
            }
        }
    }
}
