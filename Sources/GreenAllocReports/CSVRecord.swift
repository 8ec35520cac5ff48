/// One CSV record as every CSV writer here writes it: RFC 4180 quoting, LF line end. (The generator, which
/// imports nothing of ours, keeps its own writer.)
public enum CSVRecord {
    /// One CSV record, LF-terminated.
    public static func line(_ cells: [String]) -> String {
        cells.map(quoted).joined(separator: ",") + "\n"
    }

    /// RFC 4180: a cell containing a comma, a quote, CR or LF is enclosed in quotes, inner quotes doubled.
    public static func quoted(_ cell: String) -> String {
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
            return cell
        }
        var result = "\""
        for character in cell {
            result.append(character == "\"" ? "\"\"" : String(character))
        }
        return result + "\""
    }
}
