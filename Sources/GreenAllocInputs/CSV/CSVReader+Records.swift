/// The RFC 4180 tokenizer: scans UTF-8 bytes directly and cuts records into cells.
struct RecordScanner {
    struct Records {
        var header: [String]?
        var headerLine = 1
        var rows: [[String]] = []
        var rowLines: [Int] = []
    }

    private static let comma = UInt8(ascii: ",")
    private static let quote = UInt8(ascii: "\"")
    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    /// The physical line of `index` (LF, CRLF and a lone CR each end a line).
    private var line = 1
    /// Scratch space for quoted cells with doubled quotes.
    private var unescaped: [UInt8] = []

    private init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// Scans every record. The first non-empty record is the header. Cells past the header's width are
    /// counted and reported, not kept. Stops at an unterminated quoted cell (it swallows the rest of the file)
    /// and at a limit on size.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, sink: inout DiagnosticSink) -> Records {
        var scanner = RecordScanner(bytes)
        var records = Records()
        var width = Int.max
        var totalCells = 0
        while scanner.index < bytes.count {
            if scanner.skipEmptyLine() { continue }
            let recordLine = scanner.line
            var cells: [String] = []
            if width != Int.max { cells.reserveCapacity(width) }
            var field = 0
            var firstExtraField = 0
            var unterminated = false
            while true {
                field += 1
                let cell: String
                if scanner.peek() == quote {
                    (cell, unterminated) = scanner.quotedCell(field: field, sink: &sink)
                } else {
                    cell = scanner.unquotedCell(field: field, sink: &sink)
                }
                if field <= width {
                    cells.append(cell)
                } else if firstExtraField == 0 {
                    firstExtraField = field
                }
                if unterminated || !scanner.endCell() { break }
            }

            if records.header == nil {
                records.header = cells
                records.headerLine = recordLine
                width = cells.count
                if width > CSVReader.maximumColumns {
                    sink.error(
                        line: recordLine, column: CSVReader.maximumColumns + 1,
                        "the header has \(width) columns; at most \(CSVReader.maximumColumns) are accepted")
                    break
                }
            } else {
                if firstExtraField > 0 {
                    sink.error(
                        line: recordLine, column: firstExtraField,
                        "row has \(field) cells but the header has \(width) columns")
                }
                totalCells += cells.count
                if totalCells > CSVReader.maximumCells {
                    sink.error(
                        line: recordLine, column: 1,
                        "the table has more than \(CSVReader.maximumCells) cells; it is too large to read")
                    break
                }
                records.rows.append(cells)
                records.rowLines.append(recordLine)
            }
            if unterminated { break }
        }
        return records
    }

    private func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

    /// Consumes a line end at `index`, if there is one.
    private mutating func consumeLineEnd() -> Bool {
        guard let byte = peek(), byte == Self.lineFeed || byte == Self.carriageReturn else { return false }
        index += byte == Self.carriageReturn && index + 1 < bytes.count && bytes[index + 1] == Self.lineFeed ? 2 : 1
        line += 1
        return true
    }

    /// A whole empty line is skipped.
    private mutating func skipEmptyLine() -> Bool { consumeLineEnd() }

    /// After a cell: true if another cell of the same record follows (a comma), false at a line end or the
    /// end of the file.
    private mutating func endCell() -> Bool {
        if peek() == Self.comma {
            index += 1
            return true
        }
        _ = consumeLineEnd()
        return false
    }

    /// Cell bytes as a String (they are valid UTF-8 already), or an error if the cell is too large.
    private func makeCell(_ start: Int, _ end: Int, field: Int, sink: inout DiagnosticSink) -> String {
        guard end - start <= CSVReader.maximumCellBytes else {
            reportTooLarge(field: field, sink: &sink)
            return ""
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    private func reportTooLarge(field: Int, sink: inout DiagnosticSink) {
        sink.error(
            line: line, column: field, "cell is larger than \(CSVReader.maximumCellBytes >> 20) MB; is a quote missing?")
    }

    /// Moves past bytes above `limit`: comma, quote, CR and LF are all at most 0x2C, so in a cell every
    /// byte above the delimiters that matter there is plain content (this loop is where the time goes).
    private mutating func skipContent(above limit: UInt8) {
        while index < bytes.count, bytes[index] > limit { index += 1 }
    }

    /// A cell that does not start with a quote: up to the next comma or line end. A quote inside it is an
    /// error (reported once per cell) and kept as it is.
    private mutating func unquotedCell(field: Int, sink: inout DiagnosticSink) -> String {
        let start = index
        var sawQuote = false
        while true {
            skipContent(above: Self.comma)
            guard let byte = peek(), byte != Self.comma, byte != Self.lineFeed, byte != Self.carriageReturn else {
                break
            }
            if byte == Self.quote, !sawQuote {
                sawQuote = true
                sink.error(
                    line: line, column: field,
                    "a quote (\") inside a cell that does not start with a quote; put the whole cell in quotes and double the quote inside (\"\")"
                )
            }
            index += 1
        }
        return index > start ? makeCell(start, index, field: field, sink: &sink) : ""
    }

    /// A quoted cell, `index` at its opening quote: up to the closing quote, with `""` read as `"`; commas
    /// and line breaks inside are content. Returns the cell and whether the quote is never closed.
    private mutating func quotedCell(field: Int, sink: inout DiagnosticSink) -> (String, unterminated: Bool) {
        let openLine = line
        index += 1
        var segmentStart = index
        var hasEscapes = false
        var closed = false
        while true {
            skipContent(above: Self.quote)
            guard let byte = peek() else { break }
            if byte == Self.quote {
                guard index + 1 < bytes.count, bytes[index + 1] == Self.quote else {
                    closed = true
                    break
                }
                if !hasEscapes {
                    hasEscapes = true
                    unescaped.removeAll(keepingCapacity: true)
                }
                if unescaped.count <= CSVReader.maximumCellBytes {
                    unescaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segmentStart...index]))
                }
                index += 2
                segmentStart = index
                continue
            }
            if byte == Self.lineFeed
                || (byte == Self.carriageReturn && (index + 1 == bytes.count || bytes[index + 1] != Self.lineFeed))
            {
                line += 1
            }
            index += 1
        }

        let cell: String
        if !hasEscapes {
            cell = makeCell(segmentStart, index, field: field, sink: &sink)
        } else if unescaped.count + index - segmentStart > CSVReader.maximumCellBytes {
            reportTooLarge(field: field, sink: &sink)
            cell = ""
        } else {
            unescaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segmentStart..<index]))
            cell = String(decoding: unescaped, as: UTF8.self)
        }
        guard closed else {
            sink.error(
                line: openLine, column: field,
                "unterminated quoted cell: the quote that opens it is never closed (a quote inside a quoted cell must be doubled: \"\")"
            )
            return (cell, true)
        }
        index += 1  // the closing quote
        if let next = peek(), next != Self.comma, next != Self.lineFeed, next != Self.carriageReturn {
            sink.error(
                line: line, column: field,
                "unexpected character after the closing quote of a quoted cell; a quote inside a quoted cell must be doubled (\"\"), and the cell must end at its closing quote"
            )
            while let byte = peek(), byte != Self.comma, byte != Self.lineFeed, byte != Self.carriageReturn {
                index += 1
            }
        }
        return (cell, false)
    }
}
