/// The workbook's shared string table (xl/sharedStrings.xml): every distinct text once, cells refer to it by
/// index. Chosen over inline strings because the sheets repeat the same texts on thousands of rows (cities,
/// parks, categories, reasons): the table keeps the file small, and it is what Excel and WPS themselves
/// write, so every reader handles it.
struct SharedStrings {
    private(set) var strings: [String] = []
    private var indices: [String: Int] = [:]
    /// The number of cells that refer to the table (the `count` attribute).
    private(set) var references = 0

    mutating func index(_ text: String) -> Int {
        references += 1
        if let index = indices[text] { return index }
        let index = strings.count
        strings.append(text)
        indices[text] = index
        return index
    }

    func xml() -> [UInt8] {
        var xml = XMLBytes(capacity: strings.count * 48 + 256)
        xml.raw(WorkbookParts.declaration)
        xml.raw("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"")
        xml.int(references)
        xml.raw("\" uniqueCount=\"")
        xml.int(strings.count)
        xml.raw("\">")
        for text in strings {
            xml.raw(XMLBytes.needsPreserve(text) ? "<si><t xml:space=\"preserve\">" : "<si><t>")
            xml.text(text)
            xml.raw("</t></si>")
        }
        xml.raw("</sst>")
        return xml.bytes
    }
}
