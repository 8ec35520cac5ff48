import GreenAllocCore

/// The outcome columns' names and units, one source for the report's tables, its charts and the workbook:
/// the scenario's `indicators:` labels first, then the usual pollutants by name (`co2_t` → 二氧化碳减排量 /
/// CO₂ reduced, t/a), any other column as it is spelled.
struct IndicatorText {
    let language: ReportLanguage
    /// Column → the scenario's indicator (its labels and unit).
    let given: [String: IndicatorSpec]

    init(language: ReportLanguage, allocation: Allocation) {
        self.language = language
        var given: [String: IndicatorSpec] = [:]
        for indicator in allocation.basis?.indicators ?? [] where given[indicator.column] == nil {
            given[indicator.column] = indicator
        }
        self.given = given
    }

    /// The column's label in the report's language.
    func name(_ column: String) -> String {
        let indicator = given[column]
        if let label = language == .zh ? indicator?.zh : indicator?.en, !label.isEmpty { return label }
        if let words = Self.builtIn[column] { return language.pick(words.0, words.1) }
        return column
    }

    /// The column's unit: the scenario's, else t/a for the usual pollutants and any `…_t` column; nil if none.
    func unit(_ column: String) -> String? {
        if let unit = given[column]?.unit, !unit.isEmpty { return unit }
        return Self.builtIn[column] != nil || column.hasSuffix("_t") ? "t/a" : nil
    }

    /// `二氧化碳减排量（t/a）` / `CO₂ reduced (t/a)`.
    func nameWithUnit(_ column: String) -> String {
        guard let unit = unit(column) else { return name(column) }
        return name(column) + language.pick("（" + unit + "）", " (" + unit + ")")
    }

    /// Whether the column's unit counts tonnes (`t`, `t/a`, `吨`…).
    func isTonnes(_ column: String) -> Bool {
        guard let unit = unit(column) else { return false }
        return unit == "t" || unit.hasPrefix("t/") || unit.hasPrefix("吨")
    }

    static let builtIn: [String: (String, String)] = [
        "co2_t": ("二氧化碳减排量", "CO₂ reduced"), "cod_t": ("化学需氧量减排量", "COD reduced"),
        "nh3n_t": ("氨氮减排量", "NH₃-N reduced"), "so2_t": ("二氧化硫减排量", "SO₂ reduced"),
        "nox_t": ("氮氧化物减排量", "NOx reduced"), "vocs_t": ("挥发性有机物减排量", "VOCs reduced"),
    ]

    /// An amount in the column's unit, rounded as the value needs: 0.1 from 100 up, else three significant
    /// digits (at most 6 decimals); thousands separators.
    static func amount(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        let size = abs(value)
        if size == 0 { return "0" }
        var places = 1
        if size < 100 {
            // ⌊log10(size)⌋ without Foundation: 12.3 → 1, 0.0123 → -2; three significant digits.
            var exponent = 0, scaled = size
            while scaled >= 10 { scaled /= 10; exponent += 1 }
            while scaled < 1, exponent > -7 { scaled *= 10; exponent -= 1 }
            places = max(1, min(6, 2 - exponent))
        }
        return MoneyFormat.spelled(value, places: places, grouping: true, trimmingZeros: false)
    }
}
