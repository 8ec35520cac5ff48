@testable import Charts
import Testing

@Suite struct ChartLayoutTests {
    static func bars(_ categories: [String], orientation: BarChart.Orientation = .vertical, width: Double = 560) -> BarChart {
        BarChart(
            categories: categories, series: [BarSeries(name: "", values: categories.indices.map { Double($0 + 1) * 10 })],
            valueAxis: Axis(title: "万元", format: .wan), orientation: orientation, size: ChartSize(width: width, height: 320))
    }

    @Test func shortLabelsStayStraightAndFitTheirBands() {
        let layout = BarLayout(Self.bars(["济南市", "青岛市", "淄博市"]), origin: (0, 0))
        #expect(layout.labelAngle == nil && layout.labelStride == 1)
        let widest = TextMetrics.width("济南市", fontSize: BarLayout.labelSize)
        #expect(widest <= layout.band(0).length - 6)
    }

    @Test func longLabelsTurnAndAreShortenedWithTheirFullNameKept() throws {
        let long = "黄河三角洲生态保护与高质量发展示范区管理委员会"
        let chart = Self.bars(ChartSamples.cities + [long])
        let layout = BarLayout(chart, origin: (0, 0))
        #expect(layout.labelAngle == -45)
        // Turned 45°, neighbouring labels are a band apart horizontally, i.e. band × sin 45° ≥ one line apart.
        #expect(layout.band(0).length * 0.7071 >= BarLayout.labelSize)
        let reading = try #require(SVGReading.parse(chart.svg(ChartHeader(id: "t", title: "t", description: "d"))))
        #expect(reading.texts.contains { $0.hasSuffix("…") })
        #expect(chart.svg(ChartHeader(id: "t", title: "t", description: "d")).contains("<title>\(long)</title>"))
    }

    @Test func manyCategoriesTurnUprightThenThin() {
        let names = (1...60).map { "城市\($0)" }
        let upright = BarLayout(Self.bars(names), origin: (0, 0))
        #expect(upright.labelAngle == -90)
        #expect(upright.band(0).length * Double(upright.labelStride) >= BarLayout.minimumLabelBand)
        let horizontal = BarLayout(Self.bars(names, orientation: .horizontal), origin: (0, 0))
        #expect(horizontal.band(0).length * Double(horizontal.labelStride) >= BarLayout.minimumLabelBand)
        #expect(horizontal.labelStride > 1)
    }

    @Test func horizontalLabelsTakeAtMostAThirdOfTheWidth() {
        let layout = BarLayout(Self.bars(["黄河三角洲生态保护与高质量发展示范区管理委员会", "济南市"], orientation: .horizontal), origin: (0, 0))
        #expect(layout.labelWidthLimit <= 560 * 0.35)
        #expect(layout.plot.left >= layout.labelWidthLimit)
    }

    @Test func stepsChangeLevelAtTheRightPoint() {
        let points = [LinePoint(x: 0, y: 1), LinePoint(x: 2, y: 3), LinePoint(x: 5, y: 2)]
        #expect(LineChart.path(points, interpolation: .stepBefore).map { [$0.x, $0.y] } == [[0, 1], [0, 3], [2, 3], [2, 2], [5, 2]])
        #expect(LineChart.path(points, interpolation: .stepAfter).map { [$0.x, $0.y] } == [[0, 1], [2, 1], [2, 3], [5, 3], [5, 2]])
        #expect(LineChart.path(points, interpolation: .linear).count == 3)
    }

    @Test func aMissingValueBreaksTheLine() {
        let points = [LinePoint(x: 0, y: 1), LinePoint(x: 1, y: .nan), LinePoint(x: 2, y: 3), LinePoint(x: 3, y: 4), LinePoint(x: .infinity, y: 1)]
        #expect(LineChart.runs(points).map { $0.map(\.x) } == [[0], [2, 3]])
    }

    @Test func alignedPanelsShareTheirXAxisAndYRoom() {
        let wide = LineChart(series: [LineSeries(name: "a", points: [LinePoint(x: 100, y: 2_500_000)])], xAxis: Axis(title: "x"), yAxis: Axis(title: "y"))
        let narrow = LineChart(series: [LineSeries(name: "b", points: [LinePoint(x: 900, y: 3)])], xAxis: Axis(title: "x", tickCount: 9), yAxis: Axis(title: "y"))
        let aligned = LineChart.aligned([wide, narrow])
        #expect(aligned[0].resolvedAxes().x.ticks == aligned[1].resolvedAxes().x.ticks)
        #expect(aligned[0].resolvedAxes().x.ticks.upper == 1_000)
        #expect(aligned[0].yAxisRoom == aligned[1].yAxisRoom && aligned[1].yAxisRoom >= AxisDrawing.verticalMargin(wide.resolvedAxes().y))
    }

    @Test func hostileInputStillDrawsWellFormedDocuments() throws {
        let names = ["<script>&\"'", "a\u{0}b\u{1B}c", "", String(repeating: "长", count: 400)]
        let charts: [any Chart] = [
            BarChart(categories: names, series: [BarSeries(name: "]]>", values: [.nan, -5, .infinity])], valueAxis: Axis(title: "&"),
                     layout: .stacked, references: [nil, .nan, 3, -1], referenceLabel: "<cap>"),
            BarChart(categories: [], series: [], valueAxis: Axis(title: ""), orientation: .horizontal),
            BarChart(categories: names, series: [], valueAxis: Axis(title: "x"), size: ChartSize(width: 10, height: 10)),
            LineChart(series: [LineSeries(name: "--", points: [LinePoint(x: .nan, y: .nan, note: "\u{FFFE}")])], xAxis: Axis(title: "x"),
                      yAxis: Axis(title: "y", includeZero: false), references: [ReferenceLine(.horizontal, at: .infinity, label: "<")]),
            LineChart(series: [], xAxis: Axis(title: "x"), yAxis: Axis(title: "y")),
            ChartPanels([]),
            BarChart(categories: names, series: [BarSeries(name: "a", values: [1, 2])], valueAxis: Axis(title: "x"), size: ChartSize(width: .nan, height: -5)),
            LineChart(series: [LineSeries(name: "a", points: [LinePoint(x: 1, y: 2), LinePoint(x: 3, y: 1e300)])], xAxis: Axis(title: "x"), yAxis: Axis(title: "y"),
                      size: ChartSize(width: .infinity, height: 0)),
        ]
        for (index, chart) in charts.enumerated() {
            let svg = chart.svg(ChartHeader(id: "--\(index)", title: "<&>", description: "\u{7}"))
            #expect(SVGReading.parse(svg) != nil, "chart \(index)")
            #expect(!svg.contains("nan") && !svg.contains("inf"), "chart \(index)")
        }
    }
}
