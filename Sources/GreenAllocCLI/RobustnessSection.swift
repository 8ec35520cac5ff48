internal import ArgumentParser
internal import GreenAllocCore
internal import GreenAllocInputs
internal import GreenAllocRobustness

/// The ranges, sample count and seed of a robustness run: each option over the scenario's `robustness:` section.
/// A bad range from an option is a usage error (exit 64); one from the section an input error at its place in the
/// file (exit 65).
struct RobustnessSettings {
    var ranges: [ParameterRange]
    var samples: Int?
    var seed: UInt64

    init(_ scenario: Scenario, weights: String?, budget: String?, bonus: String?, samples: Int?, seed: UInt64?) throws {
        let section = scenario.robustness
        var ranges = try Self.ranges(weights, "--weights", section?.weights, "weights", scenario) { try scenario.weightRange($0, $1) }
        ranges += try Self.ranges(bonus, "--bonus", section?.bonus, "bonus", scenario) { try scenario.bonusRange($0, $1) }
        if let budget {
            ranges.append(try robustnessUsage { try ParameterRange.parse(budget, kind: .budget, name: "budget", base: 1) })
        } else if let range = section?.budget {
            ranges.append(try Self.fromSection(range, nil, scenario) { try ParameterRange.parse(range.text, kind: .budget, name: "budget", base: 1) })
        }
        guard !ranges.isEmpty else {
            throw UsageError(message: "give at least one range: --weights, --budget or --bonus, or a robustness: section in the scenario")
        }
        guard scenario.objective.sense == .maximizeBenefit else { throw UsageError(message: RobustnessError.notMaximizing.description) }
        self.ranges = ranges
        self.samples = samples ?? section?.samples
        self.seed = seed ?? section?.seed ?? 1
    }

    /// The ranges of one option (`name=RANGE,…`) when it is given or there is no section, else the section's.
    static func ranges(
        _ option: String?, _ flag: String, _ section: [RobustnessSpec.Range]?, _ group: String, _ scenario: Scenario,
        parse: (String, String) throws -> ParameterRange
    ) throws -> [ParameterRange] {
        guard option == nil, let section else {
            return try RobustnessRequest.pairs(option, option: flag).map { name, text in try robustnessUsage { try parse(name, text) } }
        }
        return try section.map { range in try fromSection(range, group, scenario) { try parse(range.name, range.text) } }
    }

    /// A range of the section, or an input error at its place in the scenario file.
    static func fromSection(
        _ range: RobustnessSpec.Range, _ group: String?, _ scenario: Scenario, _ parse: () throws -> ParameterRange
    ) throws -> ParameterRange {
        do { return try parse() } catch let error as RobustnessError {
            let key = "robustness." + (group.map { "\($0).\(range.name)" } ?? "budget")
            let location = range.location ?? SourceLocation(file: scenario.file, line: 1, column: 1)
            throw InputErrors([Diagnostic(.error, location, "\(key): \(error.description)")])
        }
    }
}
