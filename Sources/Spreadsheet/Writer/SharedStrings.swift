/// The workbook's shared string table (xl/sharedStrings.xml): every distinct text once, cells refer to it by
/// index. Chosen over inline strings because the sheets repeat the same texts on thousands of rows (cities,
/// parks, categories, reasons): the table keeps the file small, and it is what Excel and WPS themselves
/// write, so every reader handles it.
struct SharedStrings {
    private(set) var strings: [String] = []
    private var indices: [Key: Int] = [:]
    /// The number of cells that refer to the table (the `count` attribute).
    private(set) var references = 0

    mutating func index(_ text: String) -> Int {
        references += 1
        let key = Key(text: text)
        if let index = indices[key] { return index }
        let index = strings.count
        strings.append(text)
        indices[key] = index
        return index
    }

    /// A text compared and hashed by its UTF-8 bytes: String's own hashing normalizes every non-ASCII text
    /// (Unicode canonical equivalence) on each look-up, which the sheets' Chinese texts pay for on every row.
    /// Two spellings of one text (composed and decomposed) become two entries, each shown as written.
    struct Key: Hashable {
        let text: String

        static func == (left: Key, right: Key) -> Bool { left.text.utf8.elementsEqual(right.text.utf8) }

        func hash(into hasher: inout Hasher) {
            let done: Void? = text.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            if done == nil {
                for byte in text.utf8 { hasher.combine(byte) }
            }
        }
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
