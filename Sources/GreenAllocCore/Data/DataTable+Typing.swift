/// Column typing of raw CSV cells (scenario-format §4).
extension DataTable {
    /// Types a table of the project library: the columns `kind` declares have their declared type
    /// (``TableKind/declaredColumn(named:)``), any other column the type its cells show.
    /// `sheet` and `positions` place the cells of a workbook sheet: the sheet's name and each column's 1-based
    /// column number (by default the columns are numbered from 1).
    public init(
        file: String, header: [String], rows: [[String]], rowLines: [Int], kind: TableKind, sheet: String? = nil,
        positions: [Int]? = nil
    ) {
        self.init(file: file, header: header, rows: rows, rowLines: rowLines, positions: positions) {
            kind.declaredColumn(named: $0)?.type
        }
        self.sheet = sheet
    }

    /// Types every column as scenario-format §4 says.
    ///
    /// - A column with a declared type (`declaredType(name)` is not nil) has that type whatever its cells hold,
    ///   also when every cell is empty: ``DeclaredType/valueType`` (a year is a number, an enumeration text;
    ///   ids stay text even when they are all digits: `370100`). Its cells are read in the type's forms
    ///   (``parseCellNumber(_:)``, ``parseCellDate(_:)``, ``parseCellBoolean(_:chinese:)`` with `是`/`否`); a
    ///   non-empty cell that fits none keeps its text, for the library checks to report at its cell.
    /// - Any other column is a **number** if every non-empty cell is one (``parseCellNumber(_:)``: `12`,
    ///   `1,234.5`, `12%`, full-width digits), else a **date** if every non-empty cell is one
    ///   (``parseCellDate(_:)``: `2022-03-31`, `2022/3/31`, `2022年3月31日`), else a **boolean** if every
    ///   non-empty cell is `true` or `false` (Excel's `TRUE` / `FALSE` too; other spellings, and `是`/`否`,
    ///   are text), else **text**. When all its cells are empty it has no type (``ValueType/untyped``).
    /// - Cells are trimmed of surrounding whitespace (spaces, tabs, no-break and ideographic spaces) first; an
    ///   empty cell after trimming is missing. Text values are stored trimmed.
    /// - A row shorter than the header has missing values in the columns it lacks.
    public init(
        file: String, header: [String], rows: [[String]], rowLines: [Int], positions: [Int]? = nil,
        declaredType: (String) -> DeclaredType?
    ) {
        var columns: [Column] = []
        columns.reserveCapacity(header.count)
        for (index, name) in header.enumerated() {
            let cells = CellColumn(rows: rows, index: index)
            let (type, values) =
                if let declared = declaredType(name) {
                    (declared.valueType, declaredValues(cells, declared.valueType))
                } else {
                    typedValues(cells)
                }
            let position = positions.flatMap { index < $0.count ? $0[index] : nil } ?? index + 1
            columns.append(Column(name: name, type: type, values: values, position: position))
        }
        self.init(file: file, columns: columns, rowLines: rowLines)
    }
}

/// One column of the raw rows, trimmed; a row too short for it reads as empty.
private struct CellColumn: RandomAccessCollection {
    let rows: [[String]]
    let index: Int
    var startIndex: Int { 0 }
    var endIndex: Int { rows.count }
    subscript(position: Int) -> String {
        rows.withUnsafeBufferPointer { buffer in
            index < buffer[position].count ? trimmedCell(buffer[position][index]) : ""
        }
    }
}

/// The plain decimal form of a number, strict: an optional sign, decimal digits with an optional fraction
/// (`12`, `12.5`, `.5`, `12.`), an optional exponent (`1e6`, `2.5E-3`); surrounding whitespace is trimmed.
/// No `inf`/`nan`, no hexadecimal, no thousands separators, no percent, no currency signs, no full-width
/// digits: nil for `"12o0"`, `"1,000"`, `"12%"`, `"inf"`, `"NaN"`, `"0x10"`, `""`, and for a value too large
/// for a `Double`. Table cells, money included, are read with ``parseCellNumber(_:)``, which takes this form
/// first and also the forms Excel shows (`1,000`, `12%`, full-width digits), reduced to this one.
public func parseDecimal(_ text: Substring) -> Double? {
    let trimmed = trimmedCell(text)
    if let result = trimmed.utf8.withContiguousStorageIfAvailable({ parseDecimalBytes($0) }) {
        return result
    }
    return Array(trimmed.utf8).withUnsafeBufferPointer { parseDecimalBytes($0) }
}

/// Exact powers of ten for the fast path (every one up to 1e22 is a `Double` exactly).
private let powersOfTen: [Double] = (0...22).map { exponent in
    var value = 1.0
    for _ in 0..<exponent { value *= 10 }
    return value
}

/// ``parseDecimal(_:)`` on trimmed UTF-8 bytes.
func parseDecimalBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    let count = bytes.count
    var index = 0
    var negative = false
    if index < count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
        negative = bytes[index] == UInt8(ascii: "-")
        index += 1
    }
    var mantissa: UInt64 = 0
    var significantDigits = 0
    var digits = 0
    var exponent = 0
    func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }
    while index < count, isDigit(bytes[index]) {
        let digit = UInt64(bytes[index] &- UInt8(ascii: "0"))
        if mantissa != 0 || digit != 0 { significantDigits += 1 }
        if significantDigits <= 19 { mantissa = mantissa &* 10 &+ digit } else { exponent += 1 }
        digits += 1
        index += 1
    }
    if index < count, bytes[index] == UInt8(ascii: ".") {
        index += 1
        while index < count, isDigit(bytes[index]) {
            let digit = UInt64(bytes[index] &- UInt8(ascii: "0"))
            if mantissa != 0 || digit != 0 { significantDigits += 1 }
            if significantDigits <= 19 {
                mantissa = mantissa &* 10 &+ digit
                exponent -= 1
            }
            digits += 1
            index += 1
        }
    }
    guard digits > 0 else { return nil }
    if index < count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
        index += 1
        var exponentNegative = false
        if index < count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            exponentNegative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        var written = 0
        var exponentDigits = 0
        while index < count, isDigit(bytes[index]) {
            written = min(written * 10 + Int(bytes[index] &- UInt8(ascii: "0")), 1_000_000)
            exponentDigits += 1
            index += 1
        }
        guard exponentDigits > 0 else { return nil }
        exponent += exponentNegative ? -written : written
    }
    guard index == count else { return nil }

    // Fast path (Clinger): a mantissa below 2^53 and a power of ten that is exact give a correctly
    // rounded result with one multiplication or division.
    if significantDigits <= 15, abs(exponent) <= 22 {
        let magnitude = Double(mantissa)
        let value = exponent < 0 ? magnitude / powersOfTen[-exponent] : magnitude * powersOfTen[exponent]
        return negative ? -value : value
    }
    // The grammar is checked: the standard library reads the rest correctly rounded.
    guard let value = Double(String(decoding: bytes, as: UTF8.self)), value.isFinite else { return nil }
    return value
}

/// The cell without surrounding whitespace (Unicode White_Space: spaces, tabs, line breaks, no-break and
/// ideographic spaces).
func trimmedCell(_ text: Substring) -> Substring {
    guard needsTrimming(text) else { return text }
    let scalars = text.unicodeScalars
    guard let start = scalars.firstIndex(where: { !isWhitespace($0) }),
        let end = scalars.lastIndex(where: { !isWhitespace($0) })
    else { return Substring() }
    return text[start...end]
}

/// The same for a whole cell; an untrimmed cell is returned as is, sharing its storage.
func trimmedCell(_ text: String) -> String {
    needsTrimming(text[...]) ? String(trimmedCell(text[...])) : text
}

/// Whether the first or the last character is white space (looks at bytes unless they are non-ASCII).
private func needsTrimming(_ text: Substring) -> Bool {
    let utf8 = text.utf8
    guard let first = utf8.first, let last = utf8.last else { return false }
    if first <= 0x20 || last <= 0x20 { return true }
    if first >= 0x80, let scalar = text.unicodeScalars.first, isWhitespace(scalar) { return true }
    if last >= 0x80, let scalar = text.unicodeScalars.last, isWhitespace(scalar) { return true }
    return false
}

/// Unicode's White_Space property (a fixed list).
private func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
    default: false
    }
}

private func textValues<Cells: Collection<String>>(_ cells: Cells) -> [Value] {
    cells.map { $0.isEmpty ? .missing : .text($0) }
}

/// One pass decides the type (numbers are kept as they are read); a second builds dates, booleans or text.
private func typedValues<Cells: Collection<String>>(_ cells: Cells) -> (ValueType, [Value]) {
    let count = cells.count
    var canBeNumber = true
    var canBeDate = true
    var canBeBoolean = true
    var anyValue = false
    var numbers: [Double] = []
    numbers.reserveCapacity(count)
    for cell in cells {
        guard !cell.isEmpty else {
            if canBeNumber { numbers.append(.nan) }
            continue
        }
        anyValue = true
        if canBeNumber {
            if let number = parseCellNumber(cell[...]) {
                numbers.append(number)
                // A number is neither a date nor a boolean.
                canBeDate = false
                canBeBoolean = false
                continue
            }
            canBeNumber = false
            numbers = []
        }
        if canBeDate, parseCellDate(cell[...]) == nil { canBeDate = false }
        if canBeBoolean, parseCellBoolean(cell[...], chinese: false) == nil { canBeBoolean = false }
        if !canBeNumber, !canBeDate, !canBeBoolean { break }
    }
    guard anyValue else { return (.untyped, Array(repeating: .missing, count: count)) }
    if canBeNumber { return (.number, numbers.map { $0.isNaN ? .missing : .number($0) }) }
    if canBeDate { return (.date, cells.map { $0.isEmpty ? .missing : parseCellDate($0[...]).map(Value.date) ?? .missing }) }
    if canBeBoolean {
        return (
            .boolean,
            cells.map { $0.isEmpty ? .missing : parseCellBoolean($0[...], chinese: false).map(Value.boolean) ?? .missing }
        )
    }
    return (.text, textValues(cells))
}

/// The cells of a column declared `type`: values of the type, missing for empty cells, and the text of a
/// cell that is not a value of the type.
private func declaredValues<Cells: Collection<String>>(_ cells: Cells, _ type: ValueType) -> [Value] {
    switch type {
    case .number: cells.map { $0.isEmpty ? .missing : parseCellNumber($0[...]).map(Value.number) ?? .text($0) }
    case .date: cells.map { $0.isEmpty ? .missing : parseCellDate($0[...]).map(Value.date) ?? .text($0) }
    case .boolean: cells.map { $0.isEmpty ? .missing : parseCellBoolean($0[...], chinese: true).map(Value.boolean) ?? .text($0) }
    case .text, .list, .untyped: textValues(cells)
    }
}
