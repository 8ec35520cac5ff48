/// One series of a bar chart: its name (legend, tooltips) and one value per category; a missing or
/// non-finite value draws no bar.
public struct BarSeries: Sendable, Equatable {
    public var name: String
    public var values: [Double]

    public init(name: String, values: [Double]) {
        self.name = name
        self.values = values
    }
}

/// Bars by category: vertical or horizontal, series grouped side by side or stacked (e.g. budget used and
/// remaining per fund and year), with an optional reference mark per category (e.g. a city's cap). Bars
/// always start at zero, so the value axis includes zero whatever `valueAxis.includeZero` says. Long
/// category labels never overlap: vertical charts turn them (45° or 90°) and shorten them with `…` (the
/// full label stays as a tooltip); horizontal charts, the choice for many or long names, set them left of
/// the bars.
public struct BarChart: Chart {
    public enum Orientation: Sendable { case vertical, horizontal }
    public enum Layout: Sendable { case grouped, stacked }

    public var categories: [String]
    public var series: [BarSeries]
    public var valueAxis: Axis
    public var orientation: Orientation
    public var layout: Layout
    /// One optional reference value per category, drawn as a dark line across its bars.
    public var references: [Double?]
    /// The reference's name in the legend and tooltips (e.g. "上限" / "cap").
    public var referenceLabel: String
    /// A title above this panel (in a document with several panels).
    public var heading: String?
    public var size: ChartSize

    public init(
        categories: [String], series: [BarSeries], valueAxis: Axis, orientation: Orientation = .vertical,
        layout: Layout = .grouped, references: [Double?] = [], referenceLabel: String = "", heading: String? = nil,
        size: ChartSize = ChartSize(width: 640, height: 360)
    ) {
        self.categories = categories
        self.series = series
        self.valueAxis = valueAxis
        self.orientation = orientation
        self.layout = layout
        self.references = references
        self.referenceLabel = referenceLabel
        self.heading = heading
        self.size = size
    }

    func value(series index: Int, category: Int) -> Double? {
        let values = series[index].values
        guard category < values.count, values[category].isFinite else { return nil }
        return values[category]
    }

    func reference(_ category: Int) -> Double? {
        guard category < references.count, let value = references[category], value.isFinite else { return nil }
        return value
    }

    /// The value range each category spans: the stacked sums (positive up, negative down) or the single bars.
    func extent(_ category: Int) -> (low: Double, high: Double) {
        let values = series.indices.compactMap { value(series: $0, category: category) }
        switch layout {
        case .grouped: return (values.min() ?? 0, values.max() ?? 0)
        case .stacked: return (values.filter { $0 < 0 }.reduce(0, +), values.filter { $0 > 0 }.reduce(0, +))
        }
    }

    var legendEntries: [LegendEntry] {
        var entries = series.count > 1 || !(series.first?.name.isEmpty ?? true)
            ? series.enumerated().map { LegendEntry(label: $0.element.name, color: Palette.color($0.offset), swatch: .box) } : []
        if categories.indices.contains(where: { reference($0) != nil }), !referenceLabel.isEmpty {
            entries.append(LegendEntry(label: referenceLabel, color: Palette.reference, swatch: .line))
        }
        return entries
    }

    public func draw(on canvas: inout SVGCanvas, at origin: (x: Double, y: Double)) {
        let layout = BarLayout(self, origin: origin)
        _ = PanelHeader.draw(heading: heading, entries: legendEntries, on: &canvas, at: origin, width: size.width)
        switch orientation {
        case .vertical:
            AxisDrawing.drawVertical(layout.axis, scale: layout.scale, plot: layout.plot, on: &canvas)
        case .horizontal:
            AxisDrawing.drawHorizontal(layout.axis, scale: layout.scale, plot: layout.plot, on: &canvas, grid: true)
        }
        for category in categories.indices {
            drawBars(category, layout: layout, on: &canvas)
        }
        layout.drawBaseline(on: &canvas)
        layout.drawCategoryLabels(categories, on: &canvas)
    }

    func drawBars(_ category: Int, layout: BarLayout, on canvas: inout SVGCanvas) {
        let band = layout.band(category)
        let name = categories[category]
        var positive = 0.0, negative = 0.0
        for index in series.indices {
            guard let value = value(series: index, category: category) else { continue }
            let label = series[index].name.isEmpty ? name : name + " · " + series[index].name
            let tooltip = label + ": " + valueAxis.format.value(value)
            switch self.layout {
            case .grouped:
                let width = band.length * 0.8 / Double(max(series.count, 1))
                let start = band.start + band.length * 0.1 + Double(index) * width
                layout.bar(from: 0, to: value, at: start + width * 0.05, thickness: width * 0.9, fill: Palette.color(index), title: tooltip, on: &canvas)
            case .stacked:
                let base = value >= 0 ? positive : negative
                layout.bar(from: base, to: base + value, at: band.start + band.length * 0.2, thickness: band.length * 0.6,
                           fill: Palette.color(index), title: tooltip, on: &canvas)
                if value >= 0 { positive += value } else { negative += value }
            }
        }
        if let reference = reference(category) {
            layout.mark(reference, from: band.start + band.length * 0.04, to: band.start + band.length * 0.96,
                        title: name + " · " + referenceLabel + ": " + valueAxis.format.value(reference), on: &canvas)
        }
    }
}
