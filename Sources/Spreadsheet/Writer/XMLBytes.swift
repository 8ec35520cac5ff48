/// A UTF-8 byte buffer that XML parts are written into directly (no intermediate strings per cell).
///
/// `text` and `attribute` escape `&`, `<`, `>` (and `"` in attributes) and drop the characters XML 1.0 does not
/// allow (C0 controls other than tab, LF and CR, and U+FFFE/U+FFFF): a name pasted with a stray control
/// character still gives a workbook that opens.
struct XMLBytes {
    var bytes: [UInt8] = []

    init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

    /// Appends markup as it is (tags, attribute names, digits: nothing that needs escaping).
    mutating func raw(_ markup: StaticString) {
        markup.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends markup made at run time (numbers, cell references), assumed to need no escaping.
    mutating func raw(_ markup: String) {
        bytes.append(contentsOf: markup.utf8)
    }

    /// Appends character data, escaped.
    mutating func text(_ value: String) { escaped(value, quotes: false) }

    /// Appends an attribute value (without the surrounding quotes), escaped.
    mutating func attribute(_ value: String) { escaped(value, quotes: true) }

    /// Appends a number as `CellNumber` spells it, without making a string for the common cases.
    mutating func number(_ value: Double) {
        if let units = CellNumber.tenThousandths(value) {
            if units < 0 { bytes.append(UInt8(ascii: "-")) }
            let magnitude = units.magnitude
            int(Int(magnitude / 10_000))
            var fraction = Int(magnitude % 10_000)
            guard fraction > 0 else { return }
            var places = 4
            while fraction % 10 == 0 {
                fraction /= 10
                places -= 1
            }
            bytes.append(UInt8(ascii: "."))
            var divisor = 1
            for _ in 1..<places { divisor *= 10 }
            while divisor > 0 {
                bytes.append(UInt8(ascii: "0") + UInt8(fraction / divisor % 10))
                divisor /= 10
            }
        } else {
            raw(CellNumber.spelling(value))
        }
    }

    mutating func int(_ value: Int) {
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
            int(-value)
            return
        }
        if value >= 10 { int(value / 10) }
        bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
    }

    private mutating func escaped(_ value: String, quotes: Bool) {
        // Most texts need no escaping: copy their bytes at once.
        let plain = value.utf8.withContiguousStorageIfAvailable { buffer -> Bool in
            for index in buffer.indices {
                switch buffer[index] {
                case 0x00..<0x20, 0x22, 0x26, 0x3C, 0x3E: return false
                case 0xEF where index + 2 < buffer.count && buffer[index + 1] == 0xBF && buffer[index + 2] >= 0xBE:
                    return false
                default: continue
                }
            }
            bytes.append(contentsOf: buffer)
            return true
        }
        if plain == true { return }
        let utf8 = value.utf8
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            switch byte {
            case UInt8(ascii: "&"): raw("&amp;")
            case UInt8(ascii: "<"): raw("&lt;")
            case UInt8(ascii: ">"): raw("&gt;")
            case UInt8(ascii: "\"") where quotes: raw("&quot;")
            case 0x09, 0x0A, 0x0D: bytes.append(byte)
            case 0x00..<0x20: break
            case 0xEF:
                // U+FFFE and U+FFFF (EF BF BE / EF BF BF) are not XML characters.
                let next = utf8.index(after: index)
                let third = next == utf8.endIndex ? next : utf8.index(after: next)
                if next != utf8.endIndex, third != utf8.endIndex, utf8[next] == 0xBF, utf8[third] >= 0xBE {
                    index = third
                } else {
                    bytes.append(byte)
                }
            default: bytes.append(byte)
            }
            index = utf8.index(after: index)
        }
    }

    /// True when the text must keep its spaces (`xml:space="preserve"`): leading or trailing white space.
    static func needsPreserve(_ value: String) -> Bool {
        guard let first = value.utf8.first, let last = value.utf8.last else { return false }
        let space: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        return space(first) || space(last)
    }
}
