import GreenAllocCore

/// report.md: how figures, statuses, cities and categories are written.
extension ReportMarkdown.Report {
    func money(_ value: Double) -> String { MoneyFormat.display(value) }
    func money(_ value: Double?) -> String { value.map(money) ?? "—" }

    /// A figure in a rule's own unit: up to 4 decimals, trailing zeros dropped, thousands separators.
    func figure(_ value: Double?, places: Int = 4) -> String {
        guard let value else { return "—" }
        return MoneyFormat.spelled(value, places: places, grouping: true, trimmingZeros: true)
    }

    func ratio(_ part: Double, of whole: Double) -> String {
        whole > 0 ? MoneyFormat.fixed(part / whole * 100, places: 1) + "%" : "—"
    }

    func cityLabel(_ id: String) -> String {
        cityLabels[id] ?? id
    }

    func statusText(_ status: AllocationStatus) -> String {
        StatusWords.text(status, language: language)
    }

    /// A category in the report's language (土壤 / soil); a category the format does not name shows as written.
    func categoryText(_ category: String) -> String {
        let names = zh ? CategorySummary.chineseNames : CategorySummary.englishNames
        return names[category] ?? (category.isEmpty ? "—" : category)
    }

    func yes(_ flag: Bool) -> String { flag ? pick("是", "yes") : pick("否", "no") }

    func yearValue(_ values: [Double], _ index: Int) -> Double { index < values.count ? values[index] : 0 }
}

extension String {
    /// `济南（370100）` → `济南 (370100)` for the English report.
    func replacingFullWidthParentheses() -> String {
        var result = ""
        for character in self {
            switch character {
            case "（": result += " ("
            case "）": result += ")"
            default: result.append(character)
            }
        }
        return result
    }
}
