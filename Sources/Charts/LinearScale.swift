/// Maps a domain of values linearly onto a range of drawing coordinates (the range may run backwards, as a
/// vertical axis does: larger values higher up, smaller y).
public struct LinearScale: Sendable, Equatable {
    public let domain: ClosedRange<Double>
    public let range: (start: Double, end: Double)

    public init(domain: ClosedRange<Double>, range: (start: Double, end: Double)) {
        self.domain = domain
        self.range = range
    }

    /// The coordinate of `value`; values outside the domain map outside the range. A non-finite value
    /// maps to the range's start, an empty domain to the range's middle.
    public func callAsFunction(_ value: Double) -> Double {
        let span = domain.upperBound - domain.lowerBound
        guard value.isFinite else { return range.start }
        guard span > 0 else { return (range.start + range.end) / 2 }
        return range.start + (value - domain.lowerBound) / span * (range.end - range.start)
    }

    /// The value drawn at `coordinate` (the inverse map).
    public func value(at coordinate: Double) -> Double {
        let length = range.end - range.start
        guard length != 0 else { return domain.lowerBound }
        return domain.lowerBound + (coordinate - range.start) / length * (domain.upperBound - domain.lowerBound)
    }

    public static func == (left: LinearScale, right: LinearScale) -> Bool {
        left.domain == right.domain && left.range == right.range
    }
}
