/// A value axis as the caller describes it: its title (in the reader's language, the unit included when
/// ticks do not carry it), how values print, and where it starts. Honest by default: the axis includes
/// zero; without `includeZero` it starts at the nice tick below the data, shows a break mark at its start,
/// and appends `startNote` as given (e.g. "（不从零开始）" / " (not from zero)") to its title. Either way the axis' first
/// tick, where it starts, is labelled.
public struct Axis: Sendable, Equatable {
    public var title: String
    public var format: ValueFormat
    public var includeZero: Bool
    public var tickCount: Int
    public var startNote: String?
    /// Values the axis covers besides the data's (e.g. `[0, 1]` for shares).
    public var covers: [Double]

    public init(
        title: String, format: ValueFormat = .plain, includeZero: Bool = true, tickCount: Int = 5, startNote: String? = nil,
        covers: [Double] = []
    ) {
        self.title = title
        self.format = format
        self.includeZero = includeZero
        self.tickCount = tickCount
        self.startNote = startNote
        self.covers = covers
    }
}

/// An axis with its ticks fixed by the data it shows.
struct ResolvedAxis: Sendable {
    let axis: Axis
    let ticks: TickSet
    let labels: [String]

    init(_ axis: Axis, values: [Double], forceZero: Bool = false) {
        let finite = (values + axis.covers).filter(\.isFinite)
        self.axis = axis
        ticks = NiceTicks.ticks(
            finite.min() ?? 0, finite.max() ?? 0, count: axis.tickCount, includingZero: axis.includeZero || forceZero)
        labels = ticks.labels(axis.format)
    }

    var domain: ClosedRange<Double> { ticks.lower...ticks.upper }
    var containsZero: Bool { ticks.lower <= 0 && ticks.upper >= 0 }
    var title: String {
        guard !containsZero, let note = axis.startNote, !note.isEmpty else { return axis.title }
        return axis.title + note
    }
    var labelWidth: Double { labels.map { TextMetrics.width($0, fontSize: AxisDrawing.fontSize) }.max() ?? 0 }

    func scale(from start: Double, to end: Double) -> LinearScale {
        LinearScale(domain: domain, range: (start, end))
    }
}

/// The rectangle values are drawn in.
struct PlotArea: Sendable {
    var left: Double
    var top: Double
    var width: Double
    var height: Double
    var right: Double { left + width }
    var bottom: Double { top + height }
}

/// Drawing of value axes: line, ticks, labels, grid and title; a break mark where an axis does not
/// start at zero.
enum AxisDrawing {
    static let fontSize = 11.0
    static let titleSize = 12.0

    /// The room left of the plot a vertical axis needs: its tick labels and its rotated title.
    static func verticalMargin(_ axis: ResolvedAxis) -> Double {
        axis.labelWidth + 12 + (axis.title.isEmpty ? 0 : titleSize + 10)
    }

    static func drawVertical(_ axis: ResolvedAxis, scale: LinearScale, plot: PlotArea, on canvas: inout SVGCanvas, grid: Bool = true) {
        for (value, label) in zip(axis.ticks.values, axis.labels) {
            let y = scale(value)
            if grid { canvas.line(plot.left, y, plot.right, y, stroke: Palette.grid) }
            canvas.line(plot.left - 4, y, plot.left, y, stroke: Palette.axis)
            canvas.text(label, x: plot.left - 7, y: y + 4, anchor: .end, size: fontSize)
        }
        canvas.line(plot.left, plot.top, plot.left, plot.bottom, stroke: Palette.axis)
        if !axis.containsZero { breakMark(x: plot.left, y: plot.bottom, vertical: true, on: &canvas) }
        guard !axis.title.isEmpty else { return }
        let x = plot.left - axis.labelWidth - 14, y = plot.top + plot.height / 2
        canvas.text(axis.title, x: x, y: y, anchor: .middle, size: titleSize, rotation: -90)
    }

    /// The room below the plot a horizontal axis needs.
    static func horizontalMargin(_ axis: ResolvedAxis) -> Double {
        22 + (axis.title.isEmpty ? 0 : titleSize + 8)
    }

    static func drawHorizontal(_ axis: ResolvedAxis, scale: LinearScale, plot: PlotArea, on canvas: inout SVGCanvas, grid: Bool = false) {
        let values = axis.ticks.values
        let spacing = values.count > 1 ? abs(scale(values[1]) - scale(values[0])) : plot.width
        // Labels wider than the tick spacing would touch: label every second (or third…) tick instead.
        let stride = AxisDrawing.stride(needed: axis.labelWidth + 8, available: spacing)
        for (index, (value, label)) in zip(values, axis.labels).enumerated() {
            let x = scale(value)
            if grid { canvas.line(x, plot.top, x, plot.bottom, stroke: Palette.grid) }
            canvas.line(x, plot.bottom, x, plot.bottom + 4, stroke: Palette.axis)
            if index % stride == 0 { canvas.text(label, x: x, y: plot.bottom + 16, anchor: .middle, size: fontSize) }
        }
        canvas.line(plot.left, plot.bottom, plot.right, plot.bottom, stroke: Palette.axis)
        if !axis.containsZero { breakMark(x: plot.left, y: plot.bottom, vertical: false, on: &canvas) }
        guard !axis.title.isEmpty else { return }
        canvas.text(axis.title, x: plot.left + plot.width / 2, y: plot.bottom + 34, anchor: .middle, size: titleSize)
    }

    /// How many ticks or bands apart labels must be so that each gets `needed` room when one step gives
    /// `available` (1 when it fits; never a crash on degenerate sizes).
    static func stride(needed: Double, available: Double) -> Int {
        guard needed.isFinite, available.isFinite, available > 0.01 else { return 1 }
        return Int(min(max((needed / available).rounded(.up), 1), 10_000))
    }

    /// Two short slanted strokes across the axis near its start: the axis does not begin at zero.
    static func breakMark(x: Double, y: Double, vertical: Bool, on canvas: inout SVGCanvas) {
        for offset in [0.0, 4.0] {
            if vertical {
                canvas.line(x - 5, y - 8 - offset, x + 5, y - 12 - offset, stroke: Palette.axis, width: 1.2)
            } else {
                canvas.line(x + 8 + offset, y + 5, x + 12 + offset, y - 5, stroke: Palette.axis, width: 1.2)
            }
        }
    }
}
