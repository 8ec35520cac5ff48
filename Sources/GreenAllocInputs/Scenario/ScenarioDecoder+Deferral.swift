internal import GreenAllocCore

/// The `deferral` section (scenario-format §15.4).
extension ScenarioDecoder {
    mutating func decodeDeferral(_ node: YAMLNode) -> DeferralSpec? {
        guard checkMapping(node, what: "deferral") else { return nil }
        checkKeys(node, allowed: ["defer_max", "defer_penalty"], section: "deferral")
        var spec = DeferralSpec(location: node.location)
        if let value = node["defer_max"], let years = integer(value, what: "deferral.defer_max") {
            if years < 0 || years > 50 {
                errors.append(.error(value.location, "deferral.defer_max: \(years) must be a whole number of years from 0 to 50"))
            } else {
                spec.deferMax = years
            }
        }
        if let value = node["defer_penalty"],
            let share = fraction(value, what: "deferral.defer_penalty", allowZero: true)
        {
            spec.deferPenalty = share
        }
        return spec
    }
}
