internal import Foundation

/// Cell values as the text a CSV export would hold: numbers without binary noise, date serials as ISO dates.
enum CellText {
    /// A number written in a `<v>` element, as the shortest text that reads back as the same `Double`
    /// (`2872.8`, not `2872.7999999999997`); whole numbers without `.0`. Nil for anything but a finite decimal.
    static func number(_ text: String) -> String? {
        guard !text.isEmpty,
            text.utf8.allSatisfy({ ($0 &- UInt8(ascii: "0")) < 10 || "+-.eE".utf8.contains($0) }),
            let value = Double(text), value.isFinite
        else { return nil }
        return CellNumber.spelling(value)
    }

    /// A date serial as `YYYY-MM-DD` (the time of day dropped). In the 1900 date system serial 1 is 1900-01-01
    /// and serial 60 the 1900-02-29 that Excel counts although it never was; in the 1904 system serial 0 is
    /// 1904-01-01. Nil for a serial before the first day or after 9999-12-31.
    static func date(serial: Double, date1904: Bool) -> String? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        let whole = Int(serial.rounded(.down))
        let days: Int  // days since 1970-01-01
        if date1904 {
            days = whole - 24_107
        } else {
            guard whole >= 1, whole != 60 else { return nil }
            days = whole < 60 ? whole - 25_568 : whole - 25_569
        }
        return civil(days)
    }

    /// An ISO date from a `d` (ISO 8601) cell: its date part.
    static func isoDate(_ text: String) -> String? {
        let head = text.prefix(10)
        let bytes = Array(head.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            bytes.enumerated().allSatisfy({ $0.offset == 4 || $0.offset == 7 || ($0.element &- 48) < 10 })
        else { return nil }
        return String(head)
    }

    /// Days since 1970-01-01 as `YYYY-MM-DD` (proleptic Gregorian calendar, as Excel counts).
    static func civil(_ days: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents(
            [.year, .month, .day], from: Date(timeIntervalSince1970: Double(days) * 86_400))
        let year = parts.year ?? 0
        let month = parts.month ?? 0
        let day = parts.day ?? 0
        return String(format: "%04d-%02d-%02d", year, month, day)
    }
}
