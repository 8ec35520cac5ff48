import Foundation
import TestSupport

/// A random small scenario in plain Swift values, with its YAML and CSV text. The `ReferenceEvaluator` reads
/// the Swift values and applies scenario-format §4–§4 by enumeration, sharing no code with greenalloc's compiler.
struct RandomScenario {
    struct Project {
        var id: String
        var park: Int
        var hasFund: Bool
        var investment: Double
        var request: [Double]  // 2022, 2023
        /// A request in 2024, after the horizon (never funded; it delays a naming package past the horizon).
        var laterRequest: Double
        var lock: String
        var requires: [Int]
        var group: String
        var prerequisite: Bool
        var inLibrary: Bool
        var mature: Bool
        var benefit: Double
    }

    // Parks: 0 named (city A), 1 under construction (city B), 2 revoked (city B), 3 under construction (city A, barred until 2023).
    static let parkStatus = ["named_provincial", "under_construction", "revoked", "under_construction"]
    static let parkCity = [0, 1, 1, 0]
    static let cityIDs = ["370100", "370200"]

    var projects: [Project] = []
    var budget: [Double] = [0, 0]
    var perProject: Double?
    var shareOfInvestment: Double?
    var cityCap: Double?  // per city per year, absolute
    var cityShare: Double?  // per city over both years, max_share of the fund
    var award: Double = 0
    var awardBudget: [Double] = [0, 0]
    var namingValue: Double = 0
    var bonus: Double = 1
    var target: (min: Double, penalty: Double?)?

    init(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        let count = random.int(4...9)
        for index in 0..<count {
            let park = random.int(0...3)
            var request = [0.0, 0.0]
            request[random.int(0...1)] = Double(random.int(5...60))
            if random.chance(0.3) { request[0] = Double(random.int(5...40)) }
            // Some projects ask only after the horizon, some also after it, a few for nothing at all.
            var laterRequest = 0.0
            if random.chance(0.25) { laterRequest = Double(random.int(5...40)) }
            if random.chance(0.1) { request = [0, 0] }
            projects.append(
                Project(
                    id: String(format: "P%02d", index + 1), park: park, hasFund: !random.chance(0.1),
                    investment: Double(random.int(40...400)), request: request, laterRequest: laterRequest,
                    lock: random.chance(0.08) ? "in" : (random.chance(0.08) ? "out" : ""), requires: [], group: "",
                    prerequisite: (park == 1 || park == 3) && random.chance(0.7), inLibrary: !random.chance(0.15),
                    mature: random.chance(0.5), benefit: Double(random.int(0...100))))
        }
        for index in projects.indices where random.chance(0.2) {
            let other = random.int(0...(count - 1))
            if other != index { projects[index].requires = [other] }
        }
        for index in projects.indices where random.chance(0.25) { projects[index].group = "G1" }
        // Often, a prerequisite of park 1 that draws money in the horizon also draws after it: its package is not
        // complete in the horizon, so park 1 cannot be named.
        if random.chance(0.5),
            let index = projects.indices.first(where: {
                projects[$0].park == 1 && projects[$0].prerequisite && projects[$0].request != [0, 0]
            })
        {
            projects[index].laterRequest = Double(random.int(5...40))
        }
        let total = projects.reduce(0.0) { $0 + $1.request[0] + $1.request[1] }
        budget = [(total * random.double(0.2...0.6)).rounded(), (total * random.double(0.1...0.5)).rounded()]
        if random.chance(0.4) { perProject = Double(random.int(20...60)) }
        if random.chance(0.4) { shareOfInvestment = random.double(0.1...0.6) }
        if random.chance(0.3) { cityCap = Double(random.int(20...60)) }
        if random.chance(0.3) { cityShare = random.double(0.4...0.9) }
        if random.chance(0.6) {
            award = Double(random.int(5...30))
            awardBudget = [Double(random.int(0...30)), Double(random.int(0...30))]
        }
        namingValue = random.chance(0.7) ? Double(random.int(20...80)) : 0
        bonus = random.chance(0.5) ? 1.5 : 1
        if random.chance(0.5) {
            target = (Double(random.int(1...3)), random.chance(0.5) ? Double(random.int(1...50)) : nil)
        }
    }

    var yaml: String {
        var text = ScenarioFixture.header() + """
            funds:
              - id: f1
                name: 专项资金
                budget: {2022: \(budget[0]), 2023: \(budget[1])}
                eligible: "project.lib == 'yes'"

            """
        if let perProject { text += "    per_project: \(perProject)\n" }
        if let shareOfInvestment { text += "    share_of_investment: \(shareOfInvestment)\n" }
        if award > 0 {
            text += """
                  - id: award
                    name: 命名奖补
                    kind: naming_award
                    award: \(award)
                    budget: {2022: \(awardBudget[0]), 2023: \(awardBudget[1])}

                """
        }
        text += """
            exclude:
              - name: 撤销
                when: "park.status == 'revoked'"
                reason: 撤销

            """
        var limits = ""
        if let cityCap {
            limits += "  - {name: 单市年度上限, sum: subsidy, fund: f1, group_by: city, per_year: true, max: \(cityCap)}\n"
        }
        if let cityShare {
            limits += "  - {name: 单市占比, sum: subsidy, fund: f1, group_by: city, max_share: \(cityShare)}\n"
        }
        if !limits.isEmpty { text += "limits:\n" + limits }
        text += """
            objective:
              maximize: benefit
              weights: {benefit: 1}
              naming_value: \(namingValue)
              bonuses:
                - {name: 成熟, when: "project.mature == 'yes'", factor: \(bonus)}

            """
        if let target {
            text += "targets:\n  - {name: 园区目标, metric: eco_park_count, year: 2023, min: \(target.min)"
            text += target.penalty.map { ", penalty: \($0)}\n" } ?? "}\n"
        }
        return text
    }

    var parksCSV: String {
        "id,name,city,status,barred_until\n"
            + (0..<4).map { index in
                "K\(index + 1),园区\(index + 1),\(Self.cityIDs[Self.parkCity[index]]),\(Self.parkStatus[index]),\(index == 3 ? "2023-06-30" : "")"
            }.joined(separator: "\n") + "\n"
    }

    var projectsCSV: String {
        "id,name,park,fund,category,investment,request_2022,request_2023,request_2024,lock,requires,exclusive_group,naming_prerequisite,lib,mature,benefit\n"
            + projects.map { project in
                [
                    project.id, "项目", "K\(project.park + 1)", project.hasFund ? "f1" : "", "air",
                    formatted(project.investment), project.hasFund ? formatted(project.request[0]) : "",
                    project.hasFund ? formatted(project.request[1]) : "",
                    project.hasFund && project.laterRequest > 0 ? formatted(project.laterRequest) : "", project.lock,
                    project.requires.map { projects[$0].id }.joined(separator: ";"), project.group,
                    project.prerequisite ? "true" : "false", project.inLibrary ? "yes" : "no",
                    project.mature ? "yes" : "no", formatted(project.benefit),
                ].joined(separator: ",")
            }.joined(separator: "\n") + "\n"
    }

    func formatted(_ value: Double) -> String { value == value.rounded() ? String(Int(value)) : "\(value)" }
}

/// The format's semantics (docs/scenario-format.md, version 1.1) by enumeration: every subset of fundable projects (θ ∈ {0, u}: min_share is 1 here, so
/// a funded project gets its maximum u, capped projects included) and every naming choice; the best objective
/// of the feasible ones, or nil when none is feasible. Requests after the horizon (2024) are never funded: a
/// project asking only then is not fundable, and a naming package drawing money then is not complete in time.
enum ReferenceEvaluator {
    /// u = min(1, per_project / total, share_of_investment × investment / total) over the horizon's requests.
    static func maximumShare(_ project: RandomScenario.Project, _ scenario: RandomScenario) -> Double {
        let total = project.request[0] + project.request[1]
        var cap = 1.0
        if let perProject = scenario.perProject, total > 0 { cap = min(cap, perProject / total) }
        if let share = scenario.shareOfInvestment, total > 0 { cap = min(cap, share * project.investment / total) }
        return cap
    }

    /// Money spent per year, and per city (0, 1) per year, by the funded projects at their caps.
    static func spending(_ scenario: RandomScenario, funded: [Bool], cap: [Double]) -> (spent: [Double], byCity: [[Double]]) {
        var spent = [0.0, 0.0]
        var byCity = [[0.0, 0.0], [0.0, 0.0]]
        for (index, project) in scenario.projects.enumerated() where funded[index] {
            for year in 0..<2 {
                spent[year] += cap[index] * project.request[year]
                byCity[RandomScenario.parkCity[project.park]][year] += cap[index] * project.request[year]
            }
        }
        return (spent, byCity)
    }

    /// `policy`: the instruments of scenario-format §15 (ReferenceEvaluator+Policy.swift): it decides the budgets and
    /// adds the envelopes' penalty (nil from it: the plan breaks an envelope).
    static func optimum(_ scenario: RandomScenario, policy: PolicyRules? = nil) -> Double? {
        let projects = scenario.projects
        let cap = projects.map { maximumShare($0, scenario) }
        // Fundability (scenario-format §6).
        var fundable = projects.indices.map { index -> Bool in
            let project = projects[index]
            guard project.hasFund, project.lock != "out", project.inLibrary,
                RandomScenario.parkStatus[project.park] != "revoked"
            else { return false }
            return project.request[0] + project.request[1] > 0 && cap[index] > 0
        }
        var changed = true
        while changed {
            changed = false
            for index in projects.indices where fundable[index] && projects[index].requires.contains(where: { !fundable[$0] }) {
                fundable[index] = false
                changed = true
            }
        }
        if projects.indices.contains(where: { projects[$0].lock == "in" && !fundable[$0] }) { return nil }
        // Nameable parks and their years (scenario-format §10): parks 1 and 3 (3 is barred past as_of).
        var nameable: [(park: Int, year: Int, prerequisites: [Int])] = []
        if scenario.namingValue > 0 || scenario.target != nil {
            let park = 1
            let prerequisites = projects.indices.filter { projects[$0].park == park && projects[$0].prerequisite }
            let drawsAfterHorizon = prerequisites.contains { projects[$0].laterRequest > 0 }
            let failedReview = policy?.failing.contains(park) ?? false
            if !prerequisites.isEmpty, prerequisites.allSatisfy({ fundable[$0] }), !drawsAfterHorizon, !failedReview {
                let drawsIn2023 = prerequisites.contains { projects[$0].request[1] > 0 }
                nameable.append((park, drawsIn2023 ? 2023 : 2022, prerequisites))
            }
        }
        let score = projects.indices.map { projects[$0].benefit * (projects[$0].mature ? scenario.bonus : 1) * cap[$0] }
        let candidates = projects.indices.filter { fundable[$0] }
        var best: Double?
        for mask in 0..<(1 << candidates.count) {
            var funded = Array(repeating: false, count: projects.count)
            for (bit, index) in candidates.enumerated() where mask & (1 << bit) != 0 { funded[index] = true }
            if projects.indices.contains(where: { projects[$0].lock == "in" && !funded[$0] }) { continue }
            if projects.indices.contains(where: { funded[$0] && projects[$0].requires.contains { !funded[$0] } }) { continue }
            if projects.indices.filter({ funded[$0] && projects[$0].group == "G1" }).count > 1 { continue }
            let (spent, byCity) = spending(scenario, funded: funded, cap: cap)
            if let policy {
                if !policy.budgetsHold(spent) { continue }
            } else if spent[0] > scenario.budget[0] + 1e-9 || spent[1] > scenario.budget[1] + 1e-9 {
                continue
            }
            var envelopeTerm = 0.0
            if let policy {
                guard let term = policy.envelopeTerm(byCity) else { continue }
                envelopeTerm = term
            }
            if let cap = scenario.cityCap, byCity.joined().contains(where: { $0 > cap + 1e-9 }) { continue }
            if let share = scenario.cityShare {
                let total = spent[0] + spent[1]
                if byCity.contains(where: { $0[0] + $0[1] > share * total + 1e-9 }) { continue }
            }
            for naming in 0..<(1 << nameable.count) {
                var named: [(park: Int, year: Int)] = []
                var valid = true
                for (bit, candidate) in nameable.enumerated() where naming & (1 << bit) != 0 {
                    if !candidate.prerequisites.allSatisfy({ funded[$0] }) { valid = false }
                    named.append((candidate.park, candidate.year))
                }
                guard valid else { continue }
                if scenario.award > 0 {
                    let awards = [2022, 2023].map { year in Double(named.filter { $0.year == year }.count) * scenario.award }
                    if awards[0] > scenario.awardBudget[0] + 1e-9 || awards[1] > scenario.awardBudget[1] + 1e-9 { continue }
                }
                var objective = projects.indices.filter { funded[$0] }.reduce(0.0) { $0 + score[$1] } + envelopeTerm
                objective += scenario.namingValue * Double(named.count)
                if let target = scenario.target {
                    // Park 0 is already named, unless it fails the review (§15.3).
                    let count = (policy?.failing.contains(0) ?? false ? 0 : 1) + Double(named.count)
                    if let penalty = target.penalty {
                        objective -= penalty * max(0, target.min - count)
                    } else if count < target.min {
                        continue
                    }
                }
                if best == nil || objective > best! + 1e-12 { best = objective }
            }
        }
        return best
    }
}

/// Reproducible random scenarios: TestSupport's SplitMix64 from a spread seed, with helpers.
struct SeededRandom {
    var generator: SplitMix64
    init(seed: UInt64) { generator = SplitMix64(seed: seed &* 0x9E37_79B9_7F4A_7C15 &+ 1) }
    mutating func next() -> UInt64 { generator.next() }
    mutating func double(_ range: ClosedRange<Double>) -> Double {
        let unit = Double(next() >> 11) / Double(1 << 53)
        return ((range.lowerBound + unit * (range.upperBound - range.lowerBound)) * 100).rounded() / 100
    }
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
    }
    mutating func chance(_ probability: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < probability }
}
