import Foundation

/// A tick step `mantissa × 10^exponent` with a mantissa of 1, 2 or 5. Tick values are computed as
/// integer multiples of the mantissa scaled by an exact power of ten, so `3 × 0.1` is `0.3`, not
/// `0.30000000000000004`.
public struct TickStep: Sendable, Equatable {
    public let mantissa: Int
    public let exponent: Int

    public init(mantissa: Int, exponent: Int) {
        self.mantissa = mantissa
        self.exponent = exponent
    }

    public var value: Double { multiple(1) }

    /// The decimals a label needs to print every multiple of this step exactly.
    public var decimals: Int { max(0, -exponent) }

    /// `index × step`, with one rounding only.
    public func multiple(_ index: Int) -> Double {
        let units = Double(index) * Double(mantissa)
        return exponent >= 0 ? units * ChartNumber.powerOfTen(exponent) : units / ChartNumber.powerOfTen(-exponent)
    }

    /// The 1/2/5 × 10^k step nearest to `raw` (Heckbert's thresholds √2, √10, √50), or nil when `raw` is
    /// not a positive finite number of a printable magnitude.
    public static func near(_ raw: Double) -> TickStep? {
        guard raw.isFinite, raw > 1e-250, raw < 1e250 else { return nil }
        var exponent = Int(log10(raw).rounded(.down))
        var error = raw / ChartNumber.powerOfTen(exponent)
        // log10 can land one off near exact powers of ten.
        if error < 1 {
            exponent -= 1
            error *= 10
        } else if error >= 10 {
            exponent += 1
            error /= 10
        }
        if error >= 50.0.squareRoot() { return TickStep(mantissa: 1, exponent: exponent + 1) }
        if error >= 10.0.squareRoot() { return TickStep(mantissa: 5, exponent: exponent) }
        if error >= 2.0.squareRoot() { return TickStep(mantissa: 2, exponent: exponent) }
        return TickStep(mantissa: 1, exponent: exponent)
    }
}

/// The ticks of one axis: the multiples `first…last` of `step`. The axis' domain is exactly the first
/// to the last tick, so both ends of an axis carry a label.
public struct TickSet: Sendable, Equatable {
    public let step: TickStep
    public let first: Int
    public let last: Int

    public var values: [Double] { (first...last).map { step.multiple($0) } }
    public var lower: Double { step.multiple(first) }
    public var upper: Double { step.multiple(last) }
    public var count: Int { last - first + 1 }

    /// The tick labels in `format`, with as many decimals as the step needs.
    public func labels(_ format: ValueFormat) -> [String] {
        let decimals = max(0, step.decimals - format.shift)
        return values.map { format.tick($0, decimals: decimals) }
    }
}

/// "Nice" ticks in the manner of Heckbert and d3: a 1/2/5 × 10^k step giving about `count` intervals, and
/// the domain widened outwards to the nearest multiples of that step.
public enum NiceTicks {
    /// Ticks covering `lower…upper` (in either order; non-finite ends count as the other end, or 0). With
    /// `includingZero`, the domain is first widened to contain 0 (money axes start at zero). An empty or
    /// vanishing span is widened to a visible one: `0…1` around zero, ±10% around any other value. Values
    /// beyond ±1e200 are clamped there and values within ±1e-200 of zero count as zero.
    public static func ticks(_ lower: Double, _ upper: Double, count: Int = 5, includingZero: Bool = false) -> TickSet {
        let ends = [lower, upper].filter(\.isFinite).map(sanitized)
        var low = ends.min() ?? 0, high = ends.max() ?? 0
        if includingZero {
            low = min(low, 0)
            high = max(high, 0)
        }
        let magnitude = max(abs(low), abs(high))
        if high - low <= magnitude * 1e-12 {
            (low, high) = magnitude == 0 ? (0, 1) : (low - magnitude * 0.1, high + magnitude * 0.1)
        }
        let intervals = Double(min(max(count, 1), 50))
        var previous: TickStep?
        var result: TickSet?
        for _ in 0..<10 {
            guard let step = TickStep.near((high - low) / intervals), let set = covering(low, high, step: step) else { break }
            result = set
            if step == previous { break }
            previous = step
            (low, high) = (set.lower, set.upper)
        }
        return result ?? coarse(low, high)
    }

    static func sanitized(_ value: Double) -> Double {
        abs(value) < 1e-200 ? 0 : min(max(value, -1e200), 1e200)
    }

    /// The multiples of `step` from at or below `low` to at or above `high`, or nil when the indices would
    /// not be exact integers.
    static func covering(_ low: Double, _ high: Double, step: TickStep) -> TickSet? {
        let lowIndex = low / step.value, highIndex = high / step.value
        guard lowIndex.isFinite, highIndex.isFinite, abs(lowIndex) < 1e14, abs(highIndex) < 1e14 else { return nil }
        // A relative tolerance absorbs the division's rounding (0.30000000000000004 / 0.1 is not above 3).
        func tolerance(_ index: Double) -> Double { max(1e-9, abs(index) * 1e-12) }
        let first = Int((lowIndex + tolerance(lowIndex)).rounded(.down))
        let last = Int((highIndex - tolerance(highIndex)).rounded(.up))
        return TickSet(step: step, first: first, last: max(last, first + 1))
    }

    /// A safety net the widening above makes unreachable: ticks one order of magnitude apart.
    static func coarse(_ low: Double, _ high: Double) -> TickSet {
        let step = TickStep.near(max(abs(low), abs(high), 1)) ?? TickStep(mantissa: 1, exponent: 0)
        return covering(low, high, step: step) ?? TickSet(step: step, first: -1, last: 1)
    }
}
