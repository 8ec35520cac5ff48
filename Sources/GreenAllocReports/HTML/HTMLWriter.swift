import Charts

/// Writes a `ReportDocument` as XHTML-compatible HTML into one growing string: chapters as sections, lines
/// as paragraphs, list items and quotes (read back from their Markdown spelling), tables with a repeated
/// header, and the charts `ReportCharts` draws in the places the document marks.
struct HTMLWriter {
    /// The report's charts (nil for a page without charts, as explain.html, or whose document carries its
    /// figures drawn, as sweep.html's does).
    let charts: ReportCharts?
    var html = ""
    /// The open list or quote (`ul`, `ol`, `blockquote`), closed by the next block of another kind.
    private var openGroup: String?
    private var inChapter = false

    init(charts: ReportCharts?) {
        self.charts = charts
    }

    mutating func page(_ document: ReportDocument, title: String, language: ReportLanguage) {
        html.reserveCapacity(document.blocks.count * 160 + 64_000)
        html += "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\""
            + language.pick("zh-CN", "en") + "\">\n<head>\n<meta charset=\"utf-8\"/>\n"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>"
        appendEscaped(title)
        html += "</title>\n<style>\n" + ReportHTML.style + "\n</style>\n</head>\n<body>\n"
        let opensPage = Self.chaptersOpeningAPage(document)
        for (index, block) in document.blocks.enumerated() {
            if case .heading = block, opensPage.contains(index) { html += "<div class=\"page-break\"></div>\n" }
            write(block)
        }
        closeGroup()
        if inChapter { html += "</section>\n" }
        html += "</body>\n</html>\n"
    }

    /// The chapters (by the index of their heading) that start on a new page: those with a chart or a table of
    /// more than 12 rows, but not the first, which follows the summary. Short chapters follow the one before,
    /// so that no page holds a line alone.
    static func chaptersOpeningAPage(_ document: ReportDocument) -> Set<Int> {
        var result = Set<Int>()
        var current: Int?
        var first = true
        for (index, block) in document.blocks.enumerated() {
            var large = false
            switch block {
            case .heading:
                current = first ? nil : index
                first = false
            case .chart, .figure: large = true
            case .table(let table): large = table.rows.count > 12
            default: break
            }
            if large, let current { result.insert(current) }
        }
        return result
    }

    private mutating func write(_ block: ReportDocument.Block) {
        switch block {
        case .title(let title):
            closeGroup()
            html += "<h1>"
            appendInline(title)
            html += "</h1>\n"
        case .heading(let heading):
            closeGroup()
            if inChapter { html += "</section>\n" }
            inChapter = true
            html += "<section class=\"chapter\">\n<h2>"
            appendInline(heading)
            html += "</h2>\n"
        case .subheading(let heading):
            closeGroup()
            html += "<h3>"
            appendInline(heading)
            html += "</h3>\n"
        case .line(let line): write(line: line)
        case .blank: closeGroup()
        case .table(let table):
            closeGroup()
            write(table)
        case .chart(let kind):
            closeGroup()
            for figure in charts?.figures(kind) ?? [] { write(figure) }
        case .figure(let figure):
            closeGroup()
            write(figure)
        }
    }

    /// A line: `- ` and `1. ` items gather into lists, `> ` lines into a quote, any other line is a paragraph.
    private mutating func write(line: String) {
        let text = line.trimmingTrailingNewlines()
        if text.hasPrefix("- ") {
            group("ul")
            html += "<li>"
            appendInline(String(text.dropFirst(2)))
            html += "</li>\n"
        } else if let item = Self.numberedItem(text) {
            group("ol")
            html += "<li>"
            appendInline(item)
            html += "</li>\n"
        } else if text.hasPrefix("> ") {
            group("blockquote")
            html += "<p>"
            appendInline(String(text.dropFirst(2)))
            html += "</p>\n"
        } else {
            closeGroup()
            html += "<p>"
            appendInline(text)
            html += "</p>\n"
        }
    }

    /// The text of a `12. text` line, nil for any other line.
    static func numberedItem(_ line: String) -> String? {
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, line.dropFirst(digits.count).hasPrefix(". ") else { return nil }
        return String(line.dropFirst(digits.count + 2))
    }

    private mutating func group(_ element: String) {
        if openGroup == element { return }
        closeGroup()
        openGroup = element
        html += "<" + element + ">\n"
    }

    private mutating func closeGroup() {
        guard let element = openGroup else { return }
        html += "</" + element + ">\n"
        openGroup = nil
    }

    private mutating func write(_ table: MarkdownTable) {
        html += "<table>\n<thead>\n<tr>"
        for (index, cell) in table.header.enumerated() {
            html += table.numeric.contains(index) ? "<th class=\"num\">" : "<th>"
            appendInline(cell)
            html += "</th>"
        }
        html += "</tr>\n</thead>\n<tbody>\n"
        for row in table.rows {
            html += Self.isTotal(row) ? "<tr class=\"total\">" : "<tr>"
            for (index, cell) in row.enumerated() {
                html += table.numeric.contains(index) ? "<td class=\"num\">" : "<td>"
                appendInline(cell)
                html += "</td>"
            }
            html += "</tr>\n"
        }
        html += "</tbody>\n</table>\n"
    }

    /// A row of sums: its first or third cell says so (合计 / total).
    static func isTotal(_ row: [String]) -> Bool {
        let marks: Set<String> = ["合计", "Total", "total"]
        return (row.first.map(marks.contains) ?? false) || (row.count > 2 && marks.contains(row[2]))
    }

    private mutating func write(_ figure: ReportFigure) {
        html += "<figure class=\"chart\" id=\"" + figure.id + "\">\n" + figure.svg + "<figcaption>"
        appendEscaped(figure.reading)
        html += "</figcaption>\n</figure>\n"
    }

    /// `text` escaped, with Markdown's `` `code` `` and `**bold**` pairs as `code` and `strong` (read on the
    /// UTF-8 bytes; a mark without its pair stays as it is).
    private mutating func appendInline(_ text: String) {
        guard text.utf8.contains(where: { $0 == Self.backtick || $0 == Self.star }) else { return appendEscaped(text) }
        let bytes = Array(text.utf8)
        var start = 0, index = 0
        while index < bytes.count {
            let length = bytes[index] == Self.backtick ? 1 : (bytes[index] == Self.star && bytes.indices.contains(index + 1)
                && bytes[index + 1] == Self.star ? 2 : 0)
            guard length > 0, let close = Self.find(bytes[index..<index + length], in: bytes, from: index + length) else {
                index += 1
                continue
            }
            let element = length == 1 ? "code" : "strong"
            appendEscaped(String(decoding: bytes[start..<index], as: UTF8.self))
            html += "<" + element + ">"
            appendEscaped(String(decoding: bytes[(index + length)..<close], as: UTF8.self))
            html += "</" + element + ">"
            index = close + length
            start = index
        }
        appendEscaped(String(decoding: bytes[start...], as: UTF8.self))
    }

    static let backtick = UInt8(ascii: "`"), star = UInt8(ascii: "*")

    /// Where `mark` next occurs in `bytes` from `start` on.
    static func find(_ mark: ArraySlice<UInt8>, in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + mark.count <= bytes.count {
            if bytes[index..<index + mark.count].elementsEqual(mark) { return index }
            index += 1
        }
        return nil
    }

    private mutating func appendEscaped(_ text: String) {
        HTMLText.append(text, to: &html)
    }
}

/// XML escaping for text and attribute values, as the charts escape theirs (`SVGCanvas.escaped`: `&`, `<`,
/// `>`, quotes; the characters XML 1.0 forbids dropped), so the page always parses. Text without any of
/// these is appended as it is.
enum HTMLText {
    static func append(_ text: String, to html: inout String) {
        html += needsEscaping(text) ? SVGCanvas.escaped(text) : text
    }

    /// Whether `text` holds a character to escape or drop (checked on its UTF-8 bytes; U+FFFE and U+FFFF
    /// are EF BF BE and EF BF BF).
    static func needsEscaping(_ text: String) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""): return true
            case 0x09, 0x0A, 0x0D: break
            case 0xBE, 0xBF: if previous == (0xEF, 0xBF) { return true }
            default: if byte < 0x20 { return true }
            }
            previous = (previous.1, byte)
        }
        return false
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var text = self
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
