internal import GreenAllocCore

/// The `objective` section and the bonuses it and `loans` share.
extension ScenarioDecoder {
    mutating func decodeBonus(_ node: YAMLNode, index: Int, section: String) -> BonusSpec? {
        guard checkMapping(node, what: "\(section)[\(index)]") else { return nil }
        checkKeys(node, allowed: ["name", "when", "factor", "remove"], section: "\(section)[\(index)]")
        guard let text = requiredLocalText(node, "name", section: "\(section)[\(index)]") else { return nil }
        let name = text.zh
        guard let when = rule(node["when"]) else {
            errors.append(.error(node.location, "bonus '\(name)': missing 'when' (an expression)"))
            return nil
        }
        guard let factorNode = node["factor"], let factor = number(factorNode, what: "bonus '\(name)' factor") else {
            if node["factor"] == nil { errors.append(.error(node.location, "bonus '\(name)': missing 'factor'")) }
            return nil
        }
        if factor < 0 { errors.append(.error(factorNode.location, "bonus '\(name)': factor must not be negative")) }
        var bonus = BonusSpec(name: name, when: when, factor: factor, location: node.location)
        bonus.englishName = text.en
        return bonus
    }

    mutating func decodeObjective(_ node: YAMLNode) -> ObjectiveSpec? {
        guard checkMapping(node, what: "objective") else { return nil }
        checkKeys(node, allowed: ["maximize", "minimize", "weights", "bonuses", "naming_value"], section: "objective")
        var sense = ObjectiveSense.maximizeBenefit
        switch (node["maximize"], node["minimize"]) {
        case (let maximize?, nil):
            if maximize.scalar != "benefit" {
                errors.append(.error(maximize.location, "objective: maximize must be 'benefit'"))
            }
        case (nil, let minimize?):
            sense = .minimizeSubsidy
            if minimize.scalar != "subsidy" {
                errors.append(.error(minimize.location, "objective: minimize must be 'subsidy'"))
            }
        case (nil, nil):
            errors.append(.error(node.location, "objective: give 'maximize: benefit' or 'minimize: subsidy'"))
        default:
            errors.append(.error(node.location, "objective: give either maximize or minimize, not both"))
        }
        var weights: [(column: String, weight: Double)] = []
        var weightLocations: [String: SourceLocation] = [:]
        if let weightsNode = node["weights"], !weightsNode.isNull {
            if let entries = weightsNode.entries {
                for entry in entries {
                    if let weight = number(entry.value, what: "objective weight '\(entry.key)'") {
                        weights.append((entry.key, weight))
                        weightLocations[entry.key] = entry.keyLocation
                    }
                }
            } else {
                errors.append(.error(weightsNode.location, "objective.weights must map benefit columns to numbers"))
            }
        }
        if sense == .maximizeBenefit, weights.isEmpty {
            errors.append(.error(node.location, "objective: maximize: benefit needs 'weights' (benefit column → weight)"))
        }
        let bonuses = list(node["bonuses"], what: "objective.bonuses") { decoder, item, index in
            decoder.decodeBonus(item, index: index, section: "objective.bonuses")
        }
        let namingValue = node["naming_value"].flatMap { number($0, what: "objective.naming_value") } ?? 0
        if namingValue < 0 { errors.append(.error(node["naming_value"]?.location, "objective.naming_value must not be negative")) }
        return ObjectiveSpec(sense: sense, weights: weights, bonuses: bonuses, namingValue: namingValue, location: node.location,
            weightLocations: weightLocations)
    }
}
