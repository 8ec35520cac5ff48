/// An `.xlsx` workbook opened for reading its sheets as tables.
///
/// Opening reads the package relationships, the sheet list (`xl/workbook.xml`, each sheet found through its
/// relationship id, whatever its part is called), the cell styles that show dates and the shared strings.
/// ``table(sheet:)`` then streams one sheet. Cells read as a CSV export of the sheet would hold them:
/// - numbers (`n`) as the shortest decimal text that reads back as the same number, whole numbers without `.0`;
///   a number in a date style (built-in formats 14–22, 27–36, 45–47, 50–58, or a custom format with `y`, `m`,
///   `d`, `h` or `s` outside quotes and brackets) as its ISO date `YYYY-MM-DD` (1900 date system with Excel's
///   1900-02-29, or the 1904 system when the workbook says so);
/// - shared strings (`s`) and inline strings (`inlineStr`) as their text, rich-text runs joined, phonetic
///   guides left out; formula strings (`str`) as their text; booleans (`b`) as `TRUE`/`FALSE`; ISO dates (`d`)
///   as their date;
/// - formulas by their saved result; a formula without one, an error value (`#N/A`) or a reference to a
///   missing shared string is a problem at its cell.
///
/// Damaged zips, zip bombs, missing parts, malformed XML and unknown sheet names are thrown as
/// ``WorkbookError``s; nothing reads past the limits of ``WorkbookArchive``.
public final class WorkbookReader {
    private let archive: WorkbookArchive
    private let parts: WorkbookIndex

    public init(path: String) throws(WorkbookError) {
        archive = try WorkbookArchive(path: path)
        parts = try WorkbookIndex(archive)
    }

    /// The sheets' names, in the workbook's order.
    public var sheetNames: [String] { parts.sheets.map(\.name) }

    /// The sheet called `sheet` (the first sheet when nil) as a table; nil when the sheet is empty.
    public func table(sheet: String?) throws(WorkbookError) -> SheetTable? {
        guard let first = parts.sheets.first else { throw WorkbookError("the workbook has no sheets") }
        let chosen: WorkbookIndex.Sheet
        if let sheet {
            guard let found = parts.sheets.first(where: { $0.name == sheet }) else {
                let names = sheetNames.map { "'\($0)'" }.joined(separator: ", ")
                throw WorkbookError("the workbook has no sheet '\(sheet)' (its sheets: \(names))")
            }
            chosen = found
        } else {
            chosen = first
        }
        guard archive.contains(chosen.path) else {
            throw WorkbookError("the sheet's part \(chosen.path) is missing; the workbook is damaged", sheet: chosen.name)
        }
        var reader = SheetReader(parts: parts, sheet: chosen.name)
        try archive.scan(chosen.path) { scanner, token throws(WorkbookError) in try reader.take(token, scanner) }
        return reader.builder.finish()
    }
}
