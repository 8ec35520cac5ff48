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

    /// Appends one LF-terminated record's UTF-8 bytes to `bytes`.
    public static func append(_ cells: [String], to bytes: inout [UInt8]) {
        for (index, var cell) in cells.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            let plain = cell.withUTF8 { utf8 -> Bool in
                guard !utf8.contains(where: needsQuotes) else { return false }
                bytes.append(contentsOf: utf8)
                return true
            }
            if !plain {
                var quoted = ""
                appendQuoted(cell, to: &quoted)
                bytes.append(contentsOf: quoted.utf8)
            }
        }
        bytes.append(UInt8(ascii: "\n"))
    }

    private static func needsQuotes(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    /// RFC 4180: a cell containing a comma, a quote, CR or LF is enclosed in quotes, inner quotes doubled.
    public static func quoted(_ cell: String) -> String {
        var text = ""
        appendQuoted(cell, to: &text)
        return text
    }

    /// Appends `cell`, quoted when it needs to be (checked on its UTF-8 bytes).
    static func appendQuoted(_ cell: String, to text: inout String) {
        if !cell.utf8.contains(where: needsQuotes) { return text += cell }
        text += "\""
        for character in cell {
            if character == "\"" { text += "\"\"" } else { text.append(character) }
        }
        text += "\""
    }
}
