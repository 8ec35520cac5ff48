internal import GreenAllocCore

/// The `indicators` section: outcome column → `{zh, en, unit}` (each optional), in the order written.
extension ScenarioDecoder {
    mutating func decodeIndicators(_ node: YAMLNode) -> [IndicatorSpec] {
        guard checkMapping(node, what: "indicators") else { return [] }
        var indicators: [IndicatorSpec] = []
        for entry in node.entries ?? [] {
            let section = "indicators.\(entry.key)"
            var indicator = IndicatorSpec(column: entry.key, location: entry.keyLocation)
            if !entry.value.isNull {
                guard checkMapping(entry.value, what: section) else { continue }
                checkKeys(entry.value, allowed: ["zh", "en", "unit"], section: section)
                indicator.zh = optionalText(entry.value, "zh")
                indicator.en = optionalText(entry.value, "en")
                indicator.unit = optionalText(entry.value, "unit")
            }
            indicators.append(indicator)
        }
        return indicators
    }
}
