/// A cell's place in a worksheet: 0-based row and column, written `F12` (column letters, 1-based row).
///
/// SpreadsheetML names cells in A1 style (`r="F12"`); the reader uses it to place cells that skip empty
/// ones, the writer to name what it writes, and error messages to show the cell a user opens in Excel.
public struct CellReference: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Excel's last column (XFD) and last row.
    public static let maxColumns = 16_384
    public static let maxRows = 1_048_576

    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// Parses `F12`, `$F$12` or `xfd1048576` (letters are case-insensitive); nil for anything else,
    /// including cells outside Excel's grid.
    public init?(_ text: some StringProtocol) {
        var column = 0
        var row = 0
        var letters = 0
        var digits = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "$"):
                continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                guard digits == 0, letters < 3 else { return nil }
                column = column * 26 + Int((byte & 0xDF) - UInt8(ascii: "A")) + 1
                letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard letters > 0, digits < 7 else { return nil }
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            default:
                return nil
            }
        }
        guard letters > 0, digits > 0, row >= 1, row <= Self.maxRows, column <= Self.maxColumns else { return nil }
        self.init(row: row - 1, column: column - 1)
    }

    /// The column's letters: 0 → `A`, 25 → `Z`, 26 → `AA`.
    public static func columnLetters(_ column: Int) -> String {
        var letters: [UInt8] = []
        var rest = column + 1
        while rest > 0 {
            let digit = (rest - 1) % 26
            letters.append(UInt8(ascii: "A") + UInt8(digit))
            rest = (rest - 1) / 26
        }
        return String(decoding: letters.reversed(), as: UTF8.self)
    }

    public var description: String { Self.columnLetters(column) + String(row + 1) }

    public static func < (lhs: CellReference, rhs: CellReference) -> Bool {
        (lhs.row, lhs.column) < (rhs.row, rhs.column)
    }
}
