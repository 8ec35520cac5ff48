/// Reads a worksheet part token by token (`<sheetData>`, `<row>`, `<c>`, `<v>`, `<f>`, `<is>`), never holding
/// more of it than one chunk, and hands each cell's text to a ``SheetTableBuilder``.
struct SheetReader {
    let parts: WorkbookIndex
    var builder: SheetTableBuilder

    private var row = -1
    private var nextColumn = 0
    private var cell: Cell?
    private var inValue = false
    private var inInline = false
    private var inline = RichTextCollector()

    /// The cell being read.
    private struct Cell {
        var reference: CellReference
        var type: String
        var style: Int
        var value = ""
        var hasValue = false
        var hasFormula = false
    }

    init(parts: WorkbookIndex, sheet: String) {
        self.parts = parts
        builder = SheetTableBuilder(sheet: sheet)
    }

    mutating func take(_ token: XMLScanner.Token, _ scanner: XMLScanner) throws(WorkbookError) {
        if inInline {
            if case .end(let name) = token, scanner.matches(name, "is") {
                inInline = false
                cell?.value = inline.text
                cell?.hasValue = true
            } else {
                try inline.take(token, scanner)
            }
            return
        }
        switch token {
        case .start(let tag):
            try start(tag, scanner)
        case .end(let name):
            if scanner.matches(name, "v") {
                inValue = false
            } else if scanner.matches(name, "c"), let finished = cell {
                cell = nil
                finish(finished)
            }
        case .text(let range, let cdata):
            guard inValue else { return }
            do { cell?.value += cdata ? scanner.string(range) : try scanner.decoded(range) } catch {
                throw WorkbookError("malformed XML: \(error.message)", sheet: builder.sheet, cell: cell?.reference)
            }
        }
    }

    private mutating func start(_ tag: XMLScanner.Tag, _ scanner: XMLScanner) throws(WorkbookError) {
        if scanner.matches(tag.name, "row") {
            let number = try cellAttributes(scanner, tag).reference
            row = number.flatMap { Int($0) }.map { $0 - 1 } ?? row + 1
            guard row >= 0, row < CellReference.maxRows else {
                throw WorkbookError("a row number \(number ?? "") outside the sheet", sheet: builder.sheet)
            }
            nextColumn = 0
            builder.startRow(row)
        } else if scanner.matches(tag.name, "c") {
            let values = try cellAttributes(scanner, tag)
            var reference = CellReference(row: max(row, 0), column: nextColumn)
            if let written = values.reference {
                guard let parsed = CellReference(written) else {
                    throw WorkbookError("a cell with the reference '\(written)', which is not a cell", sheet: builder.sheet)
                }
                reference = parsed
            }
            guard reference.column < CellReference.maxColumns else {
                throw WorkbookError("a cell right of Excel's last column", sheet: builder.sheet)
            }
            nextColumn = reference.column + 1
            cell = Cell(reference: reference, type: values.type ?? "n", style: values.style.flatMap { Int($0) } ?? 0)
        } else if cell != nil, scanner.matches(tag.name, "v") {
            inValue = true
            cell?.hasValue = true
        } else if cell != nil, scanner.matches(tag.name, "f") {
            cell?.hasFormula = true
        } else if cell != nil, scanner.matches(tag.name, "is") {
            inInline = true
            inline = RichTextCollector()
        }
    }

    /// The `r`, `t` and `s` attributes of a row or cell (read without building a dictionary: there is one per cell).
    private func cellAttributes(_ scanner: XMLScanner, _ tag: XMLScanner.Tag) throws(WorkbookError)
        -> (reference: String?, type: String?, style: String?)
    {
        var found: (reference: String?, type: String?, style: String?) = (nil, nil, nil)
        do {
            try scanner.forEachAttribute(of: tag) { name, value throws(XMLSyntaxError) in
                guard name.count == 1 else { return }
                switch scanner.buffer[name.lowerBound] {
                case UInt8(ascii: "r"): found.reference = try scanner.decoded(value)
                case UInt8(ascii: "t"): found.type = try scanner.decoded(value)
                case UInt8(ascii: "s"): found.style = try scanner.decoded(value)
                default: break
                }
            }
        } catch {
            throw WorkbookError("malformed XML: \(error.message)", sheet: builder.sheet)
        }
        return found
    }

    /// The cell's text by its type, or a problem at the cell.
    private mutating func finish(_ cell: Cell) {
        let at = cell.reference
        // openpyxl writes `<v/>` for a formula it cannot compute; an empty result is a string (`str`) only.
        let uncached = cell.hasFormula && cell.value.isEmpty && cell.type != "str"
        guard cell.hasValue, !uncached else {
            if cell.hasFormula {
                builder.problem("the formula has no saved result; open the workbook in Excel or WPS and save it again", at: at)
            }
            return
        }
        let value = cell.value
        switch cell.type {
        case "s":
            guard let strings = parts.sharedStrings else {
                return builder.problem("the cell refers to shared string \(value), but the workbook has no shared strings", at: at)
            }
            guard let index = Int(value), index >= 0, index < strings.count else {
                return builder.problem("the cell refers to shared string \(value), which does not exist (the workbook has \(strings.count))", at: at)
            }
            builder.add(strings[index], at: at)
        case "inlineStr", "str":
            builder.add(value, at: at)
        case "b":
            guard value == "1" || value == "0" else { return builder.problem("'\(value)' is not a boolean value", at: at) }
            builder.add(value == "1" ? "TRUE" : "FALSE", at: at)
        case "e":
            builder.problem("the cell holds the error \(value)", at: at)
        case "d":
            guard let date = CellText.isoDate(value) else { return builder.problem("'\(value)' is not an ISO date", at: at) }
            builder.add(date, at: at)
        case "n":
            finishNumber(value, style: cell.style, at: at)
        default:
            builder.problem("unknown cell type '\(cell.type)'", at: at)
        }
    }

    private mutating func finishNumber(_ value: String, style: Int, at: CellReference) {
        let trimmed = value.trimmingSpaces
        guard !trimmed.isEmpty else { return }
        guard let text = CellText.number(trimmed) else { return builder.problem("'\(value)' is not a number", at: at) }
        guard style >= 0, style < parts.dateStyles.count, parts.dateStyles[style] else {
            return builder.add(text, at: at)
        }
        guard let serial = Double(text), let date = CellText.date(serial: serial, date1904: parts.date1904) else {
            return builder.problem("the cell is formatted as a date but holds \(text), which is no day of the calendar", at: at)
        }
        builder.add(date, at: at)
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        let bytes = utf8.drop { XMLScanner.isSpace($0) }.reversed().drop { XMLScanner.isSpace($0) }.reversed()
        return String(decoding: Array(bytes), as: UTF8.self)
    }
}
