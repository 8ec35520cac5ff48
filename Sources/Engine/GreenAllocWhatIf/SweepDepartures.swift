/// A project that a sweep funds at some budget and not at a larger one: it leaves the funded set as money
/// grows (other projects, worth more for the money, take its place).
public struct SweepDeparture: Sendable, Equatable {
    public var project: String
    /// The points (indices into `SweepResult.points`) where it leaves: funded at the solved point before, not here.
    public var leaves: [Int]
    /// The points where it comes back after leaving.
    public var returns: [Int]
    /// Whether the last solved point funds it.
    public var fundedAtEnd: Bool

    public init(project: String, leaves: [Int], returns: [Int], fundedAtEnd: Bool) {
        self.project = project
        self.leaves = leaves
        self.returns = returns
        self.fundedAtEnd = fundedAtEnd
    }
}

extension SweepResult {
    /// Every project that leaves the funded set between two consecutive solved points (points without a plan
    /// are passed over), ordered by the point where it first leaves, then by the library's order. Those not
    /// funded at the end first.
    public var departures: [SweepDeparture] {
        let solved = points.indices.filter { points[$0].objective != nil }
        var byProject: [String: SweepDeparture] = [:]
        var order: [String] = []
        for (before, here) in zip(solved, solved.dropFirst()) {
            let now = Set(points[here].funded), then = Set(points[before].funded)
            for id in points[before].funded where !now.contains(id) {
                if byProject[id] == nil {
                    order.append(id)
                    byProject[id] = SweepDeparture(project: id, leaves: [], returns: [], fundedAtEnd: false)
                }
                byProject[id]?.leaves.append(here)
            }
            for id in points[here].funded where !then.contains(id) && byProject[id] != nil {
                byProject[id]?.returns.append(here)
            }
        }
        let last = Set(solved.last.map { points[$0].funded } ?? [])
        let all = order.compactMap { id -> SweepDeparture? in
            guard var departure = byProject[id] else { return nil }
            departure.fundedAtEnd = last.contains(id)
            return departure
        }
        return all.filter { !$0.fundedAtEnd } + all.filter(\.fundedAtEnd)
    }
}
