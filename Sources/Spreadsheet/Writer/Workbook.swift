
/// Why a workbook could not be written: a sheet name Excel refuses, or a validation list it cannot hold.
public enum WorkbookWriteError: Error, Sendable, Hashable, CustomStringConvertible {
    case invalidSheetName(String, reason: String)
    case invalidValidationList(sheet: String, column: Int, reason: String)
    case zip(String)

    public var description: String {
        switch self {
        case .invalidSheetName(let name, let reason): "sheet name \"\(name)\" cannot be used: \(reason)"
        case .invalidValidationList(let sheet, let column, let reason):
            "the list of allowed values for column \(CellReference.columnLetters(column)) of sheet \"\(sheet)\" \(reason)"
        case .zip(let message): "cannot write the workbook: \(message)"
        }
    }
}

/// A workbook to write as .xlsx (Office Open XML SpreadsheetML), valid for Excel, WPS and LibreOffice.
///
/// `bytes()` renders every part straight into UTF-8 byte buffers and zips them (deflate, parts compressed in
/// parallel; see `ZipArchive`).
/// The same sheets give the same bytes: every zip entry carries `date` as its time stamp, and docProps/core.xml
/// states `date` as created and modified, so nothing depends on the clock.
public struct Workbook: Sendable {
    /// The default fixed date: 2000-01-01 00:00:00 UTC.
    public static let fixedDate = "2000-01-01T00:00:00Z"

    public var sheets: [Sheet]
    public var title: String
    /// `YYYY-MM-DDThh:mm:ssZ`, used for the zip entries and the document properties.
    public var date: String

    public init(sheets: [Sheet], title: String = "", date: String = Workbook.fixedDate) {
        self.sheets = sheets
        self.title = title
        self.date = date
    }

    /// The .xlsx file's bytes.
    public func bytes() throws -> [UInt8] {
        try validate()
        var strings = SharedStrings()
        var parts: [(String, [UInt8])] = [
            ("[Content_Types].xml", WorkbookParts.contentTypes(sheets: sheets.count)),
            ("_rels/.rels", WorkbookParts.rootRelationships()),
            ("docProps/app.xml", WorkbookParts.app()),
            ("docProps/core.xml", WorkbookParts.core(title: title, date: date)),
            ("xl/workbook.xml", WorkbookParts.workbook(sheets)),
            ("xl/_rels/workbook.xml.rels", WorkbookParts.workbookRelationships(sheets: sheets.count)),
            ("xl/styles.xml", WorkbookParts.styles()),
        ]
        for (index, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", SheetXML.bytes(sheet, selected: index == 0, strings: &strings)))
        }
        parts.append(("xl/sharedStrings.xml", strings.xml()))
        return try zip(parts)
    }

    /// Excel's rules: 1–31 characters, none of `[ ] : * ? / \`, no apostrophe at either end, unique ignoring case.
    func validate() throws {
        guard !sheets.isEmpty else { throw WorkbookWriteError.invalidSheetName("", reason: "a workbook needs at least one sheet") }
        var seen: Set<String> = []
        for sheet in sheets {
            let name = sheet.name
            if name.isEmpty || name.utf16.count > 31 {
                throw WorkbookWriteError.invalidSheetName(name, reason: "it must have 1 to 31 characters")
            }
            if let bad = name.first(where: { "[]:*?/\\".contains($0) }) {
                throw WorkbookWriteError.invalidSheetName(name, reason: "it contains \"\(bad)\"")
            }
            if name.hasPrefix("'") || name.hasSuffix("'") {
                throw WorkbookWriteError.invalidSheetName(name, reason: "it begins or ends with an apostrophe")
            }
            if name.unicodeScalars.contains(where: { $0.value < 0x20 }) {
                throw WorkbookWriteError.invalidSheetName(name, reason: "it contains a control character")
            }
            guard seen.insert(name.lowercased()).inserted else {
                throw WorkbookWriteError.invalidSheetName(name, reason: "another sheet has the same name")
            }
            for list in sheet.validations { try validate(list, sheet: name) }
        }
    }

    private func validate(_ list: DataValidationList, sheet: String) throws {
        func fail(_ reason: String) -> WorkbookWriteError {
            .invalidValidationList(sheet: sheet, column: list.column, reason: reason)
        }
        if list.values.isEmpty { throw fail("is empty") }
        if list.values.contains(where: { $0.contains(",") || $0.contains("\"") }) { throw fail("has a value with , or \"") }
        if list.values.joined(separator: ",").utf16.count > 255 { throw fail("is longer than Excel's 255 characters") }
        if list.column < 0 || list.column >= CellReference.maxColumns || list.rows.lowerBound < 0
            || list.rows.upperBound >= CellReference.maxRows
        {
            throw fail("lies outside the sheet")
        }
    }

    private func zip(_ parts: [(String, [UInt8])]) throws -> [UInt8] {
        try ZipArchive.bytes(parts.map { (path: $0.0, bytes: $0.1) }, stamp: ZipArchive.Stamp(date))
    }
}
