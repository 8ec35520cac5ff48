/// A point of a line series; `note` becomes the marker's tooltip (e.g. the parks named at that budget).
public struct LinePoint: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public var note: String?

    public init(x: Double, y: Double, note: String? = nil) {
        self.x = x
        self.y = y
        self.note = note
    }
}

/// A line series. A point with a non-finite y (e.g. a budget with no feasible plan) breaks the line.
public struct LineSeries: Sendable, Equatable {
    /// How consecutive points are joined: straight, or as steps whose level changes at the earlier point
    /// (`stepBefore`: the value of point i holds from point i−1 to point i, as a marginal value per 万元 does
    /// between two budgets) or at the later one (`stepAfter`: the value holds until the next point).
    public enum Interpolation: Sendable { case linear, stepBefore, stepAfter }

    public var name: String
    public var points: [LinePoint]
    public var interpolation: Interpolation
    public var markers: Bool
    /// With `stepBefore`: where the first point's level begins (the budget before the first marginal value's
    /// point); without it the line begins at the first point.
    public var firstStepFrom: Double?

    public init(
        name: String, points: [LinePoint], interpolation: Interpolation = .linear, markers: Bool = true, firstStepFrom: Double? = nil
    ) {
        self.name = name
        self.points = points
        self.interpolation = interpolation
        self.markers = markers
        self.firstStepFrom = firstStepFrom
    }
}

/// A horizontal (`y` = value) or vertical (`x` = value) reference line with a label, e.g. the target of
/// 30 eco parks, 50% of all parks, or the base budget.
public struct ReferenceLine: Sendable, Equatable {
    public enum Direction: Sendable { case horizontal, vertical }
    public var direction: Direction
    public var value: Double
    public var label: String

    public init(_ direction: Direction, at value: Double, label: String) {
        self.direction = direction
        self.value = value
        self.label = label
    }
}

/// Lines with point markers on two value axes (e.g. the sweep's frontier: objective against budget), with
/// reference lines (targets), each axis honest as `Axis` describes.
public struct LineChart: Chart {
    public var series: [LineSeries]
    public var xAxis: Axis
    public var yAxis: Axis
    public var references: [ReferenceLine]
    public var heading: String?
    public var size: ChartSize
    /// The least room left of the plot for the y axis (set by `aligned` so that stacked panels line up).
    public var yAxisRoom: Double

    public init(
        series: [LineSeries], xAxis: Axis, yAxis: Axis, references: [ReferenceLine] = [], heading: String? = nil,
        size: ChartSize = ChartSize(width: 640, height: 360), yAxisRoom: Double = 0
    ) {
        self.series = series
        self.xAxis = xAxis
        self.yAxis = yAxis
        self.references = references
        self.heading = heading
        self.size = size
        self.yAxisRoom = yAxisRoom
    }

    /// Charts to stack over one another on a shared x axis (e.g. the frontier over the marginal value): each
    /// x axis covers every chart's x values with the first chart's tick settings, and every y axis gets the
    /// room of the widest, so that one x value stands at the same place in every panel.
    public static func aligned(_ charts: [LineChart]) -> [LineChart] {
        guard let first = charts.first else { return [] }
        let xValues = charts.flatMap { chart in
            chart.series.flatMap { $0.points.map(\.x) + [$0.firstStepFrom].compactMap { $0 } } + chart.xAxis.covers
        }.filter(\.isFinite)
        var result = charts
        for index in result.indices {
            result[index].xAxis.covers = xValues
            result[index].xAxis.includeZero = first.xAxis.includeZero
            result[index].xAxis.tickCount = first.xAxis.tickCount
            result[index].xAxis.format = first.xAxis.format
        }
        let room = result.map { AxisDrawing.verticalMargin($0.resolvedAxes().y) }.max() ?? 0
        for index in result.indices { result[index].yAxisRoom = max(result[index].yAxisRoom, room) }
        return result
    }

    func resolvedAxes() -> (x: ResolvedAxis, y: ResolvedAxis) {
        let points = series.flatMap(\.points).filter { $0.x.isFinite && $0.y.isFinite }
        let starts = series.compactMap { $0.interpolation == .stepBefore ? $0.firstStepFrom : nil }
        return (
            ResolvedAxis(xAxis, values: points.map(\.x) + starts + references.filter { $0.direction == .vertical }.map(\.value)),
            ResolvedAxis(yAxis, values: points.map(\.y) + references.filter { $0.direction == .horizontal }.map(\.value))
        )
    }

    var legendEntries: [LegendEntry] {
        let named = series.enumerated().filter { !$0.element.name.isEmpty }
        return named.count > 1 || !references.isEmpty
            ? named.map { LegendEntry(label: $0.element.name, color: Palette.color($0.offset), swatch: .line) } : []
    }

    public func draw(on canvas: inout SVGCanvas, at origin: (x: Double, y: Double)) {
        let (xResolved, yResolved) = resolvedAxes()
        let top = PanelHeader.draw(heading: heading, entries: legendEntries, on: &canvas, at: origin, width: size.width)
        let left = origin.x + max(AxisDrawing.verticalMargin(yResolved), yAxisRoom) + 8
        let lastLabel = TextMetrics.width(xResolved.labels.last ?? "", fontSize: AxisDrawing.fontSize)
        let plot = PlotArea(
            left: left, top: top, width: max(origin.x + size.width - 12 - lastLabel / 2 - left, 10),
            height: max(origin.y + size.height - AxisDrawing.horizontalMargin(xResolved) - 4 - top, 10))
        let xScale = xResolved.scale(from: plot.left, to: plot.right)
        let yScale = yResolved.scale(from: plot.bottom, to: plot.top)
        AxisDrawing.drawVertical(yResolved, scale: yScale, plot: plot, on: &canvas)
        AxisDrawing.drawHorizontal(xResolved, scale: xScale, plot: plot, on: &canvas)
        for reference in references {
            drawReference(reference, plot: plot, x: xScale, y: yScale, on: &canvas)
        }
        for (index, line) in series.enumerated() {
            drawSeries(line, color: Palette.color(index), x: xScale, y: yScale, on: &canvas)
        }
    }

    func drawReference(_ reference: ReferenceLine, plot: PlotArea, x: LinearScale, y: LinearScale, on canvas: inout SVGCanvas) {
        guard reference.value.isFinite else { return }
        let format = reference.direction == .horizontal ? yAxis.format : xAxis.format
        let title = reference.label + ": " + format.value(reference.value)
        switch reference.direction {
        case .horizontal:
            let position = y(reference.value)
            canvas.line(plot.left, position, plot.right, position, stroke: Palette.reference, width: 1.5, dash: "6 4", title: title)
            canvas.text(reference.label, x: plot.right - 4, y: position - 5, anchor: .end, size: 11, fill: Palette.reference)
        case .vertical:
            let position = x(reference.value)
            canvas.line(position, plot.top, position, plot.bottom, stroke: Palette.muted, width: 1.2, dash: "4 4", title: title)
            canvas.text(reference.label, x: position + 4, y: plot.top + 12, size: 11, fill: Palette.muted)
        }
    }

    func drawSeries(_ line: LineSeries, color: String, x: LinearScale, y: LinearScale, on canvas: inout SVGCanvas) {
        for (index, run) in Self.runs(line.points).enumerated() {
            var corners = Self.path(run, interpolation: line.interpolation)
            if index == 0, line.interpolation == .stepBefore, let start = line.firstStepFrom, start.isFinite, let first = corners.first {
                corners.insert((start, first.y), at: 0)
            }
            canvas.polyline(corners.map { (x($0.x), y($0.y)) }, stroke: color)
        }
        guard line.markers else { return }
        for point in line.points where point.x.isFinite && point.y.isFinite {
            var tooltip = (line.name.isEmpty ? "" : line.name + ": ") + xAxis.format.value(point.x) + " → " + yAxis.format.value(point.y)
            if let note = point.note, !note.isEmpty { tooltip += "\n" + note }
            canvas.circle(x(point.x), y(point.y), radius: 3.5, fill: color, title: tooltip)
        }
    }

    /// The stretches of consecutive drawable points (a non-finite coordinate ends a stretch).
    static func runs(_ points: [LinePoint]) -> [[LinePoint]] {
        var runs: [[LinePoint]] = [[]]
        for point in points {
            if point.x.isFinite && point.y.isFinite {
                runs[runs.count - 1].append(point)
            } else if !(runs.last?.isEmpty ?? true) {
                runs.append([])
            }
        }
        return runs.filter { !$0.isEmpty }
    }

    /// The corners of the drawn path: the points themselves, or with the step corners between them.
    static func path(_ points: [LinePoint], interpolation: LineSeries.Interpolation) -> [(x: Double, y: Double)] {
        guard let first = points.first else { return [] }
        var corners = [(x: first.x, y: first.y)]
        for (previous, point) in zip(points, points.dropFirst()) {
            switch interpolation {
            case .linear: break
            case .stepBefore: corners.append((previous.x, point.y))
            case .stepAfter: corners.append((point.x, previous.y))
            }
            corners.append((point.x, point.y))
        }
        return corners
    }
}
