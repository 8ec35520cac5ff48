internal import GreenAllocCore

/// The `limits` and `exclude` sections.
extension ScenarioDecoder {
    mutating func decodeLimit(_ node: YAMLNode, index: Int) -> LimitSpec? {
        guard checkMapping(node, what: "limits[\(index)]") else { return nil }
        let section = "limits[\(index)]"
        checkKeys(
            node,
            allowed: ["name", "sum", "fund", "where", "group_by", "per_year", "max", "max_share", "min", "min_share", "remove"],
            section: section)
        guard let text = requiredLocalText(node, "name", section: section) else { return nil }
        let name = text.zh
        let label = "limit '\(name)'"
        guard let sumText = requiredText(node, "sum", section: label) else { return nil }
        let quantity = LimitQuantity(sumText)
        let perYear = node["per_year"].flatMap { boolean($0, what: "\(label) per_year") } ?? false
        if perYear, quantity != .subsidy {
            errors.append(.error(node["per_year"]?.location, "\(label): per_year applies only to sum: subsidy"))
        }
        let maxValue = node["max"].flatMap { number($0, what: "\(label) max") }
        let minValue = node["min"].flatMap { number($0, what: "\(label) min") }
        let maxShare = node["max_share"].flatMap { fraction($0, what: "\(label) max_share", allowZero: true) }
        let minShare = node["min_share"].flatMap { fraction($0, what: "\(label) min_share", allowZero: true) }
        if maxValue == nil, minValue == nil, maxShare == nil, minShare == nil, node["max"] == nil, node["min"] == nil,
            node["max_share"] == nil, node["min_share"] == nil
        {
            errors.append(.error(node.location, "\(label): give at least one of max, max_share, min, min_share"))
        }
        if let maxValue, let minValue, minValue > maxValue {
            errors.append(.error(node.location, "\(label): min \(formatNumber(minValue)) is above max \(formatNumber(maxValue))"))
        }
        var limit = LimitSpec(
            name: name, sum: quantity, fund: optionalText(node, "fund"), filter: rule(node["where"]),
            groupBy: optionalText(node, "group_by").map(GroupKey.init), perYear: perYear, max: maxValue,
            maxShare: maxShare, min: minValue, minShare: minShare, location: node.location)
        limit.englishName = text.en
        return limit
    }

    mutating func decodeExclusion(_ node: YAMLNode, index: Int) -> ExclusionSpec? {
        guard checkMapping(node, what: "exclude[\(index)]") else { return nil }
        let section = "exclude[\(index)]"
        checkKeys(node, allowed: ["name", "when", "reason", "remove"], section: section)
        guard let text = requiredLocalText(node, "name", section: section) else { return nil }
        let name = text.zh
        guard let when = rule(node["when"]) else {
            errors.append(.error(node.location, "exclusion '\(name)': missing 'when' (an expression)"))
            return nil
        }
        let reason = optionalLocalText(node, "reason", section: "exclusion '\(name)'") ?? text
        var exclusion = ExclusionSpec(name: name, when: when, reason: reason.zh, location: node.location)
        exclusion.englishName = text.en
        exclusion.englishReason = reason.en
        return exclusion
    }
}
