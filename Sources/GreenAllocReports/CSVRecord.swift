/// One CSV record as every CSV writer here writes it: RFC 4180 quoting, LF line end. (The generator, which
/// imports nothing of ours, keeps its own writer.)
public enum CSVRecord {
    /// One CSV record, LF-terminated.
    public static func line(_ cells: [String]) -> String {
        var text = ""
        append(cells, to: &text)
        return text
    }

    /// Appends one LF-terminated record to `text`.
    public static func append(_ cells: [String], to text: inout String) {
        for (index, cell) in cells.enumerated() {
            if index > 0 { text += "," }
            appendQuoted(cell, to: &text)
        }
        text += "\n"
    }

    /// RFC 4180: a cell containing a comma, a quote, CR or LF is enclosed in quotes, inner quotes doubled.
    public static func quoted(_ cell: String) -> String {
        var text = ""
        appendQuoted(cell, to: &text)
        return text
    }

    /// Appends `cell`, quoted when it needs to be (checked on its UTF-8 bytes).
    static func appendQuoted(_ cell: String, to text: inout String) {
        let plain = cell.utf8.allSatisfy {
            $0 != UInt8(ascii: ",") && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r")
        }
        if plain { return text += cell }
        text += "\""
        for character in cell {
            if character == "\"" { text += "\"\"" } else { text.append(character) }
        }
        text += "\""
    }
}
