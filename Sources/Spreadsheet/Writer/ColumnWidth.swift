/// Column widths that fit their text, in Excel's unit (the width of one digit of the default font).
///
/// East Asian wide and full-width characters (CJK, kana, hangul, full-width forms) take two units; the width
/// of a number is that of its shown form (`12,345.60`, `37.5%`). A column is as wide as its widest cell plus
/// two units of margin, at least 6 and at most 60 (long reasons are cut off on screen, not in the cell).
enum ColumnWidth {
    static let minimum = 6
    static let maximum = 60

    static func widths(_ sheet: Sheet) -> [Int] {
        var widths = Array(repeating: 0, count: sheet.columnCount)
        func measure(_ row: [Cell]) {
            for (column, cell) in row.enumerated() where column < widths.count {
                widths[column] = max(widths[column], units(cell))
            }
        }
        for (column, title) in sheet.header.enumerated() { widths[column] = max(widths[column], units(title)) }
        for row in sheet.rows { measure(row) }
        if let total = sheet.total { measure(total) }
        return widths.map { min(max($0 + 2, minimum), maximum) }
    }

    static func units(_ cell: Cell) -> Int {
        switch cell {
        case .empty: 0
        case .text(let text): units(text)
        case .number(let value, let format): numberUnits(value, format)
        }
    }

    /// Display units of a text: 2 per wide character, 1 per other character; stops counting past the maximum.
    static func units(_ text: String) -> Int {
        var total = 0
        var scalar: UInt32 = 0
        var pending = 0
        // UTF-8 decoded by hand: texts are measured on every row.
        for byte in text.utf8 {
            if pending > 0 {
                scalar = scalar << 6 | UInt32(byte & 0x3F)
                pending -= 1
                if pending == 0 { total += isWide(scalar) ? 2 : 1 }
            } else if byte < 0x80 {
                total += 1
            } else if byte >= 0xF0 {
                scalar = UInt32(byte & 0x07)
                pending = 3
            } else if byte >= 0xE0 {
                scalar = UInt32(byte & 0x0F)
                pending = 2
            } else if byte >= 0xC0 {
                scalar = UInt32(byte & 0x1F)
                pending = 1
            }
            if total > maximum { break }
        }
        return total
    }

    /// East Asian Wide (W) and Fullwidth (F) ranges, as far as office text uses them.
    static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            true
        default:
            false
        }
    }

    /// The length of a number as its format shows it.
    static func numberUnits(_ value: Double, _ format: NumberFormat) -> Int {
        guard value.isFinite else { return 0 }
        let magnitude = abs(value)
        var digits = 1
        var bound = 10.0
        while magnitude >= bound, digits < 20 {
            digits += 1
            bound *= 10
        }
        let sign = value < 0 ? 1 : 0
        switch format {
        case .money: return sign + digits + (digits - 1) / 3 + 3
        case .share: return units(CellNumber.spelling(magnitude * 100)) + sign + 1
        case .integer: return sign + digits
        case .plain: return units(CellNumber.spelling(value))
        }
    }
}
