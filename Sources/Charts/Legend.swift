/// The colours of series, in order: the Okabe–Ito palette, readable with the common colour-vision
/// deficiencies and in greyscale print.
enum Palette {
    static let series = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
    static let reference = "#B00020"
    static let axis = "#444444"
    static let grid = "#E3E3E3"
    static let muted = "#666666"

    static func color(_ index: Int) -> String { series[index % series.count] }
}

/// One legend entry: a swatch (a filled box, a line, or a dashed line) and the caller's label.
struct LegendEntry: Sendable {
    enum Swatch: Sendable { case box, line, dashed }
    var label: String
    var color: String
    var swatch: Swatch
}

/// A small legend laid out in rows from left to right, wrapping at `width`.
enum Legend {
    static let rowHeight = 16.0
    static let fontSize = 11.0

    static func entryWidth(_ entry: LegendEntry) -> Double {
        22 + TextMetrics.width(entry.label, fontSize: fontSize) + 14
    }

    /// The rows the entries take within `width`.
    static func rows(_ entries: [LegendEntry], width: Double) -> [[LegendEntry]] {
        var rows: [[LegendEntry]] = []
        var current: [LegendEntry] = [], used = 0.0
        for entry in entries {
            let entryWidth = Self.entryWidth(entry)
            if !current.isEmpty, used + entryWidth > width {
                rows.append(current)
                current = []
                used = 0
            }
            current.append(entry)
            used += entryWidth
        }
        if !current.isEmpty { rows.append(current) }
        return rows
    }

    static func height(_ entries: [LegendEntry], width: Double) -> Double {
        Double(rows(entries, width: width).count) * rowHeight
    }

    static func draw(_ entries: [LegendEntry], on canvas: inout SVGCanvas, x: Double, y: Double, width: Double) {
        for (rowIndex, row) in rows(entries, width: width).enumerated() {
            var left = x
            let middle = y + Double(rowIndex) * rowHeight + rowHeight / 2
            for entry in row {
                switch entry.swatch {
                case .box: canvas.rect(left, middle - 5, 14, 10, fill: entry.color)
                case .line: canvas.line(left, middle, left + 16, middle, stroke: entry.color, width: 2)
                case .dashed: canvas.line(left, middle, left + 16, middle, stroke: entry.color, width: 2, dash: "4 3")
                }
                canvas.text(entry.label, x: left + 22, y: middle + 4, size: fontSize)
                left += entryWidth(entry)
            }
        }
    }
}

/// The top of a panel: its heading (if any), then its legend (if any). Bars, lines and the Lorenz chart
/// all begin this way.
enum PanelHeader {
    static let headingHeight = 22.0

    /// How far below the panel's top edge the header ends.
    static func height(heading: String?, entries: [LegendEntry], width: Double) -> Double {
        (heading == nil ? 0 : headingHeight) + Legend.height(entries, width: width - 24) + (entries.isEmpty ? 8 : 14)
    }

    /// Draws the header; returns the y where the panel's drawing continues.
    static func draw(heading: String?, entries: [LegendEntry], on canvas: inout SVGCanvas, at origin: (x: Double, y: Double), width: Double) -> Double {
        var top = origin.y
        if let heading {
            canvas.text(heading, x: origin.x + 12, y: top + 14, size: 13, weight: "bold")
            top += headingHeight
        }
        Legend.draw(entries, on: &canvas, x: origin.x + 12, y: top, width: width - 24)
        return origin.y + height(heading: heading, entries: entries, width: width)
    }
}
