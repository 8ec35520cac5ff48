internal import GreenAllocCore

/// The `targets` section.
extension ScenarioDecoder {
    mutating func decodeTarget(_ node: YAMLNode, index: Int) -> TargetSpec? {
        guard checkMapping(node, what: "targets[\(index)]") else { return nil }
        let section = "targets[\(index)]"
        checkKeys(node, allowed: ["name", "metric", "year", "min", "penalty", "report_only", "remove"], section: section)
        guard let text = requiredLocalText(node, "name", section: section) else { return nil }
        let name = text.zh
        let label = "target '\(name)'"
        guard let metricText = requiredText(node, "metric", section: label) else { return nil }
        let metric = TargetMetric(metricText)
        let year = node["year"].flatMap { integer($0, what: "\(label) year") }
        if metric.isEcoPark, year == nil {
            errors.append(.error(node.location, "\(label): \(metric) needs 'year' (parks named by the end of that year)"))
        }
        guard let minNode = node["min"] else {
            errors.append(.error(node.location, "\(label): missing 'min'"))
            return nil
        }
        guard let minValue = number(minNode, what: "\(label) min") else { return nil }
        if metric == .ecoParkShare, !(0...1).contains(minValue) {
            errors.append(.error(minNode.location, "\(label): eco_park_share min must lie in [0, 1], e.g. 0.5 for 50%"))
        }
        let penalty = node["penalty"].flatMap { number($0, what: "\(label) penalty") }
        if let penalty, penalty < 0 { errors.append(.error(node["penalty"]?.location, "\(label): penalty must not be negative")) }
        let reportOnly = node["report_only"].flatMap { boolean($0, what: "\(label) report_only") } ?? false
        if reportOnly, let penaltyNode = node["penalty"] {
            errors.append(.error(penaltyNode.location, "\(label): a report_only target has no penalty (it is neither hard nor soft); give one of penalty, report_only"))
        }
        var target = TargetSpec(name: name, metric: metric, year: year, min: minValue, penalty: penalty, location: node.location)
        target.englishName = text.en
        target.reportOnly = reportOnly
        return target
    }
}
