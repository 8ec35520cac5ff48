/// The size of a chart or panel in SVG user units (pixels).
public struct ChartSize: Sendable, Equatable {
    public var width: Double
    public var height: Double

    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }
}

/// What a chart says about itself: a document id (unique within the page the chart is placed in; it
/// prefixes the ids of the title and description), the visible title, and a description for screen
/// readers. All text comes from the caller, in the reader's language.
public struct ChartHeader: Sendable, Equatable {
    public var id: String
    public var title: String
    public var description: String

    public init(id: String, title: String, description: String) {
        self.id = id
        self.title = title
        self.description = description
    }
}

/// Anything drawable in a rectangle of `size`, with its top-left corner at `origin`.
public protocol Chart: Sendable {
    var size: ChartSize { get }
    func draw(on canvas: inout SVGCanvas, at origin: (x: Double, y: Double))
}

extension Chart {
    /// A self-contained SVG document: the title and description for accessibility (`role="img"`,
    /// `aria-labelledby`), the visible title, then the chart. No external fonts or files.
    public func svg(_ header: ChartHeader) -> String {
        SVGDocument.render(self, header: header)
    }
}

/// Charts stacked top to bottom with a gap, e.g. the sweep's frontier above its marginal value.
public struct ChartPanels: Chart {
    public var panels: [any Chart]
    public var gap: Double

    public init(_ panels: [any Chart], gap: Double = 12) {
        self.panels = panels
        self.gap = gap
    }

    public var size: ChartSize {
        ChartSize(
            width: panels.map(\.size.width).max() ?? 0,
            height: panels.map(\.size.height).reduce(0, +) + gap * Double(max(panels.count - 1, 0)))
    }

    public func draw(on canvas: inout SVGCanvas, at origin: (x: Double, y: Double)) {
        var top = origin.y
        for panel in panels {
            panel.draw(on: &canvas, at: (origin.x, top))
            top += panel.size.height + gap
        }
    }
}

enum SVGDocument {
    /// Fonts that Debian's fonts-noto-cjk provides first, then those of Windows and macOS.
    static let fontFamily = "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif"
    static let titleHeight = 30.0

    static func render(_ chart: any Chart, header: ChartHeader) -> String {
        let id = identifier(header.id)
        let width = SVGCanvas.number(chart.size.width)
        let height = SVGCanvas.number(chart.size.height + titleHeight)
        var canvas = SVGCanvas()
        canvas.element("rect", [("width", width), ("height", height), ("fill", "#ffffff")])
        canvas.text(header.title, x: 12, y: 20, size: 15, weight: "bold")
        chart.draw(on: &canvas, at: (0, titleHeight))
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\""
            + " role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" font-family=\"\(fontFamily)\" font-size=\"11\">\n"
            + "<title id=\"\(id)-title\">\(SVGCanvas.escaped(header.title))</title>\n"
            + "<desc id=\"\(id)-desc\">\(SVGCanvas.escaped(header.description))</desc>\n"
            + canvas.markup + "</svg>\n"
    }

    /// `text` as an XML name: letters, digits, `-` and `_` kept, anything else turned into `-`, and a
    /// leading `c` when it would not start with a letter.
    static func identifier(_ text: String) -> String {
        var result = String(text.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-")
                ? Character(scalar) : "-"
        })
        if !(result.unicodeScalars.first.map { $0.isASCII && $0.properties.isAlphabetic } ?? false) { result = "c" + result }
        return result
    }
}
