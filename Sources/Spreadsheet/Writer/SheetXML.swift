/// One worksheet part (xl/worksheets/sheetN.xml), in the element order CT_Worksheet requires: dimension,
/// sheetViews (the header row frozen), cols (widths), sheetData, autoFilter, dataValidations, pageMargins.
enum SheetXML {
    static func bytes(_ sheet: Sheet, selected: Bool, strings: inout SharedStrings) -> [UInt8] {
        let columns = max(sheet.columnCount, 1)
        let lastRow = sheet.rows.count + (sheet.total == nil ? 0 : 1)
        var xml = XMLBytes(capacity: 256 + sheet.rows.count * columns * 24)
        xml.raw(WorkbookParts.declaration)
        xml.raw("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" ")
        xml.raw("xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">")
        xml.raw("<dimension ref=\"A1:")
        xml.raw(CellReference(row: lastRow, column: columns - 1).description)
        xml.raw("\"/><sheetViews><sheetView workbookViewId=\"0\"")
        if selected { xml.raw(" tabSelected=\"1\"") }
        xml.raw("><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>")
        xml.raw("<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>")
        xml.raw("<sheetFormatPr defaultRowHeight=\"15\"/><cols>")
        for (index, width) in ColumnWidth.widths(sheet).enumerated() {
            xml.raw("<col min=\"")
            xml.int(index + 1)
            xml.raw("\" max=\"")
            xml.int(index + 1)
            xml.raw("\" width=\"")
            xml.int(width)
            xml.raw("\" customWidth=\"1\"/>")
        }
        xml.raw("</cols><sheetData>")
        row(sheet.header.map(Cell.text), at: 0, bold: true, into: &xml, strings: &strings)
        for (index, cells) in sheet.rows.enumerated() {
            row(cells, at: index + 1, bold: false, into: &xml, strings: &strings)
        }
        if let total = sheet.total { row(total, at: sheet.rows.count + 1, bold: true, into: &xml, strings: &strings) }
        xml.raw("</sheetData>")
        if sheet.autoFilter { xml.raw("<autoFilter ref=\"" + filterRange(sheet) + "\"/>") }
        validations(sheet.validations, into: &xml)
        xml.raw("<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>")
        xml.raw("</worksheet>")
        return xml.bytes
    }

    /// The header and data rows (`A1:F10`), without the total row.
    static func filterRange(_ sheet: Sheet) -> String {
        "A1:" + CellReference(row: sheet.rows.count, column: max(sheet.columnCount, 1) - 1).description
    }

    /// The first columns' letters as bytes, made once per workbook.
    private static let letters: [[UInt8]] = (0..<64).map { Array(CellReference.columnLetters($0).utf8) }

    private static func row(_ cells: [Cell], at index: Int, bold: Bool, into xml: inout XMLBytes, strings: inout SharedStrings) {
        xml.raw("<row r=\"")
        xml.int(index + 1)
        xml.raw("\">")
        func reference(_ column: Int) {
            xml.raw("<c r=\"")
            xml.bytes.append(contentsOf: column < letters.count ? letters[column] : Array(CellReference.columnLetters(column).utf8))
            xml.int(index + 1)
            xml.raw("\"")
        }
        for (column, cell) in cells.enumerated() {
            switch cell {
            case .empty:
                continue
            case .number(let value, let format):
                guard value.isFinite else { continue }
                reference(column)
                let style = format.styleIndex(bold: bold)
                if style != 0 {
                    xml.raw(" s=\"")
                    xml.int(style)
                    xml.raw("\"")
                }
                xml.raw("><v>")
                xml.number(value)
                xml.raw("</v></c>")
            case .text(let text):
                reference(column)
                if bold {
                    xml.raw(" s=\"")
                    xml.int(NumberFormat.plain.styleIndex(bold: true))
                    xml.raw("\"")
                }
                xml.raw(" t=\"s\"><v>")
                xml.int(strings.index(text))
                xml.raw("</v></c>")
            }
        }
        xml.raw("</row>")
    }

    private static func validations(_ lists: [DataValidationList], into xml: inout XMLBytes) {
        guard !lists.isEmpty else { return }
        xml.raw("<dataValidations count=\"")
        xml.int(lists.count)
        xml.raw("\">")
        for list in lists {
            let first = CellReference(row: list.rows.lowerBound, column: list.column).description
            let last = CellReference(row: list.rows.upperBound, column: list.column).description
            xml.raw("<dataValidation type=\"list\" allowBlank=\"1\" showErrorMessage=\"1\" sqref=\"\(first):\(last)\">")
            xml.raw("<formula1>")
            xml.text("\"" + list.values.joined(separator: ",") + "\"")
            xml.raw("</formula1></dataValidation>")
        }
        xml.raw("</dataValidations>")
    }
}
