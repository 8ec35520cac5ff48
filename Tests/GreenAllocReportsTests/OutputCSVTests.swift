import Foundation
import GreenAllocCore
@testable import GreenAllocReports
import Testing

@Suite struct OutputCSVTests {
    @Test func bytesStartWithTheUTF8ByteOrderMark() {
        let bytes = ProjectsCSV.bytes(OutputFixtures.feasible)
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(Array(bytes.dropFirst(3)) == Array(ProjectsCSV.render(OutputFixtures.feasible).utf8))
    }

    @Test func headerIsMachineReadableInEveryLanguage() {
        let expected = "id,name,park,city,fund,category,investment,request_2022,request_2023,funded,share,"
            + "subsidy_2022,subsidy_2023,subsidy_total,score,why,excluded_by,reasons"
        for language in ReportLanguage.allCases {
            let text = ProjectsCSV.render(OutputFixtures.feasible, language: language)
            #expect(text.split(separator: "\n").first.map(String.init) == expected)
        }
    }

    @Test func quotingFollowsRFC4180() {
        #expect(CSVRecord.quoted("plain 中文") == "plain 中文")
        #expect(CSVRecord.quoted("a,b") == "\"a,b\"")
        #expect(CSVRecord.quoted("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVRecord.quoted("two\nlines") == "\"two\nlines\"")
        #expect(CSVRecord.quoted("cr\r\nlf") == "\"cr\r\nlf\"")
        #expect(CSVRecord.line(["a", "b,c", ""]) == "a,\"b,c\",\n")
    }

    /// The byte-wise writer quotes exactly the cells the character-wise rule quotes, also where a comma or a
    /// quote is part of a larger character (a combining mark after it).
    @Test func byteWiseQuotingMatchesTheCharacterRule() {
        let cells = [
            "中文,逗号", "引\"号\"", "a\"\u{0301}b", ",\u{0301}", "\u{0600},x", "x\r\ny", "\"", "", "全角，逗号", "e\u{0301},",
        ]
        #expect(CSVRecord.line(cells) == cells.map(CSVRecord.quoted).joined(separator: ",") + "\n")
        let combined = "a\"\u{0301}b"  // the quote and the accent are one character: not quoted
        #expect(CSVRecord.quoted(combined) == combined)
    }

    @Test func everyRowHasTheHeadersWidth() {
        let text = ProjectsCSV.render(OutputFixtures.feasible)
        let records = parseCSV(text)
        #expect(records.count == 12)
        #expect(Set(records.map(\.count)) == [18])
        #expect(records[2][1] == "污水处理厂\"提标\",二期")
        #expect(records[6][1] == "VOCs治理\n二期（贷款）")
        #expect(records[4][16] == "撤销园区;禁申期")
        #expect(records[2][10] == "0.75")
        #expect(records[2][14] == String(1.0 / 3.0))
    }

    /// A minimal RFC 4180 reader for checking the writer.
    func parseCSV(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var cell = ""
        var quoted = false
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" { cell.append("\""); characters.removeFirst() } else { quoted = false }
                } else {
                    cell.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                record.append(cell); cell = ""
            } else if character == "\n" {
                record.append(cell); cell = ""
                records.append(record); record = []
            } else {
                cell.append(character)
            }
        }
        return records
    }
}
