internal import GreenAllocCore

/// Locale-independent number spellings for the writers. Nothing here reads the process locale, so a run
/// on a machine set to zh_CN, de_DE or C writes the same bytes.
public enum MoneyFormat {
    /// Rounds to 4 decimals (half away from zero) and turns `-0` into `0`. Whole 万元 figures stay exact;
    /// the result's shortest form is the 4-decimal spelling (e.g. 12.3456).
    public static func rounded(_ value: Double) -> Double {
        guard value.isFinite else { return value }
        let scaled = (value * 10_000).rounded(.toNearestOrAwayFromZero)
        guard abs(scaled) < 9e15 else { return value == 0 ? 0 : value }
        let result = scaled / 10_000
        return result == 0 ? 0 : result
    }

    /// Fixed-point with `places` decimals, optionally with `,` thousands separators:
    /// `fixed(1234567.891, places: 2, grouping: true)` is `1,234,567.89`. Non-finite values are `—`.
    public static func fixed(_ value: Double, places: Int, grouping: Bool = false) -> String {
        guard value.isFinite else { return "—" }
        var factor: Double = 1
        for _ in 0..<places { factor *= 10 }
        let scaled = (abs(value) * factor).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e18 else { return value.description }
        let units = UInt64(scaled)
        let divisor = UInt64(factor)
        let integerPart = units / divisor
        let fraction = units % divisor
        var integerText = String(integerPart)
        if grouping { integerText = grouped(integerText) }
        var text = integerText
        if places > 0 {
            let fractionText = String(fraction)
            text += "." + String(repeating: "0", count: places - fractionText.count) + fractionText
        }
        return units == 0 || value > 0 ? text : "-" + text
    }

    /// Money for tables a person reads: thousands separators and 2 decimals (`12,345.60`).
    public static func display(_ value: Double) -> String {
        fixed(value, places: 2, grouping: true)
    }

    /// Money for CSV cells: at most 4 decimals, trailing zeros dropped, no separators, never an exponent
    /// (`300`, `12.5`, `0.0001`), so Excel reads every cell as a number.
    public static func plain(_ value: Double) -> String {
        var text = fixed(value, places: 4)
        guard text.contains(".") else { return text }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// A share as a percentage with at most `places` decimals, trailing zeros dropped: 0.4 → `40%`,
    /// 0.375 → `37.5%`.
    public static func percent(_ share: Double, places: Int = 2) -> String {
        guard share.isFinite else { return "—" }
        var text = fixed(share * 100, places: places)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text + "%"
    }

    private static func grouped(_ digits: String) -> String {
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return result
    }
}

extension MoneyFormat {
    /// Money as findings and diagnoses quote it: rounded to 2 decimals, shortest form (`1234.5`, `40`).
    public static func sentence(_ value: Double) -> String {
        formatNumber((value * 100).rounded() / 100)
    }

    /// A share as findings quote it: a percentage rounded to 1 decimal (`12.5%`).
    public static func sentencePercent(_ share: Double) -> String {
        formatNumber((share * 1000).rounded() / 10) + "%"
    }
}
