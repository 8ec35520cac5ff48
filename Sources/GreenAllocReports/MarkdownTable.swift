/// A GitHub-flavoured Markdown table. Cells are escaped (`|` → `\|`, line breaks → spaces); the columns
/// listed in `numeric` are right-aligned.
struct MarkdownTable {
    var header: [String]
    var numeric: Set<Int> = []
    var rows: [[String]] = []

    mutating func add(_ row: [String]) { rows.append(row) }

    func render() -> String {
        var lines = [Self.row(header)]
        lines.append("|" + header.indices.map { numeric.contains($0) ? " ---: |" : " --- |" }.joined())
        lines += rows.map(Self.row)
        return lines.joined(separator: "\n") + "\n"
    }

    static func row(_ cells: [String]) -> String {
        "| " + cells.map(escaped).joined(separator: " | ") + " |"
    }

    static func escaped(_ cell: String) -> String {
        var result = ""
        for character in cell {
            switch character {
            case "|": result += "\\|"
            case "\n", "\r", "\r\n": result += " "
            default: result.append(character)
            }
        }
        return result.isEmpty ? " " : result
    }
}
