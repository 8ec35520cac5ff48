/// Where a bar chart's parts go: the plot area, the value scale, the category bands and how category
/// labels are set (straight, turned 45° or 90°, shortened, or every k-th) so that none overlap.
struct BarLayout: Sendable {
    static let labelSize = 11.0
    static let maximumLabelWidth = 140.0
    /// The least band height or width that fits one line of label text.
    static let minimumLabelBand = 13.0

    let orientation: BarChart.Orientation
    let axis: ResolvedAxis
    let plot: PlotArea
    let scale: LinearScale
    let categoryCount: Int
    let labelAngle: Double?
    let labelStride: Int
    let labelWidthLimit: Double

    init(_ chart: BarChart, origin: (x: Double, y: Double)) {
        orientation = chart.orientation
        categoryCount = max(chart.categories.count, 1)
        let extents = chart.categories.indices.flatMap { index -> [Double] in
            let extent = chart.extent(index)
            return [extent.low, extent.high] + [chart.reference(index)].compactMap { $0 }
        }
        axis = ResolvedAxis(chart.valueAxis, values: extents, forceZero: true)
        let top = origin.y + PanelHeader.height(heading: chart.heading, entries: chart.legendEntries, width: chart.size.width)
        let widest = chart.categories.map { TextMetrics.width($0, fontSize: Self.labelSize) }.max() ?? 0
        let bottomEdge = origin.y + chart.size.height
        switch chart.orientation {
        case .vertical:
            let left = origin.x + AxisDrawing.verticalMargin(axis) + 8
            let width = max(chart.size.width - (left - origin.x) - 16, 10)
            let band = width / Double(categoryCount)
            var limit = min(widest, Self.maximumLabelWidth)
            var angle: Double?, margin = 24.0
            if limit > band - 6 {
                angle = band >= 16 ? -45 : -90
                let reach = angle == -45 ? 0.7071 : 1.0
                limit = min(limit, chart.size.height * 0.4 / reach)
                margin = limit * reach + 20
            }
            labelAngle = angle
            labelWidthLimit = limit
            labelStride = Self.stride(band)
            plot = PlotArea(left: left, top: top, width: width, height: max(bottomEdge - margin - top, 10))
            scale = axis.scale(from: plot.bottom, to: plot.top)
        case .horizontal:
            labelWidthLimit = min(widest, chart.size.width * 0.35)
            labelAngle = nil
            let left = origin.x + 12 + labelWidthLimit + 8
            let lastLabel = TextMetrics.width(axis.labels.last ?? "", fontSize: AxisDrawing.fontSize)
            let width = max(origin.x + chart.size.width - 12 - lastLabel / 2 - left, 10)
            let height = max(bottomEdge - AxisDrawing.horizontalMargin(axis) - 6 - top, 10)
            plot = PlotArea(left: left, top: top, width: width, height: height)
            labelStride = Self.stride(height / Double(categoryCount))
            scale = axis.scale(from: plot.left, to: plot.right)
        }
    }

    /// Label every k-th category when a band is thinner than a line of text.
    static func stride(_ band: Double) -> Int {
        AxisDrawing.stride(needed: minimumLabelBand, available: band)
    }

    /// The band of category `index` along the category axis: left to right, or top to bottom.
    func band(_ index: Int) -> (start: Double, length: Double) {
        switch orientation {
        case .vertical:
            let length = plot.width / Double(categoryCount)
            return (plot.left + Double(index) * length, length)
        case .horizontal:
            let length = plot.height / Double(categoryCount)
            return (plot.top + Double(index) * length, length)
        }
    }

    /// A bar from value `from` to value `to`, `thickness` wide, starting at `position` along the category axis.
    func bar(from: Double, to: Double, at position: Double, thickness: Double, fill: String, title: String, on canvas: inout SVGCanvas) {
        let (start, end) = (scale(from), scale(to))
        switch orientation {
        case .vertical: canvas.rect(position, min(start, end), thickness, abs(end - start), fill: fill, title: title)
        case .horizontal: canvas.rect(min(start, end), position, abs(end - start), thickness, fill: fill, title: title)
        }
    }

    /// A reference mark at `value` across the category axis from `from` to `to`.
    func mark(_ value: Double, from: Double, to: Double, title: String, on canvas: inout SVGCanvas) {
        let position = scale(value)
        switch orientation {
        case .vertical: canvas.line(from, position, to, position, stroke: Palette.reference, width: 2.5, title: title)
        case .horizontal: canvas.line(position, from, position, to, stroke: Palette.reference, width: 2.5, title: title)
        }
    }

    /// The zero line the bars stand on.
    func drawBaseline(on canvas: inout SVGCanvas) {
        let zero = scale(0)
        switch orientation {
        case .vertical: canvas.line(plot.left, zero, plot.right, zero, stroke: Palette.axis)
        case .horizontal: canvas.line(zero, plot.top, zero, plot.bottom, stroke: Palette.axis)
        }
    }

    func drawCategoryLabels(_ categories: [String], on canvas: inout SVGCanvas) {
        for (index, name) in categories.enumerated() where index % labelStride == 0 {
            let band = band(index)
            let middle = band.start + band.length / 2
            let shown = TextMetrics.truncated(name, toWidth: labelWidthLimit, fontSize: Self.labelSize)
            switch orientation {
            case .vertical:
                if let labelAngle {
                    let y = plot.bottom + 10
                    canvas.text(shown, x: middle + 4, y: y, anchor: .end, size: Self.labelSize, rotation: labelAngle, fullText: name)
                } else {
                    canvas.text(shown, x: middle, y: plot.bottom + 16, anchor: .middle, size: Self.labelSize, fullText: name)
                }
            case .horizontal:
                canvas.text(shown, x: plot.left - 8, y: middle + 4, anchor: .end, size: Self.labelSize, fullText: name)
            }
        }
    }
}
