internal import GreenAllocCore

/// The `robustness:` section: `weights` and `bonus` map a column or bonus name to a range (`0.5..2`, `±30%`,
/// `-20%..+50%`), `budget` is one range, `samples` a count from 1 to 100000, `seed` a whole number ≥ 0.
extension ScenarioDecoder {
    mutating func decodeRobustness(_ node: YAMLNode) -> RobustnessSpec? {
        guard checkMapping(node, what: "robustness") else { return nil }
        checkKeys(node, allowed: ["weights", "bonus", "budget", "samples", "seed"], section: "robustness")
        var spec = RobustnessSpec(location: node.location)
        spec.weights = robustnessRanges(node["weights"], what: "robustness.weights")
        spec.bonus = robustnessRanges(node["bonus"], what: "robustness.bonus")
        if let value = node["budget"], let text = robustnessRange(value, what: "robustness.budget") {
            spec.budget = RobustnessSpec.Range(name: "budget", text: text, location: value.location)
        }
        if let value = node["samples"], let count = integer(value, what: "robustness.samples") {
            if (1...100_000).contains(count) {
                spec.samples = count
            } else {
                errors.append(.error(value.location, "robustness.samples: \(count) must be between 1 and 100000"))
            }
        }
        if let value = node["seed"] {
            if let text = value.scalar, let seed = UInt64(text) {
                spec.seed = seed
            } else {
                errors.append(.error(value.location, "robustness.seed: '\(value.scalar ?? value.kindName)' is not a whole number ≥ 0"))
            }
        }
        return spec
    }

    /// A mapping of names to ranges, in the file's order.
    private mutating func robustnessRanges(_ node: YAMLNode?, what: String) -> [RobustnessSpec.Range] {
        guard let node, !node.isNull else { return [] }
        guard checkMapping(node, what: what), let entries = node.entries else { return [] }
        return entries.compactMap { entry in
            robustnessRange(entry.value, what: "\(what).\(entry.key)").map {
                RobustnessSpec.Range(name: entry.key, text: $0, location: entry.value.location)
            }
        }
    }

    /// A range's text: a scalar such as `0.5..2` or `±30%`.
    private mutating func robustnessRange(_ node: YAMLNode, what: String) -> String? {
        guard let text = node.scalar, !text.isEmpty else {
            errors.append(.error(node.location, "\(what): '\(node.scalar ?? node.kindName)' is not a range such as 0.5..2 or ±30%"))
            return nil
        }
        return text
    }
}
