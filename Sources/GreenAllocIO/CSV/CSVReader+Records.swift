/// The RFC 4180 tokenizer: scans UTF-8 bytes directly and cuts records into cells.
enum RecordScanner {
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

    /// Scans every record. The first non-empty record is the header. Cells past the header's width are
    /// counted and reported, not kept. Stops at an unterminated quoted cell (it swallows the rest of the file)
    /// and at a limit on size.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, sink: inout DiagnosticSink) -> Records {
        var records = Records()
        let count = bytes.count
        var index = 0
        var line = 1
        var width = Int.max
        var totalCells = 0
        var escaped: [UInt8] = []

        /// Cell bytes as a String; the bytes are valid UTF-8 already.
        func makeString(_ start: Int, _ end: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }

        recordLoop: while index < count {
            // A whole empty line is skipped.
            let first = bytes[index]
            if first == lineFeed || first == carriageReturn {
                index += first == carriageReturn && index + 1 < count && bytes[index + 1] == lineFeed ? 2 : 1
                line += 1
                continue
            }
            let recordLine = line
            var cells: [String] = []
            if width != Int.max { cells.reserveCapacity(width) }
            var field = 0
            var extraField = 0
            var endOfFile = false

            while true {
                field += 1
                var cell = ""
                var cellTooLarge = false
                if index < count, bytes[index] == quote {
                    let openLine = line
                    index += 1
                    var segmentStart = index
                    var hasEscapes = false
                    var closed = false
                    while index < count {
                        let byte = bytes[index]
                        if byte > quote {
                            index += 1
                            continue
                        }
                        if byte == quote {
                            if index + 1 < count, bytes[index + 1] == quote {
                                if !hasEscapes {
                                    hasEscapes = true
                                    escaped.removeAll(keepingCapacity: true)
                                }
                                escaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segmentStart...index]))
                                index += 2
                                segmentStart = index
                                continue
                            }
                            closed = true
                            break
                        }
                        if byte == lineFeed {
                            line += 1
                        } else if byte == carriageReturn, index + 1 >= count || bytes[index + 1] != lineFeed {
                            line += 1
                        }
                        index += 1
                    }
                    let length = (hasEscapes ? escaped.count : 0) + index - segmentStart
                    if length > CSVReader.maximumCellBytes {
                        cellTooLarge = true
                    } else if hasEscapes {
                        escaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segmentStart..<index]))
                        cell = String(decoding: escaped, as: UTF8.self)
                    } else {
                        cell = makeString(segmentStart, index)
                    }
                    if !closed {
                        sink.error(
                            line: openLine, column: field,
                            "unterminated quoted cell: the quote that opens it is never closed (a quote inside a quoted cell must be doubled: \"\")"
                        )
                        endOfFile = true
                    } else {
                        index += 1  // the closing quote
                        if index < count {
                            let next = bytes[index]
                            if next != comma, next != lineFeed, next != carriageReturn {
                                sink.error(
                                    line: line, column: field,
                                    "unexpected character after the closing quote of a quoted cell; a quote inside a quoted cell must be doubled (\"\"), and the cell must end at its closing quote"
                                )
                                while index < count {
                                    let byte = bytes[index]
                                    if byte == comma || byte == lineFeed || byte == carriageReturn { break }
                                    index += 1
                                }
                            }
                        }
                    }
                } else {
                    let start = index
                    var sawQuote = false
                    while index < count {
                        let byte = bytes[index]
                        if byte > comma {
                            index += 1
                            continue
                        }
                        if byte == comma || byte == lineFeed || byte == carriageReturn { break }
                        if byte == quote, !sawQuote {
                            sawQuote = true
                            sink.error(
                                line: line, column: field,
                                "a quote (\") inside a cell that does not start with a quote; put the whole cell in quotes and double the quote inside (\"\")"
                            )
                        }
                        index += 1
                    }
                    if index - start > CSVReader.maximumCellBytes {
                        cellTooLarge = true
                    } else if index > start {
                        cell = makeString(start, index)
                    }
                }
                if cellTooLarge {
                    sink.error(
                        line: line, column: field,
                        "cell is larger than \(CSVReader.maximumCellBytes >> 20) MB; is a quote missing?")
                }

                if field <= width {
                    cells.append(cell)
                } else if extraField == 0 {
                    extraField = field
                }

                // What ends the cell: a comma (another cell follows), a line end or the end of the file.
                if !endOfFile, index < count, bytes[index] == comma {
                    index += 1
                    continue
                }
                if !endOfFile, index < count {
                    index += bytes[index] == carriageReturn && index + 1 < count && bytes[index + 1] == lineFeed ? 2 : 1
                    line += 1
                }
                break
            }

            if records.header == nil {
                records.header = cells
                records.headerLine = recordLine
                width = cells.count
                if width > CSVReader.maximumColumns {
                    sink.error(
                        line: recordLine, column: CSVReader.maximumColumns + 1,
                        "the header has \(width) columns; at most \(CSVReader.maximumColumns) are accepted")
                    break recordLoop
                }
            } else {
                if extraField > 0 {
                    sink.error(
                        line: recordLine, column: extraField,
                        "row has \(field) cells but the header has \(width) columns")
                }
                totalCells += cells.count
                if totalCells > CSVReader.maximumCells {
                    sink.error(
                        line: recordLine, column: 1,
                        "the table has more than \(CSVReader.maximumCells) cells; it is too large to read")
                    break recordLoop
                }
                records.rows.append(cells)
                records.rowLines.append(recordLine)
            }
            if endOfFile { break }
        }
        return records
    }
}
