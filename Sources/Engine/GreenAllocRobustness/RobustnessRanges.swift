public import GreenAllocCore
internal import Foundation

/// A stated range of one uncertain number: a benefit column's weight, a bonus's factor, or the budgets' scale.
public struct ParameterRange: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// The weight of a benefit column in the objective.
        case weight
        /// The factor of a named bonus.
        case bonus
        /// A multiplier of every fund's budget in every year.
        case budget
    }
    public var kind: Kind
    /// The benefit column, the bonus's name, or "budget".
    public var name: String
    public var lower: Double
    public var upper: Double
    /// The scenario's own value (1 for the budget scale).
    public var base: Double

    public init(kind: Kind, name: String, lower: Double, upper: Double, base: Double) {
        self.kind = kind
        self.name = name
        self.lower = lower
        self.upper = upper
        self.base = base
    }

    /// A value inside the range: `t` = 0 gives the lower end, 1 the upper.
    public func value(at t: Double) -> Double { lower + (upper - lower) * t }

    /// Reads `0.5..2` (absolute bounds), `±30%` or `+-30%` (relative to `base`), `-20%..+50%` (relative bounds).
    public static func parse(_ text: String, kind: Kind, name: String, base: Double) throws -> ParameterRange {
        let spec = text.replacingOccurrences(of: " ", with: "")
        let (lower, upper): (Double, Double)
        if spec.hasPrefix("±") || spec.hasPrefix("+-") {
            let body = spec.hasPrefix("±") ? String(spec.dropFirst()) : String(spec.dropFirst(2))
            guard let fraction = Self.relative(body), fraction >= 0 else { throw RobustnessError.badRange(name, text) }
            (lower, upper) = (base * (1 - fraction), base * (1 + fraction))
        } else if let dots = spec.range(of: "..") {
            let left = String(spec[spec.startIndex..<dots.lowerBound]), right = String(spec[dots.upperBound...])
            if left.hasSuffix("%") || right.hasSuffix("%") {
                guard let low = Self.relative(left), let high = Self.relative(right) else {
                    throw RobustnessError.badRange(name, text)
                }
                (lower, upper) = (base * (1 + low), base * (1 + high))
            } else {
                guard let low = Double(left), let high = Double(right) else { throw RobustnessError.badRange(name, text) }
                (lower, upper) = (low, high)
            }
        } else {
            throw RobustnessError.badRange(name, text)
        }
        guard lower.isFinite, upper.isFinite, lower <= upper, lower >= 0 else { throw RobustnessError.badRange(name, text) }
        return ParameterRange(kind: kind, name: name, lower: lower, upper: upper, base: base)
    }

    /// "30%" → 0.3, "-20%" → -0.2, "+50%" → 0.5; nil when it is not a percentage.
    static func relative(_ text: String) -> Double? {
        guard text.hasSuffix("%"), let number = Double(text.dropLast()), number.isFinite else { return nil }
        return number / 100
    }
}

/// What a robustness request gets wrong (an unknown column or bonus, a malformed range): a usage error.
public enum RobustnessError: Error, Sendable, Hashable, CustomStringConvertible {
    case badRange(String, String)
    case unknownWeight(String, known: [String])
    case unknownBonus(String, known: [String])
    case noRanges
    case notMaximizing

    public var description: String {
        switch self {
        case .badRange(let name, let text):
            "the range '\(text)' of \(name) is not a range: write 0.5..2 (bounds), ±30% (around the scenario's value) or -20%..+50%, with 0 ≤ lower ≤ upper"
        case .unknownWeight(let column, let known):
            "'\(column)' is not a weight of the scenario's objective; its weights are: \(known.joined(separator: ", "))"
        case .unknownBonus(let name, let known):
            "'\(name)' is not a bonus of the scenario's objective; its bonuses are: \(known.isEmpty ? "(none)" : known.joined(separator: ", "))"
        case .noRanges: "give at least one range (--weights, --budget or --bonus)"
        case .notMaximizing: "robustness and alternatives need an objective that maximizes benefit"
        }
    }
}

extension Scenario {
    /// The scenario at a point of the ranges: weights and bonus factors set, every fund's budget scaled.
    public func at(_ ranges: [ParameterRange], values: [Double]) -> Scenario {
        var copy = self
        for (range, value) in zip(ranges, values) {
            switch range.kind {
            case .weight:
                if let index = copy.objective.weights.firstIndex(where: { $0.column == range.name }) {
                    copy.objective.weights[index].weight = value
                }
            case .bonus:
                for index in copy.objective.bonuses.indices where copy.objective.bonuses[index].name == range.name {
                    copy.objective.bonuses[index].factor = value
                }
            case .budget:
                for index in copy.funds.indices { copy.funds[index].budget = copy.funds[index].budget.mapValues { $0 * value } }
            }
        }
        return copy
    }

    /// The range of a weight of the objective, from its text (bounds or relative to the scenario's weight).
    public func weightRange(_ column: String, _ text: String) throws -> ParameterRange {
        guard let weight = objective.weights.first(where: { $0.column == column }) else {
            throw RobustnessError.unknownWeight(column, known: objective.weights.map(\.column))
        }
        return try ParameterRange.parse(text, kind: .weight, name: column, base: weight.weight)
    }

    /// The range of a bonus's factor, from its text.
    public func bonusRange(_ name: String, _ text: String) throws -> ParameterRange {
        guard let bonus = objective.bonuses.first(where: { $0.name == name }) else {
            throw RobustnessError.unknownBonus(name, known: objective.bonuses.map(\.name))
        }
        return try ParameterRange.parse(text, kind: .bonus, name: name, base: bonus.factor)
    }
}
