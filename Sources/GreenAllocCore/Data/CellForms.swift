/// The forms a table cell may write a number, a date or a boolean in (scenario-format §4 v1.1): the plain forms, and
/// the forms Excel shows. A cell that fits none of them is not a value of that type; nothing is guessed.

/// A number cell: the plain decimal form (``parseDecimal(_:)``), or as Excel shows it:
/// - thousands separators in the whole part, in groups of three: `1,234.5`, `-12,345,678` (not `1,2,3`,
///   `12,34` or `1234,567`, and not with an exponent);
/// - a percent sign at the end, which divides by 100: `12%` = 0.12, `1,234.5%` = 12.345 (one sign, no
///   exponent: not `12%%`, `%12` or `1e3%`);
/// - full-width digits and signs, as a Chinese input method types them: `１２３．５`, `１，２３４`, `１２％`.
///
/// Surrounding whitespace (ideographic spaces included) is trimmed. Nil for anything else, e.g. `¥12`,
/// `12 %`, `(12)`, `12万`, `inf`, and for a value too large for a `Double`.
public func parseCellNumber(_ text: Substring) -> Double? {
    if let plain = parseDecimal(text) { return plain }
    guard var bytes = halfWidth(trimmedCell(text)) else { return nil }
    let percent = bytes.last == UInt8(ascii: "%")
    if percent { bytes.removeLast() }
    if bytes.contains(UInt8(ascii: ",")) {
        guard hasThousandsGrouping(bytes) else { return nil }
        bytes.removeAll { $0 == UInt8(ascii: ",") }
    }
    if percent {
        // No exponent of its own; e-2 keeps the division by 100 correctly rounded (12% reads as 12e-2 = 0.12).
        guard !bytes.contains(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) else { return nil }
        bytes += Array("e-2".utf8)
    }
    return bytes.withUnsafeBufferPointer { parseDecimalBytes($0) }
}

/// A date cell: ISO `2022-03-31`, `2022/3/31` (also `2022/03/31`), or `2022年3月31日`; a four-digit year, a
/// month and a day of one or two digits, which must make a real date. Full-width digits and slashes are read
/// as their ASCII forms. Surrounding whitespace is trimmed. Nil for anything else, e.g. `2022-3-31`,
/// `3/31/2022`, `2022.3.31`, `2022/2/30`, `2022年3月31`.
public func parseCellDate(_ text: Substring) -> Day? {
    let trimmed = trimmedCell(text)
    let utf8 = trimmed.utf8
    if utf8.count == 10, utf8[utf8.index(utf8.startIndex, offsetBy: 4)] == UInt8(ascii: "-") {
        return Day(iso: trimmed)
    }
    return parseSeparatedDate(trimmed)
}

/// A boolean cell: `true`/`false` (also Excel's `TRUE`/`FALSE`), and `是`/`否` when `chinese` (the boolean
/// columns the format defines take them; in any other column they are text). Nil for anything else, e.g.
/// `True`, `yes`, `1`.
public func parseCellBoolean(_ text: Substring, chinese: Bool) -> Bool? {
    switch trimmedCell(text) {
    case "true", "TRUE": true
    case "false", "FALSE": false
    case "是" where chinese: true
    case "否" where chinese: false
    default: nil
    }
}

/// The ASCII bytes of `text` with full-width forms (U+FF01–U+FF5E) read as the ASCII characters they stand
/// for; nil when any other non-ASCII character is left.
private func halfWidth(_ text: Substring) -> [UInt8]? {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
        switch scalar.value {
        case 0..<0x80: bytes.append(UInt8(scalar.value))
        case 0xFF01...0xFF5E: bytes.append(UInt8(scalar.value - 0xFEE0))
        default: return nil
        }
    }
    return bytes
}

/// Whether the commas of a number are thousands separators: every one in the whole part, which reads as
/// one to three digits followed by groups of exactly three (after an optional sign), and no exponent.
private func hasThousandsGrouping(_ bytes: [UInt8]) -> Bool {
    guard !bytes.contains(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) else { return false }
    var whole = bytes[...]
    if let first = whole.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") { whole = whole.dropFirst() }
    if let point = whole.firstIndex(of: UInt8(ascii: ".")) {
        guard !whole[point...].contains(UInt8(ascii: ",")) else { return false }
        whole = whole[..<point]
    }
    let groups = whole.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
    guard let head = groups.first, (1...3).contains(head.count) else { return false }
    return groups.allSatisfy { group in group.allSatisfy { $0 &- UInt8(ascii: "0") < 10 } }
        && groups.dropFirst().allSatisfy { $0.count == 3 }
}

/// `2022/3/31` or `2022年3月31日` (digits and slashes possibly full-width).
private func parseSeparatedDate(_ text: Substring) -> Day? {
    var fields: [(value: Int, digits: Int)] = []
    var separators: [Unicode.Scalar] = []
    var value = 0
    var digits = 0
    for scalar in text.unicodeScalars {
        let digit: UInt32? =
            switch scalar.value {
            case 0x30...0x39: scalar.value - 0x30
            case 0xFF10...0xFF19: scalar.value - 0xFF10
            default: nil
            }
        if let digit {
            guard digits < 4 else { return nil }
            value = value * 10 + Int(digit)
            digits += 1
            continue
        }
        guard digits > 0, fields.count < 3 else { return nil }
        fields.append((value, digits))
        separators.append(scalar == "／" ? "/" : scalar)
        (value, digits) = (0, 0)
    }
    if digits > 0 { fields.append((value, digits)) }
    guard separators == ["/", "/"] || separators == ["年", "月", "日"], fields.count == 3,
        fields[0].digits == 4, fields[1].digits <= 2, fields[2].digits <= 2
    else { return nil }
    return Day(year: fields[0].value, month: fields[1].value, day: fields[2].value)
}
