import Foundation

/// Number spellings for chart labels. Nothing reads the process locale: the same value prints the same
/// text on every machine. Values are rounded to a fixed number of decimals before printing, so binary
/// noise never shows (`0.1 + 0.2` prints `0.3`).
public enum ChartNumber {
    /// The largest number of decimals a label carries.
    static let maximumDecimals = 12

    /// `value` with exactly `decimals` decimals, with `,` between groups of three digits when `grouping`
    /// is set: `fixed(1234567.891, decimals: 2)` is `1,234,567.89`. Non-finite values print as `—`.
    public static func fixed(_ value: Double, decimals: Int, grouping: Bool = true) -> String {
        digits(value, decimals: decimals, grouping: grouping, trimming: false)
    }

    /// `value` rounded to at most `decimals` decimals, trailing zeros dropped: `compact(12.50, decimals: 4)`
    /// is `12.5`, `compact(0.1 + 0.2, decimals: 4)` is `0.3`.
    public static func compact(_ value: Double, decimals: Int, grouping: Bool = true) -> String {
        digits(value, decimals: decimals, grouping: grouping, trimming: true)
    }

    /// `10^exponent` as a `Double`; exact for exponents up to 22 in magnitude.
    static func powerOfTen(_ exponent: Int) -> Double {
        exponent >= 0 ? pow(10, Double(exponent)) : 1 / pow(10, Double(-exponent))
    }

    static func digits(_ value: Double, decimals: Int, grouping: Bool, trimming: Bool) -> String {
        guard value.isFinite else { return "—" }
        var places = min(max(decimals, 0), maximumDecimals)
        var scaled = (abs(value) * powerOfTen(places)).rounded(.toNearestOrAwayFromZero)
        while scaled >= 9e15, places > 0 {
            places -= 1
            scaled = (abs(value) * powerOfTen(places)).rounded(.toNearestOrAwayFromZero)
        }
        // Beyond 2^53 the integer digits themselves are no longer exact; print the shortest round trip.
        guard scaled < 9e15 else { return value.description }
        var text = String(UInt64(scaled))
        if text.count <= places { text = String(repeating: "0", count: places - text.count + 1) + text }
        var whole = String(text.prefix(text.count - places))
        var fraction = String(text.suffix(places))
        if trimming {
            while fraction.hasSuffix("0") { fraction.removeLast() }
        }
        if grouping { whole = grouped(whole) }
        let sign = (scaled > 0 && value < 0) ? "-" : ""
        return sign + whole + (fraction.isEmpty ? "" : "." + fraction)
    }

    /// Inserts `,` every three digits from the right: `1234567` → `1,234,567`.
    static func grouped(_ digits: String) -> String {
        var result = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return result
    }
}

/// How the values of one axis or series are printed: the unit, a power-of-ten shift (a share 0.3 shown as
/// `30%` has shift 2), whether tick labels carry the unit, and the decimals of single values (tooltips).
/// The unit is appended as given, so the caller decides on a space (`"万元"`, `" t/a"`, `"%"`).
public struct ValueFormat: Sendable, Equatable {
    public var unit: String
    public var shift: Int
    public var unitOnTicks: Bool
    public var grouping: Bool
    public var decimals: Int

    public init(unit: String = "", shift: Int = 0, unitOnTicks: Bool = false, grouping: Bool = true, decimals: Int = 4) {
        self.unit = unit
        self.shift = shift
        self.unitOnTicks = unitOnTicks
        self.grouping = grouping
        self.decimals = decimals
    }

    /// Money in 万元, rounded to 0.0001 万元; the unit goes in the axis title, not on each tick.
    public static let wan = ValueFormat(unit: "万元")
    /// Tonnes a year (outcomes).
    public static let tonnesPerYear = ValueFormat(unit: " t/a", decimals: 2)
    /// A share (0…1) printed as a percentage (`0.305` → `30.5%`), the sign on every tick.
    public static let shareAsPercent = ValueFormat(unit: "%", shift: 2, unitOnTicks: true, decimals: 2)
    /// A value already in percent (`30.5` → `30.5%`).
    public static let percent = ValueFormat(unit: "%", unitOnTicks: true, decimals: 2)
    /// A count or a unitless score.
    public static let plain = ValueFormat()

    /// A single value with its unit, at most `decimals` decimals: `1,234.5万元`.
    public func value(_ number: Double) -> String {
        ChartNumber.compact(shifted(number), decimals: decimals, grouping: grouping) + unit
    }

    /// A tick label: exactly `decimals` decimals (the tick step's), the unit only when `unitOnTicks`.
    public func tick(_ number: Double, decimals tickDecimals: Int) -> String {
        ChartNumber.fixed(shifted(number), decimals: tickDecimals, grouping: grouping) + (unitOnTicks ? unit : "")
    }

    func shifted(_ number: Double) -> Double {
        shift == 0 ? number : number * ChartNumber.powerOfTen(shift)
    }
}
