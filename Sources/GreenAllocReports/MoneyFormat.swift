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
        spelled(value, places: places, grouping: grouping, trimmingZeros: false)
    }

    /// `fixed`, and with `trimmingZeros` the trailing zeros of the decimals dropped (and the point, when no
    /// decimal is left). The digits are written as bytes into one small buffer.
    static func spelled(_ value: Double, places: Int, grouping: Bool, trimmingZeros: Bool) -> String {
        guard value.isFinite else { return "—" }
        var factor: Double = 1
        for _ in 0..<places { factor *= 10 }
        let scaled = (abs(value) * factor).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e18 else { return trimmingZeros ? trimmed(value.description) : value.description }
        let units = UInt64(scaled)
        let divisor = UInt64(factor)
        var integerPart = units / divisor
        var fraction = units % divisor
        // Reversed: the decimals, the point, the integer digits (with separators), the sign.
        var reversed: [UInt8] = []
        reversed.reserveCapacity(40)
        if places > 0 {
            var fractionDigits = places
            if trimmingZeros {
                while fractionDigits > 0, fraction % 10 == 0 {
                    fraction /= 10
                    fractionDigits -= 1
                }
            }
            for _ in 0..<fractionDigits {
                reversed.append(UInt8(ascii: "0") + UInt8(fraction % 10))
                fraction /= 10
            }
            if fractionDigits > 0 { reversed.append(UInt8(ascii: ".")) }
        }
        var count = 0
        repeat {
            if grouping, count > 0, count % 3 == 0 { reversed.append(UInt8(ascii: ",")) }
            reversed.append(UInt8(ascii: "0") + UInt8(integerPart % 10))
            integerPart /= 10
            count += 1
        } while integerPart > 0
        if !(units == 0 || value > 0) { reversed.append(UInt8(ascii: "-")) }
        return String(decoding: reversed.reversed(), as: UTF8.self)
    }

    /// Drops trailing zeros after a point, then a trailing point.
    static func trimmed(_ spelling: String) -> String {
        var text = spelling
        guard text.contains(".") else { return text }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// Money for tables a person reads: thousands separators and 2 decimals (`12,345.60`).
    public static func display(_ value: Double) -> String {
        fixed(value, places: 2, grouping: true)
    }

    /// Money for CSV cells: at most 4 decimals, trailing zeros dropped, no separators, never an exponent
    /// (`300`, `12.5`, `0.0001`), so Excel reads every cell as a number.
    public static func plain(_ value: Double) -> String {
        spelled(value, places: 4, grouping: false, trimmingZeros: true)
    }

    /// A share as a percentage with at most `places` decimals, trailing zeros dropped: 0.4 → `40%`,
    /// 0.375 → `37.5%`.
    public static func percent(_ share: Double, places: Int = 2) -> String {
        guard share.isFinite else { return "—" }
        return spelled(share * 100, places: places, grouping: false, trimmingZeros: true) + "%"
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
