internal import GreenAllocCore

/// The `factors` section (scenario-format §15.1): city envelopes of the factor method.
extension ScenarioDecoder {
    mutating func decodeFactor(_ node: YAMLNode, index: Int) -> FactorSpec? {
        let section = "factors[\(index)]"
        guard checkMapping(node, what: section) else { return nil }
        checkKeys(node, allowed: ["name", "fund", "total", "mode", "penalty", "band", "weights", "remove"], section: section)
        guard let text = requiredLocalText(node, "name", section: section) else { return nil }
        let label = "factors '\(text.zh)'"
        let fund = requiredText(node, "fund", section: label)
        let total = choice(node["total"], FactorSpec.Total.self, what: "\(label) total") ?? .perYear
        let mode = choice(node["mode"], FactorSpec.Mode.self, what: "\(label) mode") ?? .hard
        let penalty = node["penalty"].flatMap { number($0, what: "\(label) penalty") }
        if let penalty, penalty < 0 { errors.append(.error(node["penalty"]?.location, "\(label): penalty must not be negative")) }
        let band = node["band"].flatMap { fraction($0, what: "\(label) band", allowZero: true) }
        switch mode {
        case .soft where node["penalty"] == nil:
            errors.append(.error(node.location, "\(label): mode soft needs 'penalty' (points per 万元 above the envelope)"))
        case .band where node["band"] == nil:
            errors.append(.error(node.location, "\(label): mode band needs 'band' (the allowed deviation, e.g. 0.1 for ±10%)"))
        default: break
        }
        if mode != .soft, let penaltyNode = node["penalty"] {
            errors.append(.error(penaltyNode.location, "\(label): 'penalty' applies only to mode soft"))
        }
        if mode != .band, let bandNode = node["band"] {
            errors.append(.error(bandNode.location, "\(label): 'band' applies only to mode band"))
        }
        let weights = list(node["weights"], what: "\(label) weights", required: true, at: node.location) { decoder, item, position in
            decoder.decodeFactorWeight(item, label: "\(label) weights[\(position)]")
        }
        let sum = weights.reduce(0) { $0 + $1.weight }
        if !weights.isEmpty, weights.count == node["weights"]?.items?.count, abs(sum - 1) > 1e-6 {
            errors.append(.error(node["weights"]?.location, "\(label): the weights add up to \(formatNumber(sum)), not 1"))
        }
        guard let fund else { return nil }
        var spec = FactorSpec(
            name: text.zh, fund: fund, total: total, mode: mode, penalty: penalty, band: band, weights: weights,
            location: node.location)
        spec.englishName = text.en
        return spec
    }

    mutating func decodeFactorWeight(_ node: YAMLNode, label: String) -> FactorSpec.Weight? {
        guard checkMapping(node, what: label) else { return nil }
        checkKeys(node, allowed: ["of", "weight"], section: label)
        guard let of = requiredText(node, "of", section: label) else { return nil }
        guard let source = FactorSpec.Source(of) else {
            errors.append(
                .error(
                    node["of"]?.location,
                    "\(label): '\(of)' is not one of requests, parks_under_construction, cities.<column>, projects.<column>"))
            return nil
        }
        guard let weightNode = requiredNode(node, "weight", section: label),
            let weight = number(weightNode, what: "\(label) weight")
        else { return nil }
        if weight <= 0 { errors.append(.error(weightNode.location, "\(label): weight must be positive")) }
        return FactorSpec.Weight(source: source, weight: weight, location: node["of"]?.location ?? node.location)
    }

    /// A key whose value is one of an enumeration's raw values.
    mutating func choice<T: RawRepresentable & CaseIterable>(_ node: YAMLNode?, _ type: T.Type, what: String) -> T?
    where T.RawValue == String {
        guard let node, !node.isNull else { return nil }
        if let text = node.scalar, let value = T(rawValue: text) { return value }
        let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
        errors.append(.error(node.location, "\(what): '\(node.scalar ?? node.kindName)' is not one of \(allowed)"))
        return nil
    }
}

extension ScenarioDecoder {
    /// Unique names, and each entry's fund a project-subsidy fund of the scenario.
    mutating func checkFactors(_ factors: [FactorSpec], funds: [FundSpec]) {
        checkUnique(factors.map { ($0.name, $0.location) }, what: "factors name")
        for factor in factors {
            guard let fund = funds.first(where: { $0.id == factor.fund }) else {
                errors.append(
                    .error(
                        factor.location,
                        "factors '\(factor.name)': unknown fund '\(factor.fund)' (funds: \(funds.map(\.id).joined(separator: ", ")))"))
                continue
            }
            if fund.kind != .projectSubsidy {
                errors.append(.error(factor.location, "factors '\(factor.name)': fund '\(fund.id)' is not a project_subsidy fund"))
            }
        }
    }
}
