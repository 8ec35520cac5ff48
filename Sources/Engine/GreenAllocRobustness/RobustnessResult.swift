internal import Foundation

/// RPM's classes: funded in every non-dominated (or sampled) plan, in some, or in none.
public enum RobustnessClass: String, Sendable, Hashable, Codable, CaseIterable {
    case core, borderline, exterior
}

/// How the classes were found.
public enum RobustnessMethod: String, Sendable, Hashable, Codable {
    /// Every non-dominated plan over the box of weights, enumerated.
    case exact
    /// Optimal plans at seeded random points of the ranges.
    case sampled
}

/// Why the exact method did not run (the run then samples, and says so).
public enum ExactFallback: Sendable, Hashable, Codable {
    case budgetRange
    case tooManyRanges(Int, limit: Int)
    case tooManyProjects(Int, limit: Int)
    case continuousObjective
    case tooManyPlans(limit: Int)
    case noPlanInTime
    /// A solve returned a plan the enumeration's rows should have cut off (numerical trouble).
    case numerical
    case samplesRequested
}

/// A project as the documents name it.
public struct ProjectLabel: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var city: String
    /// False when the rules keep it out before any solve (it is then exterior whatever the weights).
    public var fundable: Bool
    public init(id: String, name: String, city: String, fundable: Bool) {
        self.id = id
        self.name = name
        self.city = city
        self.fundable = fundable
    }
}

/// One sampled point of the ranges and its optimal plan (nil: no plan there).
public struct RobustnessSample: Sendable, Hashable, Codable {
    public var index: Int
    public var values: [Double]
    public var plan: Plan?
    public init(index: Int, values: [Double], plan: Plan?) {
        self.index = index
        self.values = values
        self.plan = plan
    }
}

/// One project's class, with the share of plans funding it and (sampled) its 95% Wilson interval.
public struct ProjectRobustness: Sendable, Hashable, Codable {
    public var project: Int
    public var robustnessClass: RobustnessClass
    public var fundedCount: Int
    public var total: Int
    public var fraction: Double { total > 0 ? Double(fundedCount) / Double(total) : 0 }
    /// The 95% Wilson score interval of the fraction (z = 1.96).
    public var wilson: (lower: Double, upper: Double) { Wilson.interval(fundedCount, of: total) }
}

/// The outcome of a robustness analysis: the ranges, the plans (non-dominated, or one per sample) and the classes.
public struct RobustnessResult: Sendable, Codable {
    /// The scenario's name, and its English name when it has one.
    public var scenario: String
    public var scenarioEnglish: String?
    public var method: RobustnessMethod
    public var ranges: [ParameterRange]
    public var projects: [ProjectLabel]
    /// Exact: the non-dominated plans. Sampled: the samples in index order.
    public var plans: [Plan]
    public var samples: [RobustnessSample]
    public var seed: UInt64?
    /// Why the exact method gave way to sampling, when it did.
    public var fallback: ExactFallback?
    /// Solves the analysis took (over every slice when merged).
    public var solves: Int

    public init(
        scenario: String, scenarioEnglish: String?, method: RobustnessMethod, ranges: [ParameterRange], projects: [ProjectLabel], plans: [Plan],
        samples: [RobustnessSample], seed: UInt64?, fallback: ExactFallback?, solves: Int
    ) {
        self.scenario = scenario
        self.scenarioEnglish = scenarioEnglish
        self.method = method
        self.ranges = ranges
        self.projects = projects
        self.plans = plans
        self.samples = samples
        self.seed = seed
        self.fallback = fallback
        self.solves = solves
    }

    /// Samples without a plan (infeasible at their budget, or nothing found in time).
    public var samplesWithoutPlan: Int { samples.filter { $0.plan == nil }.count }

    /// The plans the classes are read from: the non-dominated plans, or the sampled plans.
    var classPlans: [Plan] { method == .exact ? plans : samples.compactMap(\.plan) }

    /// Each project's class, in library order.
    public var classes: [ProjectRobustness] {
        let plans = classPlans
        var counts = Array(repeating: 0, count: projects.count)
        for plan in plans { for project in plan.funded where counts.indices.contains(project) { counts[project] += 1 } }
        return counts.enumerated().map { project, count in
            let robustnessClass: RobustnessClass =
                plans.isEmpty || count == 0 ? .exterior : (count == plans.count ? .core : .borderline)
            return ProjectRobustness(project: project, robustnessClass: robustnessClass, fundedCount: count, total: plans.count)
        }
    }

    /// Projects per class.
    public var counts: [RobustnessClass: Int] {
        Dictionary(grouping: classes, by: \.robustnessClass).mapValues(\.count)
    }

    /// The projects whose class differs between this result and another over the same projects (another seed).
    public func moves(against other: RobustnessResult) -> [(project: Int, from: RobustnessClass, to: RobustnessClass)] {
        zip(classes, other.classes).compactMap { mine, theirs in
            mine.robustnessClass == theirs.robustnessClass ? nil : (mine.project, mine.robustnessClass, theirs.robustnessClass)
        }
    }
}

/// The Wilson score interval of a binomial proportion.
public enum Wilson {
    public static func interval(_ successes: Int, of trials: Int, z: Double = 1.96) -> (lower: Double, upper: Double) {
        guard trials > 0 else { return (0, 1) }
        let n = Double(trials), p = Double(successes) / n, z2 = z * z
        let centre = (p + z2 / (2 * n)) / (1 + z2 / n)
        let half = z * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot() / (1 + z2 / n)
        return (Swift.max(0, centre - half), Swift.min(1, centre + half))
    }
}
