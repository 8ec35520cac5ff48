internal import Foundation

/// Attribute values and character data of the scanner's tokens, with entity references replaced.
extension XMLScanner {
    /// Calls `body` with the local name and the raw value of each attribute of `tag`.
    func forEachAttribute(
        of tag: Tag, _ body: (_ name: Range<Int>, _ value: Range<Int>) throws(XMLSyntaxError) -> Void
    ) throws(XMLSyntaxError) {
        var position = tag.attributes.lowerBound
        let end = tag.attributes.upperBound
        while true {
            while position < end, Self.isSpace(buffer[position]) { position += 1 }
            guard position < end else { return }
            var localStart = position
            let nameStart = position
            while position < end, buffer[position] != UInt8(ascii: "="), !Self.isSpace(buffer[position]) {
                if buffer[position] == UInt8(ascii: ":") { localStart = position + 1 }
                position += 1
            }
            let name = localStart..<position
            while position < end, Self.isSpace(buffer[position]) { position += 1 }
            guard position < end, buffer[position] == UInt8(ascii: "="), nameStart < name.upperBound else {
                throw XMLSyntaxError("an attribute without a value")
            }
            position += 1
            while position < end, Self.isSpace(buffer[position]) { position += 1 }
            guard position < end, buffer[position] == UInt8(ascii: "\"") || buffer[position] == UInt8(ascii: "'")
            else { throw XMLSyntaxError("an attribute value without quotes") }
            let quote = buffer[position]
            let valueStart = position + 1
            position = valueStart
            while position < end, buffer[position] != quote { position += 1 }
            guard position < end else { throw XMLSyntaxError("an attribute value is not closed") }
            try body(name, valueStart..<position)
            position += 1
        }
    }

    /// The attributes of `tag` whose local names are in `names`, decoded, by name.
    func attributes(of tag: Tag, _ names: Set<String>) throws(XMLSyntaxError) -> [String: String] {
        var found: [String: String] = [:]
        try forEachAttribute(of: tag) { name, value throws(XMLSyntaxError) in
            let key = string(name)
            if names.contains(key) { found[key] = try decoded(value) }
        }
        return found
    }

    /// Whether the bytes of `range` are `text` (ASCII).
    func matches(_ range: Range<Int>, _ text: StaticString) -> Bool {
        guard range.count == text.utf8CodeUnitCount else { return false }
        return text.withUTF8Buffer { expected in buffer[range].elementsEqual(expected) }
    }

    func string(_ range: Range<Int>) -> String { String(decoding: buffer[range], as: UTF8.self) }

    /// Character data or an attribute value with `&lt;`, `&#20013;`, `&#x4E2D;` … replaced.
    func decoded(_ range: Range<Int>) throws(XMLSyntaxError) -> String {
        guard buffer[range].contains(UInt8(ascii: "&")) else { return string(range) }
        var output: [UInt8] = []
        output.reserveCapacity(range.count)
        var position = range.lowerBound
        while position < range.upperBound {
            let byte = buffer[position]
            guard byte == UInt8(ascii: "&") else {
                output.append(byte)
                position += 1
                continue
            }
            guard let semicolon = buffer[position..<range.upperBound].firstIndex(of: UInt8(ascii: ";")) else {
                throw XMLSyntaxError("an entity reference without ';'")
            }
            let scalar = try entity(position + 1..<semicolon)
            output.append(contentsOf: String(Character(scalar)).utf8)
            position = semicolon + 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    private func entity(_ range: Range<Int>) throws(XMLSyntaxError) -> Unicode.Scalar {
        switch string(range) {
        case "lt": return "<"
        case "gt": return ">"
        case "amp": return "&"
        case "quot": return "\""
        case "apos": return "'"
        case let name where name.hasPrefix("#x") || name.hasPrefix("#X"):
            if let code = UInt32(name.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(code) { return scalar }
        case let name where name.hasPrefix("#"):
            if let code = UInt32(name.dropFirst(), radix: 10), let scalar = Unicode.Scalar(code) { return scalar }
        default: break
        }
        throw XMLSyntaxError("unknown entity reference '&\(string(range));'")
    }
}

/// SpreadsheetML writes characters XML cannot hold as `_xHHHH_` (Excel's `_x000D_` for a carriage return);
/// `_x005F_` escapes a literal `_x`.
func unescapingSpreadsheetCharacters(_ text: String) -> String {
    guard text.contains("_x") else { return text }
    var output = ""
    var rest = Substring(text)
    while let range = rest.range(of: "_x") {
        output += rest[..<range.lowerBound]
        let afterPrefix = rest[range.upperBound...]
        let digits = afterPrefix.prefix(4)
        if digits.count == 4, afterPrefix.dropFirst(4).first == "_", let code = UInt32(digits, radix: 16),
            let scalar = Unicode.Scalar(code)
        {
            output.unicodeScalars.append(scalar)
            rest = afterPrefix.dropFirst(5)
        } else {
            output += "_x"
            rest = afterPrefix
        }
    }
    return output + rest
}
