/// The SVG elements a chart draws, as text. Coordinates are printed with at most 2 decimals and text is
/// XML-escaped, so the same drawing gives the same bytes and every document parses.
public struct SVGCanvas: Sendable {
    private(set) var markup = ""

    init() {}

    /// A coordinate: rounded to 2 decimals, trailing zeros dropped, never `-0`, never an exponent.
    static func number(_ value: Double) -> String {
        value.isFinite ? ChartNumber.compact(value, decimals: 2, grouping: false) : "0"
    }

    /// Escapes `&`, `<`, `>`, `"` and `'`, and drops the characters XML 1.0 forbids (control characters
    /// other than tab, newline and return; U+FFFE, U+FFFF).
    public static func escaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// An element with attributes (values escaped), and an optional tooltip (`<title>`) or text content.
    mutating func element(_ name: String, _ attributes: [(String, String)], title: String? = nil, text: String? = nil) {
        markup += "<" + name
        for (key, value) in attributes { markup += " \(key)=\"\(Self.escaped(value))\"" }
        if title == nil, text == nil {
            markup += "/>\n"
            return
        }
        markup += ">"
        if let title { markup += "<title>\(Self.escaped(title))</title>" }
        if let text { markup += Self.escaped(text) }
        markup += "</\(name)>\n"
    }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, width: Double = 1, dash: String? = nil, title: String? = nil) {
        var attributes = [("x1", Self.number(x1)), ("y1", Self.number(y1)), ("x2", Self.number(x2)), ("y2", Self.number(y2)),
                          ("stroke", stroke), ("stroke-width", Self.number(width))]
        if let dash { attributes.append(("stroke-dasharray", dash)) }
        element("line", attributes, title: title)
    }

    mutating func rect(_ x: Double, _ y: Double, _ width: Double, _ height: Double, fill: String, title: String? = nil) {
        element("rect", [("x", Self.number(x)), ("y", Self.number(y)), ("width", Self.number(max(width, 0))),
                         ("height", Self.number(max(height, 0))), ("fill", fill)], title: title)
    }

    mutating func circle(_ x: Double, _ y: Double, radius: Double, fill: String, title: String? = nil) {
        element("circle", [("cx", Self.number(x)), ("cy", Self.number(y)), ("r", Self.number(radius)), ("fill", fill)], title: title)
    }

    mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double = 2, dash: String? = nil) {
        guard points.count > 1 else { return }
        var attributes = [("points", points.map { Self.number($0.0) + "," + Self.number($0.1) }.joined(separator: " ")),
                          ("fill", "none"), ("stroke", stroke), ("stroke-width", Self.number(width))]
        if let dash { attributes.append(("stroke-dasharray", dash)) }
        element("polyline", attributes)
    }

    enum Anchor: String { case start, middle, end }

    /// A text; `rotation` in degrees turns it about its anchor point; `fullText` (when the text was
    /// shortened) becomes its tooltip.
    mutating func text(
        _ content: String, x: Double, y: Double, anchor: Anchor = .start, size: Double = 11, fill: String = "#222222",
        weight: String? = nil, rotation: Double? = nil, fullText: String? = nil
    ) {
        var attributes = [("x", Self.number(x)), ("y", Self.number(y)), ("font-size", Self.number(size)), ("fill", fill)]
        if anchor != .start { attributes.append(("text-anchor", anchor.rawValue)) }
        if let weight { attributes.append(("font-weight", weight)) }
        if let rotation { attributes.append(("transform", "rotate(\(Self.number(rotation)) \(Self.number(x)) \(Self.number(y)))")) }
        element("text", attributes, title: fullText == content ? nil : fullText, text: content)
    }

    mutating func openGroup(_ attributes: [(String, String)]) {
        markup += "<g" + attributes.map { " \($0.0)=\"\(Self.escaped($0.1))\"" }.joined() + ">\n"
    }

    mutating func closeGroup() {
        markup += "</g>\n"
    }
}
