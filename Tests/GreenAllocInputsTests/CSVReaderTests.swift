import GreenAllocCore
import GreenAllocInputs
import TestSupport
import Testing

@Suite struct CSVReaderRFC4180Tests {
    @Test func plainTable() throws {
        let parsed = try #require(table("id,name\n1,a\n2,b\n"))
        #expect(parsed.header == ["id", "name"])
        #expect(parsed.rows == [["1", "a"], ["2", "b"]])
        #expect(parsed.rowLines == [2, 3])
        #expect(parsed.encoding == "UTF-8")
        #expect(parsed.file == "t.csv")
    }

    @Test func quotedCellsHoldCommasQuotesAndLineBreaks() throws {
        let text = "id,note,x\n1,\"a, b\",2\n2,\"say \"\"hi\"\"\",3\n3,\"two\nlines\",4\n4,\"\",5\n5,\"\"\"\",6\n"
        let parsed = try #require(table(text))
        #expect(parsed.rows.map { $0[1] } == ["a, b", "say \"hi\"", "two\nlines", "", "\""])
        #expect(parsed.rows.map { $0[2] } == ["2", "3", "4", "5", "6"])
        #expect(parsed.rowLines == [2, 3, 4, 6, 7])
    }

    @Test func rowLinesAreWhereARecordStarts() throws {
        let parsed = try #require(table("a,b\n\"1\n2\n3\",x\n\"y\",\"p\r\nq\"\nlast,z"))
        #expect(parsed.rows == [["1\n2\n3", "x"], ["y", "p\r\nq"], ["last", "z"]])
        #expect(parsed.rowLines == [2, 5, 7])
    }

    @Test func lineEndsCRLFMixedAndLoneCR() throws {
        let lf = try #require(table("a,b\n1,2\n3,4\n"))
        let crlf = try #require(table("a,b\r\n1,2\r\n3,4\r\n"))
        let mixed = try #require(table("a,b\r\n1,2\n3,4\r\n"))
        let lone = try #require(table("a,b\r1,2\r3,4\r"))
        for parsed in [crlf, mixed, lone] {
            #expect(parsed.header == lf.header)
            #expect(parsed.rows == lf.rows)
            #expect(parsed.rowLines == [2, 3])
        }
    }

    @Test func finalLineEndIsOptional() throws {
        let parsed = try #require(table("a,b\n1,2"))
        #expect(parsed.rows == [["1", "2"]])
        let quoted = try #require(table("a,b\n1,\"2\""))
        #expect(quoted.rows == [["1", "2"]])
        let trailingComma = try #require(table("a,b\n1,"))
        #expect(trailingComma.rows == [["1", ""]])
    }

    @Test func blankLinesAreSkippedButKeepLineNumbers() throws {
        let parsed = try #require(table("\n\na,b\n\n1,2\r\n\r\n\n3,4\n\n"))
        #expect(parsed.header == ["a", "b"])
        #expect(parsed.rows == [["1", "2"], ["3", "4"]])
        #expect(parsed.rowLines == [5, 8])
    }

    @Test func aLineOfCommasIsARowOfMissingCells() throws {
        let parsed = try #require(table("a,b,c\n,,\n1,2,3\n"))
        #expect(parsed.rows == [["", "", ""], ["1", "2", "3"]])
    }

    @Test func shortRowsArePaddedWithMissingCells() throws {
        let parsed = try #require(table("a,b,c\n1\n1,2\n"))
        #expect(parsed.rows == [["1", "", ""], ["1", "2", ""]])
    }

    @Test func headerNamesAreTrimmedCellsAreNot() throws {
        let parsed = try #require(table("id ,\tname\t, 金额\u{3000}\n 1 , a ,2\n"))
        #expect(parsed.header == ["id", "name", "金额"])
        #expect(parsed.rows == [[" 1 ", " a ", "2"]])
    }

    @Test func headerOnlyIsAnEmptyTable() throws {
        let parsed = try #require(table("a,b\n"))
        #expect(parsed.header == ["a", "b"])
        #expect(parsed.rows.isEmpty)
        #expect(parsed.rowLines.isEmpty)
    }

    @Test func aVeryLongLine() throws {
        let long = String(repeating: "长", count: 200_000)  // 600 kB of UTF-8
        let parsed = try #require(table("a,b\n\(long),\"\(long)\"\nx,y\n"))
        #expect(parsed.rows[0] == [long, long])
        #expect(parsed.rows[1] == ["x", "y"])
        #expect(parsed.rowLines == [2, 3])
    }

    @Test func manyColumns() throws {
        let header = (1...2_000).map { "c\($0)" }.joined(separator: ",")
        let row = (1...2_000).map { "\($0)" }.joined(separator: ",")
        let parsed = try #require(table(header + "\n" + row + "\n"))
        #expect(parsed.header.count == 2_000)
        #expect(parsed.rows[0].last == "2000")
    }

    @Test func aGeneratedMegabyteTable() throws {
        var text = "id,name,amount,date,flag,note\n"
        var count = 0
        while text.utf8.count < 1 << 20 {
            count += 1
            text += "P\(count),项目\(count),\(Double(count) * 1.25),2022-01-0\(count % 9 + 1),\(count % 2 == 0),\"x, \"\"y\"\"\"\n"
        }
        let parsed = try #require(table(text))
        #expect(parsed.rows.count == count)
        #expect(parsed.rows[41] == ["P42", "项目42", "52.5", "2022-01-07", "true", "x, \"y\""])
        #expect(parsed.rowLines.last == count + 1)
    }
}

@Suite struct CSVReaderErrorTests {
    @Test func unterminatedQuoteAtTheLineWhereItOpens() {
        let found = errors("a,b\n1,2\n3,\"abc\n4,5\n6,7\n", file: "parks.csv")
        #expect(found.count == 1)
        #expect(found.first?.location == SourceLocation(file: "parks.csv", line: 3, column: 2))
        #expect(found.first?.message.hasPrefix("unterminated quoted cell") == true)
        #expect(found.first?.description.hasPrefix("parks.csv:3:2: error: unterminated quoted cell") == true)
    }

    @Test func quoteInsideAnUnquotedCell() {
        let found = errors("a,b,c\n1,2,3\n4,5 \"inch\",6\n")
        #expect(found.map(place) == ["3:2"])
        #expect(found.first?.message.contains("a quote (\") inside a cell that does not start with a quote") == true)
    }

    @Test func strayCharacterAfterClosingQuote() {
        let found = errors("a,b\n\"x\"y,2\n3,\"ok\" \n")
        #expect(found.map(place) == ["2:1", "3:2"])
        #expect(found.allSatisfy { $0.message.hasPrefix("unexpected character after the closing quote") })
    }

    @Test func syntaxErrorsNameThePhysicalLine() {
        // The record starts at line 2; the stray character is on line 3.
        let found = errors("a,b\n\"multi\nline\"x,2\n")
        #expect(found.map(place) == ["3:1"])
    }

    @Test func rowWithMoreCellsThanTheHeader() {
        let found = errors("a,b\n1,2\n1,2,3,4\n\"x\ny\",2,\n")
        #expect(found.map(place) == ["3:3", "4:3"])
        #expect(found.first?.message == "row has 4 cells but the header has 2 columns")
        #expect(found.last?.message == "row has 3 cells but the header has 2 columns")
    }

    @Test func emptyAndDuplicateHeaderNames() {
        let found = errors("\nid,name,,id , name\n1,2,3,4,5\n")
        #expect(found.map(place) == ["2:3", "2:4", "2:5"])
        #expect(found.map(\.message) == [
            "column 3 has an empty name in the header",
            "duplicate column name 'id' (also column 1)",
            "duplicate column name 'name' (also column 2)",
        ])
    }

    @Test func emptyFile() {
        for text in ["", "\n", "\r\n\r\n\n"] {
            let found = errors(text, file: "cities.csv")
            #expect(found.count == 1)
            #expect(found.first?.location == SourceLocation(file: "cities.csv", line: 1, column: 1))
            #expect(found.first?.message == "the file is empty: expected a header row with the column names")
        }
    }

    @Test func allErrorsAreCollected() {
        let found = errors("a,b\n1,2,3\nx\"y,2\n\"p\"q,r\n5,6,7\n")
        #expect(found.map(place) == ["2:3", "3:1", "4:1", "5:3"])
    }

    @Test func errorsAreCappedWithASummary() {
        let text = "a\n" + String(repeating: "1,2\n", count: 150)
        let found = errors(text)
        #expect(found.count == CSVReader.maximumDiagnostics + 1)
        #expect(found.last?.location == nil)
        #expect(found.last?.message == "t.csv: 50 more errors not shown; fix the ones above first")
    }

    @Test func nulByteIsBinary() {
        let found = errors(Array("a,b\n1,2\n3,".utf8) + [0, 1, 2] + Array("\n".utf8))
        #expect(found.map(place) == ["3:2"])
        #expect(found.first?.message.hasPrefix("this does not look like a CSV text file") == true)
    }

    @Test func binaryGarbage() {
        var generator = SplitMix64(seed: 42)
        let garbage = (0..<4096).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        let found = errors(garbage)
        #expect(found.count == 1)
        #expect(found.first?.message.hasPrefix("this does not look like a CSV text file") == true)
    }

    @Test func controlBytesWithoutNULAreBinary() {
        let bytes: [UInt8] = Array("a,b\n".utf8) + (0..<200).map { UInt8(1 + $0 % 8) }
        let found = errors(bytes)
        #expect(found.map(place) == ["2:1"])
        #expect(found.first?.message.hasPrefix("this does not look like a CSV text file") == true)
    }

    @Test func workbooksAndUTF16AreNamed() {
        let xlsx = errors([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00])
        #expect(xlsx.first?.message.contains("Excel .xlsx workbook") == true)
        let xls = errors([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
        #expect(xls.first?.message.contains("Excel .xls workbook") == true)
        let utf16 = errors([0xFF, 0xFE] + Array("a,b".utf8).flatMap { [$0, 0] })
        #expect(utf16.first?.message.contains("UTF-16") == true)
        #expect(utf16.map(place) == ["1:1"])
    }

    @Test func neitherUTF8NorGB18030() {
        // 0xFF is never valid in UTF-8 or GB18030.
        let bytes = Array("id,name\n1,ok\n2,".utf8) + [0xFF, 0xFE, 0x41] + Array("\n".utf8)
        let found = errors(bytes)
        #expect(found.map(place) == ["3:2"])
        #expect(found.first?.message == "the file is neither UTF-8 nor GB18030 text: byte 0xFF cannot be decoded; save it as CSV UTF-8")
    }

    @Test func byteOrderMarkThenInvalidUTF8() {
        let found = errors([0xEF, 0xBB, 0xBF] + Array("a,b\n1,".utf8) + [0xC4, 0xE3] + Array("\n".utf8))
        #expect(found.map(place) == ["2:2"])
        #expect(found.first?.message == "the file starts with a UTF-8 byte-order mark but byte 0xC4 is not valid UTF-8")
    }

    @Test func damagedUTF8IsNotReadAsGB18030() {
        // Chinese UTF-8 text, then a lone lead byte: GB18030 would decode it all into nonsense.
        let bytes = Array("编号,名称\n1,济南市\n2,".utf8) + [0xE6, 0x41] + Array("\n".utf8)
        let found = errors(bytes)
        #expect(found.map(place) == ["3:2"])
        #expect(found.first?.message.hasPrefix("the file is UTF-8 text up to here, but byte 0xE6 is not valid UTF-8") == true)
    }

    @Test func byteOrderMarkOnlyIsEmpty() {
        let found = errors([0xEF, 0xBB, 0xBF, 0x0D, 0x0A])
        #expect(found.map(\.message) == ["the file is empty: expected a header row with the column names"])
    }

    @Test func cellLargerThanTheLimit() {
        let big = String(repeating: "x", count: CSVReader.maximumCellBytes + 1)
        let found = errors("a,b\n1,\(big)\n2,\"\(big)\"\n3,4\n")
        #expect(found.map(place) == ["2:2", "3:2"])
        #expect(found.first?.message.hasPrefix("cell is larger than 1 MB") == true)
    }

    @Test func tooManyColumns() {
        let header = (1...CSVReader.maximumColumns + 1).map { "c\($0)" }.joined(separator: ",")
        let found = errors(header + "\n1\n")
        #expect(found.map(place) == ["1:16385"])
        #expect(found.first?.message == "the header has 16385 columns; at most 16384 are accepted")
    }

    @Test func quotedHeaderNames() throws {
        let parsed = try #require(table("\"id\",\" 名称 \",\"a,b\"\n1,2,3\n"))
        #expect(parsed.header == ["id", "名称", "a,b"])
    }

    @Test func fileNotFound() throws {
        let result = CSVReader.read(path: "/nonexistent/greenalloc/parks.csv", displayName: "data/parks.csv")
        guard case .failure(let errors) = result else {
            Issue.record("expected an error")
            return
        }
        #expect(errors.diagnostics.count == 1)
        #expect(errors.diagnostics.first?.location == SourceLocation(file: "data/parks.csv", line: 1, column: 1))
        #expect(errors.diagnostics.first?.message == "cannot read the file: No such file or directory")
    }

    @Test func directoryIsNotAFile() {
        guard case .failure(let errors) = CSVReader.read(path: "/tmp", displayName: "tmp") else {
            Issue.record("expected an error")
            return
        }
        #expect(errors.diagnostics.first?.message == "cannot read the file: it is a directory, not a CSV file")
    }
}
