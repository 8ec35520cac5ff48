import Testing

@testable import Spreadsheet

/// The reader's pieces: date serials and number texts, date formats, and the XML scanner fed in any chunks.
@Suite struct ReaderPartsTests {
    @Test(arguments: [
        (1.0, false, "1900-01-01"), (59.0, false, "1900-02-28"), (61.0, false, "1900-03-01"),
        (44651.0, false, "2022-03-31"), (44651.75, false, "2022-03-31"), (2_958_465.0, false, "9999-12-31"),
        (0.0, true, "1904-01-01"), (43189.0, true, "2022-03-31"),
    ])
    func dateSerials(serial: Double, date1904: Bool, expected: String) {
        #expect(CellText.date(serial: serial, date1904: date1904) == expected)
    }

    /// Excel's 1900-02-29 (serial 60), serials before the first day and past 9999 are no dates.
    @Test func serialsThatAreNoDays() {
        #expect(CellText.date(serial: 60, date1904: false) == nil)
        #expect(CellText.date(serial: 0, date1904: false) == nil)
        #expect(CellText.date(serial: -1, date1904: true) == nil)
        #expect(CellText.date(serial: 2_958_466, date1904: false) == nil)
        #expect(CellText.date(serial: .nan, date1904: false) == nil)
    }

    @Test func numberTexts() {
        // Excel writes 17 significant digits; the shortest text of the same number is kept.
        #expect(CellText.number("2872.8000000000002") == "2872.8")
        #expect(CellText.number("0.10000000000000001") == "0.1")
        #expect(CellText.number("2872.7999999999997") == "2872.7999999999997")
        #expect(CellText.number("1504") == "1504")
        #expect(CellText.number("1.5E+3") == "1500")
        #expect(CellText.number("-0") == "0")
        #expect(CellText.number("0.30000000000000004") == "0.30000000000000004")
        #expect(CellText.number("1e-7") == "1e-07")
        for bad in ["", "inf", "nan", "0x10", "1,5", "abc"] { #expect(CellText.number(bad) == nil, "\(bad)") }
    }

    @Test func dateFormats() {
        for code in ["yyyy-mm-dd", "yyyy\"年\"m\"月\"d\"日\"", "[$-804]yyyy年m月", "h:mm", "mm:ss", "d-mmm", "[h]:mm:ss"] {
            #expect(WorkbookIndex.isDateFormat(code), "\(code)")
        }
        for code in ["General", "0.00", "#,##0.00_);[Red](#,##0.00)", "0.0%", "\"day\"0", "\\d0", "0.00E+00", "@", "0;[Red]-0 \"d\""] {
            #expect(!WorkbookIndex.isDateFormat(code), "\(code)")
        }
        #expect(WorkbookIndex.builtInDateFormats.isSuperset(of: Set(14...22).union(45...47)))
        #expect(!WorkbookIndex.builtInDateFormats.contains(4))
    }

    static let document = Array(
        """
        <?xml version="1.0"?><!-- c --><x:root xmlns:x="urn:x"><x:c r="A1" t='s'>a &amp; b &#x4E2D;&#25991;<![CDATA[<raw>]]></x:c><e/></x:root>
        """.utf8)

    /// The tokens of `bytes` fed in chunks of `size`, as text.
    static func tokens(_ bytes: [UInt8], chunk size: Int) throws -> [String] {
        var scanner = XMLScanner()
        var out: [String] = []
        var start = 0
        repeat {
            let end = min(start + size, bytes.count)
            scanner.append(bytes[start..<end], final: end == bytes.count)
            while let token = try scanner.next() {
                switch token {
                case .start(let tag):
                    let attributes = try scanner.attributes(of: tag, ["r", "t"]).sorted { $0.key < $1.key }
                    out.append("<" + scanner.string(tag.name) + attributes.map { " \($0.key)=\($0.value)" }.joined() + ">")
                case .end(let name): out.append("</" + scanner.string(name) + ">")
                case .text(let range, let cdata): out.append(cdata ? scanner.string(range) : try scanner.decoded(range))
                }
            }
            start = end
        } while start < bytes.count
        return out
    }

    @Test func scannerGivesTheSameTokensWhateverTheChunks() throws {
        let whole = try Self.tokens(Self.document, chunk: Self.document.count)
        #expect(whole == ["<root>", "<c r=A1 t=s>", "a & b 中文", "<raw>", "</c>", "<e>", "</e>", "</root>"])
        for size in [1, 2, 3, 7, 16] {
            #expect(try Self.tokens(Self.document, chunk: size).joined() == whole.joined(), "chunks of \(size)")
        }
    }

    /// A byte-order mark, and white space and comments around the root, are allowed.
    @Test func documentFrame() throws {
        let text = [0xEF, 0xBB, 0xBF] + Array(" <?xml version=\"1.0\"?>\n<!-- a -->\n<a>x</a>\n<!-- b --> ".utf8)
        for size in [1, 2, 5, text.count] {
            #expect(try Self.tokens(text, chunk: size) == ["<a>", "x", "</a>"], "chunks of \(size)")
        }
    }

    @Test(arguments: [
        "<a><b></a>", "<a>", "<a></a><b/>", "<!DOCTYPE a [<!ENTITY x 'y'>]><a/>", "<a>&bogus;</a>", "<a x=1/>",
        "text<a/>", "", "<a><!-- open</a>",
    ])
    func malformedXMLIsAnError(text: String) {
        #expect(throws: XMLSyntaxError.self) {
            var scanner = XMLScanner()
            scanner.append(Array(text.utf8), final: true)
            while let token = try scanner.next() {
                if case .text(let range, false) = token { _ = try scanner.decoded(range) }
                if case .start(let tag) = token { _ = try scanner.attributes(of: tag, ["x"]) }
            }
        }
    }

    @Test func spreadsheetEscapes() {
        #expect(unescapingSpreadsheetCharacters("a_x000D_b") == "a\rb")
        #expect(unescapingSpreadsheetCharacters("_x005F_x0041_") == "_x0041_")
        #expect(unescapingSpreadsheetCharacters("a_xZZ_b") == "a_xZZ_b")
    }
}
