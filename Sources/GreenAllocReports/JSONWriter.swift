/// A JSON value whose objects keep their keys in the order they were written, so that output is
/// byte-identical from run to run (SPEC §7).
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
        var output = ""
        write(value, indent: 0, into: &output)
        output.append("\n")
        return output
    }

    static func write(_ value: JSONValue, indent: Int, into output: inout String) {
        switch value {
        case .null: output.append("null")
        case .bool(let flag): output.append(flag ? "true" : "false")
        case .number(let text): output.append(text)
        case .string(let text): appendQuoted(text, into: &output)
        case .array(let elements):
            guard !elements.isEmpty else { return output.append("[]") }
            output.append("[\n")
            for (index, element) in elements.enumerated() {
                output.append(String(repeating: "  ", count: indent + 1))
                write(element, indent: indent + 1, into: &output)
                output.append(index == elements.count - 1 ? "\n" : ",\n")
            }
            output.append(String(repeating: "  ", count: indent) + "]")
        case .object(let members):
            guard !members.isEmpty else { return output.append("{}") }
            output.append("{\n")
            for (index, (key, member)) in members.enumerated() {
                output.append(String(repeating: "  ", count: indent + 1))
                appendQuoted(key, into: &output)
                output.append(": ")
                write(member, indent: indent + 1, into: &output)
                output.append(index == members.count - 1 ? "\n" : ",\n")
            }
            output.append(String(repeating: "  ", count: indent) + "}")
        }
    }

    static func appendQuoted(_ text: String, into output: inout String) {
        output.append("\"")
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output.append("\\\"")
            case "\\": output.append("\\\\")
            case "\n": output.append("\\n")
            case "\r": output.append("\\r")
            case "\t": output.append("\\t")
            case "\u{08}": output.append("\\b")
            case "\u{0C}": output.append("\\f")
            case "\u{2028}", "\u{2029}": output.append(unicodeEscape(scalar.value))
            default:
                if scalar.value < 0x20 {
                    output.append(unicodeEscape(scalar.value))
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output.append("\"")
    }

    private static func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: false)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
