/// One CSV record as every CSV writer here writes it: RFC 4180 quoting, LF line end. (The generator, which
/// imports nothing of ours, keeps its own writer.)
public enum CSVRecord {
    /// One CSV record, LF-terminated.
    public static func line(_ cells: [String]) -> String {
        var bytes: [UInt8] = []
        append(cells, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends one LF-terminated record's UTF-8 bytes to `bytes`.
    public static func append(_ cells: [String], to bytes: inout [UInt8]) {
        for (index, var cell) in cells.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            let done = cell.withUTF8 { utf8 -> Bool in
                switch quoting(utf8) {
                case .none:
                    bytes.append(contentsOf: utf8)
                case .quotes:
                    bytes.append(UInt8(ascii: "\""))
                    for byte in utf8 {
                        bytes.append(byte)
                        if byte == UInt8(ascii: "\"") { bytes.append(byte) }
                    }
                    bytes.append(UInt8(ascii: "\""))
                case .byCharacter:
                    return false
                }
                return true
            }
            if !done { bytes.append(contentsOf: quoted(cell).utf8) }
        }
        bytes.append(UInt8(ascii: "\n"))
    }

    /// RFC 4180: a cell containing a comma, a quote, CR or LF is enclosed in quotes, inner quotes doubled.
    public static func quoted(_ cell: String) -> String {
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
            return cell
        }
        var result = "\""
        for character in cell {
            result.append(character == "\"" ? "\"\"" : String(character))
        }
        return result + "\""
    }

    enum Quoting { case none, quotes, byCharacter }

    /// How a cell's UTF-8 bytes are written: as they are, in quotes with `"` doubled, or (`byCharacter`)
    /// by `quoted`, when a `,` or `"` touches a non-ASCII byte and might be part of a larger character (a
    /// combining mark after it, a prepended mark before it), which the character-wise rule does not count.
    static func quoting(_ utf8: UnsafeBufferPointer<UInt8>) -> Quoting {
        var special = false
        for index in utf8.indices {
            switch utf8[index] {
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                special = true
            case UInt8(ascii: ","), UInt8(ascii: "\""):
                if index > 0, utf8[index - 1] >= 0x80 { return .byCharacter }
                if index + 1 < utf8.count, utf8[index + 1] >= 0x80 { return .byCharacter }
                special = true
            default:
                break
            }
        }
        return special ? .quotes : .none
    }
}
