import Foundation
import TestSupport

/// A small random scenario in which every scenario-format §13 rule is one edit of the inputs: limits are ungrouped and not
/// per year (one row each), each `requires` names one project, the exclusive group has two members. So a rule
/// can be dropped (lock and requires cells emptied, the group dissolved, a budget made unlimited, a limit or
/// target removed) or relaxed by a diagnosis's amount (a budget or limit bound moved, a target lowered; a lock,
/// requirement or two-member group relaxed by one is dropped) without knowing how the compiler states it.
struct RandomDiagnosisCase {
    enum Rule: Hashable, CustomStringConvertible {
        case lock(String), requires(String), exclusive(String), budget(Int), limit(String), target(String)

        /// The rule of one `conflict` or `relax` entry of allocation.json.
        init?(_ entry: [String: Any]) {
            switch entry["kind"] as? String {
            case "lock": self = .lock(entry["project"] as? String ?? "")
            case "requires": self = .requires(entry["project"] as? String ?? "")
            case "exclusive": self = .exclusive(entry["group"] as? String ?? "")
            case "budget": self = .budget(entry["year"] as? Int ?? 0)
            case "limit": self = .limit(entry["rule"] as? String ?? "")
            case "target": self = .target(entry["rule"] as? String ?? "")
            default: return nil
            }
        }

        var description: String {
            switch self {
            case .lock(let id): "lock \(id)"
            case .requires(let id): "requires \(id)"
            case .exclusive(let group): "exclusive \(group)"
            case .budget(let year): "budget \(year)"
            case .limit(let name): "limit \(name)"
            case .target(let name): "target \(name)"
            }
        }
    }

    struct Project {
        var id: String
        var park: String
        var requests: (Int, Int)
        var locked: Bool
        var requires: String?
        var group: String?
        var inLibrary: Bool
        var benefit: Int
    }

    struct Bound {
        var name: String
        var sum: String
        var isMax: Bool
        var value: Double
    }

    var projects: [Project] = []
    var budgets: [Int: Double] = [:]
    var limits: [Bound] = []
    var targets: [Bound] = []

    init(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let count = Int.random(in: 4...6, using: &random)
        for index in 0..<count {
            projects.append(
                Project(
                    id: "P\(index + 1)", park: Bool.random(using: &random) ? "K1" : "K2",
                    requests: (Int.random(in: 10...60, using: &random), Bool.random(using: &random) ? 0 : Int.random(in: 10...40, using: &random)),
                    locked: Int.random(in: 0..<4, using: &random) == 0, requires: nil, group: nil,
                    inLibrary: Int.random(in: 0..<5, using: &random) > 0, benefit: Int.random(in: 1...60, using: &random)))
        }
        for index in 0..<(count - 1) where Int.random(in: 0..<3, using: &random) == 0 {
            projects[index].requires = projects[Int.random(in: (index + 1)..<count, using: &random)].id
        }
        if Bool.random(using: &random) {
            let first = Int.random(in: 0..<count, using: &random)
            let second = (first + Int.random(in: 1..<count, using: &random)) % count
            projects[first].group = "G1"
            projects[second].group = "G1"
            if Int.random(in: 0..<3, using: &random) == 0 {
                projects[first].locked = true
                projects[second].locked = true
            }
        }
        budgets = [2022: Double(Int.random(in: 40...150, using: &random)), 2023: Double(Int.random(in: 0...100, using: &random))]
        for index in 0..<Int.random(in: 0...2, using: &random) {
            let count = Bool.random(using: &random)
            let isMax = Bool.random(using: &random)
            let value = count ? (isMax ? Int.random(in: 1...3, using: &random) : Int.random(in: 2...5, using: &random))
                : (isMax ? Int.random(in: 20...100, using: &random) : Int.random(in: 20...150, using: &random))
            limits.append(Bound(name: "L\(index + 1)", sum: count ? "count" : "subsidy", isMax: isMax, value: Double(value)))
        }
        if Bool.random(using: &random) {
            let count = Bool.random(using: &random)
            let value = count ? Int.random(in: 2...5, using: &random) : Int.random(in: 50...200, using: &random)
            targets.append(Bound(name: "T1", sum: count ? "count" : "benefit", isMax: false, value: Double(value)))
        }
    }

    /// Every rule of the scenario.
    var rules: Set<Rule> {
        var rules: Set<Rule> = Set(budgets.keys.map { .budget($0) })
        for project in projects {
            if project.locked { rules.insert(.lock(project.id)) }
            if project.requires != nil { rules.insert(.requires(project.id)) }
            if let group = project.group { rules.insert(.exclusive(group)) }
        }
        rules.formUnion(limits.map { .limit($0.name) })
        rules.formUnion(targets.map { .target($0.name) })
        return rules
    }

    /// The scenario with the facts, the rules in `kept`, and the amounts of `relaxing` applied to them.
    func fixture(keeping kept: Set<Rule>, relaxing: [Rule: Double] = [:]) throws -> ScenarioFixture {
        func holds(_ rule: Rule) -> Bool { kept.contains(rule) && relaxing[rule] == nil }
        var rows = [SolveFeatureTests.projectsHeader.trimmingCharacters(in: .newlines)]
        for project in projects {
            let lock = project.locked && holds(.lock(project.id)) ? "in" : ""
            let requires = project.requires.flatMap { holds(.requires(project.id)) ? $0 : nil } ?? ""
            let group = project.group.flatMap { holds(.exclusive($0)) ? $0 : nil } ?? ""
            let later = project.requests.1 == 0 ? "" : String(project.requests.1)
            rows.append(
                "\(project.id),n,\(project.park),f1,air,1000,\(project.requests.0),\(later),,\(lock),\(requires),\(group),,\(project.inLibrary ? "yes" : "no"),\(project.benefit)")
        }
        let budget = budgets.keys.sorted().map { year in
            let amount = kept.contains(.budget(year)) ? budgets[year]! + (relaxing[.budget(year)] ?? 0) : 10_000_000
            return "\(year): \(amount)"
        }.joined(separator: ", ")
        var yaml = ScenarioFixture.header() + """
            funds:
              - {id: f1, name: 专项资金, budget: {\(budget)}}
            objective:
              maximize: benefit
              weights: {benefit: 1}
            exclude:
              - {name: 未入库, when: "project.lib == 'no'", reason: 未入库}

            """
        let keptLimits = limits.filter { kept.contains(.limit($0.name)) }
        if !keptLimits.isEmpty { yaml += "limits:\n" }
        for limit in keptLimits {
            let by = relaxing[.limit(limit.name)] ?? 0
            yaml += "  - {name: \(limit.name), sum: \(limit.sum), \(limit.isMax ? "max: \(limit.value + by)" : "min: \(limit.value - by)")}\n"
        }
        let keptTargets = targets.filter { kept.contains(.target($0.name)) }
        if !keptTargets.isEmpty { yaml += "targets:\n" }
        for target in keptTargets {
            yaml += "  - {name: \(target.name), metric: \(target.sum), min: \(target.value - (relaxing[.target(target.name)] ?? 0))}\n"
        }
        return try ScenarioFixture(yaml: yaml, projects: rows.joined(separator: "\n") + "\n")
    }
}
