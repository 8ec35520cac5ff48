/// A JSON value whose objects keep their keys in the order they were written, so that output is
/// byte-identical from run to run (scenario-format §13).
public indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// A number already in its final JSON spelling (see `JSONValue.double` and `JSONValue.money`).
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        JSONWriter.render(lhs) == JSONWriter.render(rhs)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(JSONWriter.render(self))
    }

    /// Full precision: Swift's shortest round-trip form (`300.0`, `0.1`, `1e-07`); `-0` becomes `0.0`;
    /// NaN and ±infinity become `null`. Used for `share`, `objective`, `best_bound`, `gap`, `score`,
    /// `loan_score`.
    public static func double(_ value: Double) -> JSONValue {
        guard value.isFinite else { return .null }
        return .number(value == 0 ? "0.0" : value.description)
    }

    public static func double(_ value: Double?) -> JSONValue {
        value.map { double($0) } ?? .null
    }

    /// Money (万元): rounded to 4 decimals, then written like `double` (`300.0`, `12.3456`).
    public static func money(_ value: Double) -> JSONValue {
        double(MoneyFormat.rounded(value))
    }

    public static func money(_ value: Double?) -> JSONValue {
        value.map { money($0) } ?? .null
    }

    public static func int(_ value: Int) -> JSONValue { .number(String(value)) }

    public static func string(_ value: String?) -> JSONValue {
        value.map { JSONValue.string($0) } ?? .null
    }
}

/// Writes `JSONValue`s: keys in the order given, 2-space indentation, `": "` after keys, UTF-8 text
/// written as is (Chinese is not escaped), escapes per RFC 8259 (`\"`, `\\`, control characters; U+2028
/// and U+2029 are escaped too so the text is also valid JavaScript). Empty arrays and objects are `[]` and
/// `{}`. The result ends with a newline.
public enum JSONWriter {
    public static func render(_ value: JSONValue) -> String {
        String(decoding: bytes(value), as: UTF8.self)
    }

    /// `render`'s UTF-8 bytes, written straight into one buffer.
    public static func bytes(_ value: JSONValue) -> [UInt8] {
        var output: [UInt8] = []
        write(value, indent: 0, into: &output)
        output.append(UInt8(ascii: "\n"))
        return output
    }

    private static func append(_ text: StaticString, into output: inout [UInt8]) {
        text.withUTF8Buffer { output.append(contentsOf: $0) }
    }

    private static func append(_ text: String, into output: inout [UInt8]) {
        var text = text
        text.withUTF8 { output.append(contentsOf: $0) }
    }

    private static func indent(_ level: Int, into output: inout [UInt8]) {
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level))
    }

    static func write(_ value: JSONValue, indent level: Int, into output: inout [UInt8]) {
        switch value {
        case .null: append("null", into: &output)
        case .bool(let flag): flag ? append("true", into: &output) : append("false", into: &output)
        case .number(let text): append(text, into: &output)
        case .string(let text): appendQuoted(text, into: &output)
        case .array(let elements):
            guard !elements.isEmpty else { return append("[]", into: &output) }
            append("[\n", into: &output)
            for (index, element) in elements.enumerated() {
                indent(level + 1, into: &output)
                write(element, indent: level + 1, into: &output)
                index == elements.count - 1 ? append("\n", into: &output) : append(",\n", into: &output)
            }
            indent(level, into: &output)
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else { return append("{}", into: &output) }
            append("{\n", into: &output)
            for (index, (key, member)) in members.enumerated() {
                indent(level + 1, into: &output)
                appendQuoted(key, into: &output)
                append(": ", into: &output)
                write(member, indent: level + 1, into: &output)
                index == members.count - 1 ? append("\n", into: &output) : append(",\n", into: &output)
            }
            indent(level, into: &output)
            output.append(UInt8(ascii: "}"))
        }
    }

    /// A string in quotes. Text with no byte below 0x20, no `"`, no `\` and no U+2028/U+2029 is copied as
    /// is; anything else is escaped scalar by scalar.
    static func appendQuoted(_ text: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var text = text
        let plain = text.withUTF8 { bytes -> Bool in
            guard !needsEscaping(bytes) else { return false }
            output.append(contentsOf: bytes)
            return true
        }
        if !plain { appendEscaped(text, into: &output) }
        output.append(UInt8(ascii: "\""))
    }

    private static func needsEscaping(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return true }
            // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
            if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
                bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9
            {
                return true
            }
            index += 1
        }
        return false
    }

    private static func appendEscaped(_ text: String, into output: inout [UInt8]) {
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": append("\\\"", into: &output)
            case "\\": append("\\\\", into: &output)
            case "\n": append("\\n", into: &output)
            case "\r": append("\\r", into: &output)
            case "\t": append("\\t", into: &output)
            case "\u{08}": append("\\b", into: &output)
            case "\u{0C}": append("\\f", into: &output)
            case "\u{2028}", "\u{2029}": append(unicodeEscape(scalar.value), into: &output)
            default:
                if scalar.value < 0x20 {
                    append(unicodeEscape(scalar.value), into: &output)
                } else {
                    if let encoded = UTF8.encode(scalar) { output.append(contentsOf: encoded) }
                }
            }
        }
    }

    private static func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: false)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
