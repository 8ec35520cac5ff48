/// Number formatting that depends on nothing but integer arithmetic: no locale, no `String(format:)`, the same
/// text on every platform.
enum DecimalFormatting {
    /// `value` rounded half away from zero to one decimal, always with the decimal ("12.0", "0.5").
    static func oneDecimal(_ value: Double) -> String {
        let tenths = Int64((value * 10).rounded(.toNearestOrAwayFromZero))
        let sign = tenths < 0 ? "-" : ""
        let magnitude = tenths.magnitude
        return "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }

    /// `value` rounded to a whole number.
    static func whole(_ value: Double) -> String {
        String(Int64(value.rounded(.toNearestOrAwayFromZero)))
    }

    /// Two decimals, trailing zeros kept short ("0.5", "0.15", "1").
    static func share(_ value: Double) -> String {
        let hundredths = Int64((value * 100).rounded(.toNearestOrAwayFromZero))
        let integral = hundredths / 100
        let fraction = hundredths % 100
        if fraction == 0 { return String(integral) }
        if fraction % 10 == 0 { return "\(integral).\(fraction / 10)" }
        return fraction < 10 ? "\(integral).0\(fraction)" : "\(integral).\(fraction)"
    }

    /// Rounds `value` to one decimal (the figure that is written), so that sums computed for the summary match
    /// the table.
    static func roundedToTenth(_ value: Double) -> Double {
        (value * 10).rounded(.toNearestOrAwayFromZero) / 10
    }
}
