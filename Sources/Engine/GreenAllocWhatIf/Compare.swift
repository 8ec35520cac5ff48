public import GreenAllocCore
internal import MILP

/// One scenario's figures in a comparison.
public struct ScenarioSummary: Sendable {
    public struct Total: Sendable, Hashable {
        public var key: String
        public var name: String
        public var amount: Double
        public init(key: String, name: String, amount: Double) {
            self.key = key
            self.name = name
            self.amount = amount
        }
    }

    /// The label shown for the scenario (its name; made unique with the file name when two names clash).
    public var label: String
    public var file: String
    public var allocation: Allocation
    public var status: AllocationStatus { allocation.status }
    public var objective: Double? { allocation.objective }
    public var fundedCount: Int { allocation.projects.filter(\.funded).count }
    /// Project subsidies (naming awards not included).
    public var subsidyTotal: Double { allocation.projects.reduce(0) { $0 + $1.subsidyTotal } }
    /// Use per fund over the horizon (naming awards included for naming funds).
    public var byFund: [Total]
    public var byYear: [Total]
    public var byCity: [Total]
    public var byCategory: [Total]

    public init(label: String, file: String, allocation: Allocation) {
        self.label = label
        self.file = file
        self.allocation = allocation
        byFund = allocation.funds.map { Total(key: $0.id, name: $0.name, amount: $0.used.reduce(0, +)) }
        byYear = allocation.years.enumerated().map { index, year in
            Total(
                key: String(year), name: String(year),
                amount: allocation.projects.reduce(0) { $0 + (index < $1.subsidy.count ? $1.subsidy[index] : 0) })
        }
        var cities: [String: Double] = [:]
        var categories: [String: Double] = [:]
        for project in allocation.projects where project.funded {
            cities[project.city, default: 0] += project.subsidyTotal
            categories[project.category, default: 0] += project.subsidyTotal
        }
        byCity = allocation.cities.compactMap { city in
            cities[city.id].map { Total(key: city.id, name: city.name, amount: $0) }
                ?? cities[city.name].map { Total(key: city.id, name: city.name, amount: $0) }
        }
        byCategory = categories.keys.sorted().map { Total(key: $0, name: $0, amount: categories[$0]!) }
    }
}

/// Projects whose decision differs from the first scenario's.
public struct ScenarioDiff: Sendable {
    public struct ShareChange: Sendable, Hashable {
        public var project: String
        public var from: Double
        public var to: Double
    }
    public var label: String
    /// Funded here and not in the first scenario.
    public var fundedOnlyHere: [String]
    /// Funded in the first scenario and not here.
    public var droppedHere: [String]
    /// Funded in both, with a different share.
    public var shareChanged: [ShareChange]
}

/// A project funded in some scenarios and not in others (or with different shares).
public struct ProjectChange: Sendable {
    public var project: String
    public var name: String
    /// Labels of the scenarios that fund it.
    public var fundedIn: [String]
    /// Its share per scenario (nil where the scenario does not know the project).
    public var shares: [Double?]
}

public struct Comparison: Sendable {
    public var scenarios: [ScenarioSummary]
    /// One per scenario after the first.
    public var diffs: [ScenarioDiff]
    public var changes: [ProjectChange]
    /// Rank stability of each scenario after the first against the first (funded set and bank lists).
    public var stability: [RankStability] = []
    /// Projects funded in every scenario.
    public var fundedEverywhere: [String] = []
    /// Per scenario, the optimum beside the greedy and proportional rules (`compare` fills it in).
    public var fairness: [FairnessResult] = []

    /// Shares closer than this count as equal.
    public static let shareTolerance = 1e-6

    public init(_ runs: [(label: String, file: String, allocation: Allocation)]) {
        var labels = runs.map(\.label)
        for index in labels.indices where labels.filter({ $0 == labels[index] }).count > 1 {
            labels[index] = "\(runs[index].label) (\(runs[index].file))"
        }
        for index in labels.indices where labels.filter({ $0 == labels[index] }).count > 1 {
            labels[index] += " #\(index + 1)"
        }
        let scenarios = runs.indices.map { ScenarioSummary(label: labels[$0], file: runs[$0].file, allocation: runs[$0].allocation) }
        self.scenarios = scenarios
        let shareMaps: [[String: Double]] = scenarios.map { summary in
            Dictionary(summary.allocation.projects.map { ($0.id, $0.share) }, uniquingKeysWith: { first, _ in first })
        }
        var order: [String] = []
        var names: [String: String] = [:]
        for summary in scenarios {
            for project in summary.allocation.projects where names[project.id] == nil {
                order.append(project.id)
                names[project.id] = project.name
            }
        }
        let first = shareMaps.first ?? [:]
        self.diffs = scenarios.indices.dropFirst().map { index in
            let here = shareMaps[index]
            var diff = ScenarioDiff(label: scenarios[index].label, fundedOnlyHere: [], droppedHere: [], shareChanged: [])
            for id in order {
                let before = first[id] ?? 0
                let now = here[id] ?? 0
                if now > 0, before <= 0 {
                    diff.fundedOnlyHere.append(id)
                } else if before > 0, now <= 0 {
                    diff.droppedHere.append(id)
                } else if before > 0, now > 0, abs(before - now) > Self.shareTolerance {
                    diff.shareChanged.append(ScenarioDiff.ShareChange(project: id, from: before, to: now))
                }
            }
            return diff
        }
        self.changes = order.compactMap { id in
            let shares = shareMaps.map { $0[id] }
            let values = shares.map { $0 ?? 0 }
            guard let low = values.min(), let high = values.max(), high - low > Self.shareTolerance else { return nil }
            let fundedIn = scenarios.indices.filter { values[$0] > 0 }.map { scenarios[$0].label }
            return ProjectChange(project: id, name: names[id] ?? id, fundedIn: fundedIn, shares: shares)
        }
        stability = RankStability.against(scenarios)
        fundedEverywhere = RankStability.fundedEverywhere(scenarios)
    }
}

extension WhatIfRunner {
    /// Runs each scenario through the full pipeline, one thread per scenario (at most `threads` at once), and
    /// compares the results against the first.
    public static func compare(_ runners: [(file: String, runner: WhatIfRunner)], threads: Int) throws -> Comparison {
        let count = runners.count
        let chunkCount = Swift.max(1, Swift.min(threads, count))
        let bounds = (0...chunkCount).map { $0 * count / chunkCount }
        let chunks: [[Result<Allocation, any Error>]] = SolverThread.all(chunkCount) { chunk in
            (bounds[chunk]..<bounds[chunk + 1]).map { index in
                Result { try runners[index].runner.run(runners[index].runner.scenario) }
            }
        }
        let allocations = try chunks.flatMap { $0 }.map { try $0.get() }
        return Comparison(
            runners.indices.map { (runners[$0].runner.scenario.name, runners[$0].file, allocations[$0]) })
    }
}
