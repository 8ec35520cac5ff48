import Spreadsheet
import Testing

@Suite struct CellReferenceTests {
    @Test(arguments: [
        ("A1", 0, 0), ("F12", 11, 5), ("Z1", 0, 25), ("AA1", 0, 26), ("AZ3", 2, 51), ("BA3", 2, 52),
        ("$C$7", 6, 2), ("xfd1048576", 1_048_575, 16_383),
    ])
    func parses(text: String, row: Int, column: Int) {
        #expect(CellReference(text) == CellReference(row: row, column: column))
    }

    @Test(arguments: ["", "A", "12", "1A", "A0", "XFE1", "A1048577", "A-1", "AAAA1", "A1B", "Ａ1"])
    func rejects(text: String) {
        #expect(CellReference(text) == nil)
    }

    @Test func lettersRoundTripOverTheWholeGrid() {
        for column in stride(from: 0, to: CellReference.maxColumns, by: 7) {
            let reference = CellReference(row: 41, column: column)
            #expect(CellReference(reference.description) == reference)
        }
        #expect(CellReference.columnLetters(16_383) == "XFD")
    }
}
