/// The Lorenz curve of an amount shared among units (e.g. money among cities), optionally weighted (by
/// population, GDP or requests), and its Gini coefficient.
///
/// Units are ordered by amount per weight, smallest first (ties keep the input order); the curve runs from
/// (0, 0) through (cumulative weight share, cumulative amount share) after each unit to (1, 1). The Gini
/// coefficient is one minus twice the area under the curve, by the trapezoid rule:
/// `G = 1 − Σ (Xₖ − Xₖ₋₁)(Yₖ + Yₖ₋₁)`. With equal weights this is `Σᵢ Σⱼ |aᵢ − aⱼ| / (2 n² ā)`: 0 for equal
/// amounts, `(n − 1)/n` when one of n units has everything.
public struct LorenzCurve: Sendable, Equatable {
    public struct Point: Sendable, Equatable {
        /// The cumulative share of weight (population, units) up to this point.
        public var x: Double
        /// The cumulative share of the amount up to this point.
        public var y: Double
        /// The unit whose addition reaches this point (its index in the input); nil for the origin.
        public var unit: Int?
    }

    public let points: [Point]
    public let gini: Double

    /// nil when there is nothing to share: no units, a negative or non-finite amount or weight, a total
    /// amount or total weight of zero (or too large to add up). Units with zero weight and zero amount are left out.
    public init?(amounts: [Double], weights: [Double]? = nil) {
        let weights = weights ?? Array(repeating: 1, count: amounts.count)
        guard !amounts.isEmpty, weights.count == amounts.count,
            (amounts + weights).allSatisfy({ $0.isFinite && $0 >= 0 })
        else { return nil }
        let totalAmount = amounts.reduce(0, +), totalWeight = weights.reduce(0, +)
        guard totalAmount > 0, totalWeight > 0, totalAmount.isFinite, totalWeight.isFinite else { return nil }
        let order = amounts.indices.filter { amounts[$0] > 0 || weights[$0] > 0 }.sorted { left, right in
            // amount/weight ascending without dividing (a unit with no weight comes last).
            let leftRatio = amounts[left] * weights[right], rightRatio = amounts[right] * weights[left]
            return leftRatio != rightRatio ? leftRatio < rightRatio : left < right
        }
        var points = [Point(x: 0, y: 0, unit: nil)]
        var weightSoFar = 0.0, amountSoFar = 0.0
        for index in order {
            weightSoFar += weights[index]
            amountSoFar += amounts[index]
            points.append(Point(x: weightSoFar / totalWeight, y: amountSoFar / totalAmount, unit: index))
        }
        points[points.count - 1].x = 1
        points[points.count - 1].y = 1
        var twiceArea = 0.0
        for (previous, point) in zip(points, points.dropFirst()) {
            twiceArea += (point.x - previous.x) * (point.y + previous.y)
        }
        self.points = points
        gini = min(max(1 - twiceArea, 0), 1)
    }
}
