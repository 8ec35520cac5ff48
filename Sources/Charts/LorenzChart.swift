/// The fairness panel: a Lorenz curve (each unit's share of the amount against its share of the weight)
/// over the diagonal of perfect equality, with the Gini coefficient in the legend. Both axes run from 0 to
/// 100%.
public struct LorenzChart: Chart {
    public var curve: LorenzCurve
    /// The units' names, by input index (tooltips of the curve's points).
    public var unitNames: [String]
    public var xAxis: Axis
    public var yAxis: Axis
    /// The curve's legend entry (e.g. "资金分布" / "allocation").
    public var curveLabel: String
    /// The diagonal's legend entry (e.g. "完全均等" / "perfect equality").
    public var equalityLabel: String
    /// The coefficient's name (e.g. "基尼系数" / "Gini coefficient"); the value follows with 3 decimals.
    public var giniLabel: String
    public var heading: String?
    public var size: ChartSize

    public init(
        curve: LorenzCurve, unitNames: [String], xTitle: String, yTitle: String, curveLabel: String, equalityLabel: String,
        giniLabel: String, heading: String? = nil, size: ChartSize = ChartSize(width: 420, height: 440)
    ) {
        self.curve = curve
        self.unitNames = unitNames
        xAxis = Axis(title: xTitle, format: .shareAsPercent, covers: [0, 1])
        yAxis = Axis(title: yTitle, format: .shareAsPercent, covers: [0, 1])
        self.curveLabel = curveLabel
        self.equalityLabel = equalityLabel
        self.giniLabel = giniLabel
        self.heading = heading
        self.size = size
    }

    public var giniText: String {
        giniLabel + " " + ChartNumber.fixed(curve.gini, decimals: 3)
    }

    public func draw(on canvas: inout SVGCanvas, at origin: (x: Double, y: Double)) {
        let xResolved = ResolvedAxis(xAxis, values: [0, 1]), yResolved = ResolvedAxis(yAxis, values: [0, 1])
        let entries = [
            LegendEntry(label: curveLabel, color: Palette.color(0), swatch: .line),
            LegendEntry(label: equalityLabel, color: Palette.muted, swatch: .dashed),
        ]
        var top = PanelHeader.draw(heading: heading, entries: entries, on: &canvas, at: origin, width: size.width) - 10
        canvas.text(giniText, x: origin.x + 12, y: top + 12, size: 12, weight: "bold")
        top += 24
        let left = origin.x + AxisDrawing.verticalMargin(yResolved) + 8
        let bottomRoom = AxisDrawing.horizontalMargin(xResolved) + 4
        // A square plot: equal shares lie on the diagonal at 45°.
        let side = max(min(origin.x + size.width - 24 - left, origin.y + size.height - bottomRoom - top), 10)
        let plot = PlotArea(left: left, top: top, width: side, height: side)
        let xScale = xResolved.scale(from: plot.left, to: plot.right)
        let yScale = yResolved.scale(from: plot.bottom, to: plot.top)
        AxisDrawing.drawVertical(yResolved, scale: yScale, plot: plot, on: &canvas)
        AxisDrawing.drawHorizontal(xResolved, scale: xScale, plot: plot, on: &canvas, grid: true)
        canvas.line(xScale(0), yScale(0), xScale(1), yScale(1), stroke: Palette.muted, width: 1.2, dash: "5 4")
        canvas.polyline(curve.points.map { (xScale($0.x), yScale($0.y)) }, stroke: Palette.color(0))
        for point in curve.points {
            guard let unit = point.unit else { continue }
            let name = unit < unitNames.count ? unitNames[unit] : ""
            let tooltip = name + ": " + xAxis.format.value(point.x) + ", " + yAxis.format.value(point.y)
            canvas.circle(xScale(point.x), yScale(point.y), radius: 3, fill: Palette.color(0), title: tooltip)
        }
    }
}
