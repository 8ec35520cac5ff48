/// The small fixed parts of a workbook: content types, relationships, workbook.xml, styles.xml and the
/// document properties. Everything here depends only on the sheet names and the fixed date, never on the clock.
enum WorkbookParts {
    static let declaration: StaticString = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"

    static func contentTypes(sheets: Int) -> [UInt8] {
        var xml = XMLBytes()
        xml.raw(declaration)
        xml.raw("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">")
        xml.raw("<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>")
        xml.raw("<Default Extension=\"xml\" ContentType=\"application/xml\"/>")
        xml.raw("<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>")
        for index in 0..<sheets {
            xml.raw("<Override PartName=\"/xl/worksheets/sheet\(index + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>")
        }
        xml.raw("<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>")
        xml.raw("<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>")
        xml.raw("<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>")
        xml.raw("<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>")
        xml.raw("</Types>")
        return xml.bytes
    }

    static func rootRelationships() -> [UInt8] {
        var xml = XMLBytes()
        xml.raw(declaration)
        xml.raw("<Relationships xmlns=\"" + packageRelationships + "\">")
        xml.raw("<Relationship Id=\"rId1\" Type=\"" + relationships + "/officeDocument\" Target=\"xl/workbook.xml\"/>")
        xml.raw("<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>")
        xml.raw("<Relationship Id=\"rId3\" Type=\"" + relationships + "/extended-properties\" Target=\"docProps/app.xml\"/>")
        xml.raw("</Relationships>")
        return xml.bytes
    }

    /// xl/workbook.xml: the sheets in order (`rId1`…), and the hidden `_xlnm._FilterDatabase` name Excel
    /// keeps for each sheet with an autofilter.
    static func workbook(_ sheets: [Sheet]) -> [UInt8] {
        var xml = XMLBytes()
        xml.raw(declaration)
        xml.raw("<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"" + relationships + "\">")
        xml.raw("<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>")
        for (index, sheet) in sheets.enumerated() {
            xml.raw("<sheet name=\"")
            xml.attribute(sheet.name)
            xml.raw("\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>")
        }
        xml.raw("</sheets>")
        let filtered = sheets.enumerated().filter { $0.element.autoFilter }
        if !filtered.isEmpty {
            xml.raw("<definedNames>")
            for (index, sheet) in filtered {
                let range = SheetXML.filterRange(sheet).split(separator: ":").map { reference -> String in
                    let letters = reference.prefix { $0.isLetter }
                    return "$" + letters + "$" + reference.dropFirst(letters.count)
                }.joined(separator: ":")
                xml.raw("<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(index)\" hidden=\"1\">")
                xml.text("'" + sheet.name.replacingApostrophes() + "'!" + range)
                xml.raw("</definedName>")
            }
            xml.raw("</definedNames>")
        }
        xml.raw("<calcPr calcId=\"191029\"/></workbook>")
        return xml.bytes
    }

    static func workbookRelationships(sheets: Int) -> [UInt8] {
        var xml = XMLBytes()
        xml.raw(declaration)
        xml.raw("<Relationships xmlns=\"" + packageRelationships + "\">")
        for index in 0..<sheets {
            xml.raw("<Relationship Id=\"rId\(index + 1)\" Type=\"" + relationships + "/worksheet\" Target=\"worksheets/sheet\(index + 1).xml\"/>")
        }
        xml.raw("<Relationship Id=\"rId\(sheets + 1)\" Type=\"" + relationships + "/styles\" Target=\"styles.xml\"/>")
        xml.raw("<Relationship Id=\"rId\(sheets + 2)\" Type=\"" + relationships + "/sharedStrings\" Target=\"sharedStrings.xml\"/>")
        xml.raw("</Relationships>")
        return xml.bytes
    }

    /// xl/styles.xml: two fonts (regular, bold) and one cell style per number format, plain then bold, in
    /// `NumberFormat.styleIndex` order.
    static func styles() -> [UInt8] {
        var xml = XMLBytes()
        xml.raw(declaration)
        xml.raw("<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">")
        xml.raw("<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"0.0%\"/></numFmts>")
        xml.raw("<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"等线\"/><family val=\"2\"/><charset val=\"134\"/></font>")
        xml.raw("<font><b/><sz val=\"11\"/><name val=\"等线\"/><family val=\"2\"/><charset val=\"134\"/></font></fonts>")
        xml.raw("<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>")
        xml.raw("<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>")
        xml.raw("<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>")
        let formats = NumberFormat.allCases
        xml.raw("<cellXfs count=\"\(formats.count * 2)\">")
        for bold in [false, true] {
            for format in formats {
                let id = format.numberFormatID
                xml.raw("<xf numFmtId=\"\(id)\" fontId=\"\(bold ? 1 : 0)\" fillId=\"0\" borderId=\"0\" xfId=\"0\"")
                if id != 0 { xml.raw(" applyNumberFormat=\"1\"") }
                xml.raw(bold ? " applyFont=\"1\"/>" : "/>")
            }
        }
        xml.raw("</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>")
        xml.raw("</styleSheet>")
        return xml.bytes
    }

    /// docProps/core.xml: title, and created/modified set to the workbook's fixed date (not the clock).
    static func core(title: String, date: String) -> [UInt8] {
        var xml = XMLBytes()
        xml.raw(declaration)
        xml.raw("<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" ")
        xml.raw("xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" ")
        xml.raw("xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>")
        xml.text(title)
        xml.raw("</dc:title><dc:creator>greenalloc</dc:creator>")
        xml.raw("<dcterms:created xsi:type=\"dcterms:W3CDTF\">" + date + "</dcterms:created>")
        xml.raw("<dcterms:modified xsi:type=\"dcterms:W3CDTF\">" + date + "</dcterms:modified>")
        xml.raw("</cp:coreProperties>")
        return xml.bytes
    }

    static func app() -> [UInt8] {
        var xml = XMLBytes()
        xml.raw(declaration)
        xml.raw("<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">")
        xml.raw("<Application>greenalloc</Application></Properties>")
        return xml.bytes
    }
}

extension String {
    /// A sheet name inside a quoted reference: `'` doubled.
    func replacingApostrophes() -> String {
        var result = ""
        for character in self { result += character == "'" ? "''" : String(character) }
        return result
    }
}
