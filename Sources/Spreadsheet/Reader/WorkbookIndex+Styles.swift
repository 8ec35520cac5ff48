/// The cell styles that show dates, and the shared strings.
extension WorkbookIndex {
    /// Built-in number formats that show a date or a time: 14–22 and 45–47, and the East Asian date formats
    /// 27–36 and 50–58 that Chinese Excel and WPS use without writing their codes.
    static let builtInDateFormats: Set<Int> = Set(14...22).union(27...36).union(45...47).union(50...58)

    static func dateStyles(_ archive: WorkbookArchive, path: String) throws(WorkbookError) -> [Bool] {
        var customDates: [Int: Bool] = [:]
        var formats: [Int] = []
        var inCellFormats = false
        try archive.scan(path) { scanner, token throws(WorkbookError) in
            switch token {
            case .start(let tag) where scanner.matches(tag.name, "numFmt"):
                let values = try attributes(scanner, tag, ["numFmtId", "formatCode"])
                if let id = values["numFmtId"].flatMap({ Int($0) }) {
                    customDates[id] = isDateFormat(values["formatCode"] ?? "")
                }
            case .start(let tag) where scanner.matches(tag.name, "cellXfs"):
                inCellFormats = true
            case .end(let name) where scanner.matches(name, "cellXfs"):
                inCellFormats = false
            case .start(let tag) where inCellFormats && scanner.matches(tag.name, "xf"):
                let id = try attributes(scanner, tag, ["numFmtId"])["numFmtId"].flatMap { Int($0) } ?? 0
                formats.append(id)
            default: break
            }
        }
        return formats.map { customDates[$0] ?? builtInDateFormats.contains($0) }
    }

    /// Whether a number format code shows a date or time: it has `y`, `m`, `d`, `h` or `s` outside quoted text,
    /// brackets (`[Red]`, `[$-804]`), escaped characters (`\d`) and spacing/fill characters (`_x`, `*x`).
    static func isDateFormat(_ code: String) -> Bool {
        var quoted = false
        var bracketed = false
        var skipNext = false
        for character in code.lowercased() {
            if skipNext {
                skipNext = false
                continue
            }
            if quoted {
                if character == "\"" { quoted = false }
                continue
            }
            if bracketed {
                if character == "]" { bracketed = false }
                continue
            }
            switch character {
            case "\"": quoted = true
            case "[": bracketed = true
            case "\\", "_", "*": skipNext = true
            case "y", "m", "d", "h", "s": return true
            case ";": return false  // the first section (positive numbers) decides
            default: continue
            }
        }
        return false
    }

    /// The shared strings, each the concatenation of its runs (`<r><t>`); phonetic guides (`<rPh>`) are left out.
    static func sharedStrings(_ archive: WorkbookArchive, path: String) throws(WorkbookError) -> [String] {
        var strings: [String] = []
        var collector = RichTextCollector()
        try archive.scan(path) { scanner, token throws(WorkbookError) in
            switch token {
            case .start(let tag) where scanner.matches(tag.name, "si"):
                collector = RichTextCollector()
            case .end(let name) where scanner.matches(name, "si"):
                strings.append(collector.text)
            default:
                try collector.take(token, scanner)
            }
        }
        return strings
    }
}

/// The text of a shared string or an inline string: `<t>` elements outside phonetic runs, `_xHHHH_` escapes
/// replaced.
struct RichTextCollector {
    private var parts: [String] = []
    private var inText = false
    private var phoneticDepth = 0

    var text: String { unescapingSpreadsheetCharacters(parts.joined()) }

    mutating func take(_ token: XMLScanner.Token, _ scanner: XMLScanner) throws(WorkbookError) {
        switch token {
        case .start(let tag):
            if scanner.matches(tag.name, "rPh") { phoneticDepth += 1 }
            if scanner.matches(tag.name, "t") { inText = phoneticDepth == 0 }
        case .end(let name):
            if scanner.matches(name, "rPh") { phoneticDepth -= 1 }
            if scanner.matches(name, "t") { inText = false }
        case .text(let range, let cdata):
            guard inText else { return }
            do { parts.append(cdata ? scanner.string(range) : try scanner.decoded(range)) } catch {
                throw WorkbookError("malformed XML in a string: \(error.message)")
            }
        }
    }
}
