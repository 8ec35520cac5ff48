import Foundation

/// A random small deferral scenario (scenario-format §15.4) over 2022–2024 in plain Swift values, with its YAML and
/// CSV text. Park K1 is named already (city 370100); K2 is under construction (city 370200) and can be named once
/// its prerequisites are funded.
struct RandomDeferralCase {
    static let years = [2022, 2023, 2024]

    struct Project {
        var id: String
        var park: Int
        var request: [Double]
        var deferMax: Int?
        var deferPenalty: Double?
        var prerequisite: Bool
        var lockedIn: Bool
        var benefit: Double
    }

    var projects: [Project] = []
    var budget: [Double] = []
    var deferMax = 0
    var deferPenalty = 0.0
    var award = 0.0
    var awardBudget: [Double] = [0, 0, 0]
    var namingValue = 0.0
    var cityCap: Double?

    init(seed: UInt64) {
        var random = SeededRandom(seed: seed &+ 7_000)
        for index in 0..<random.int(3...6) {
            var request = [0.0, 0.0, 0.0]
            let first = random.int(0...2)
            request[first] = Double(random.int(5...60))
            if first < 2, random.chance(0.4) { request[first + 1] = Double(random.int(5...40)) }
            let park = random.int(0...1)
            projects.append(
                Project(
                    id: String(format: "P%02d", index + 1), park: park, request: request,
                    deferMax: random.chance(0.4) ? random.int(0...2) : nil,
                    deferPenalty: random.chance(0.3) ? random.double(0...0.4) : nil,
                    prerequisite: park == 1 && random.chance(0.6), lockedIn: random.chance(0.08),
                    benefit: Double(random.int(0...100))))
        }
        let total = projects.reduce(0.0) { $0 + $1.request.reduce(0, +) }
        budget = (0..<3).map { _ in (total * random.double(0.15...0.5)).rounded() }
        deferMax = random.int(0...2)
        deferPenalty = random.chance(0.3) ? 0 : random.double(0.01...0.3)
        if random.chance(0.6) {
            award = Double(random.int(5...30))
            awardBudget = (0..<3).map { _ in Double(random.int(0...30)) }
        }
        namingValue = random.chance(0.7) ? Double(random.int(20...80)) : 0
        if random.chance(0.3) { cityCap = Double(random.int(20...60)) }
    }

    var yaml: String {
        var text = ScenarioFixture.header(years: "[2022, 2023, 2024]") + """
            funds:
              - {id: f1, name: 专项资金, budget: {2022: \(budget[0]), 2023: \(budget[1]), 2024: \(budget[2])}}

            """
        if award > 0 {
            text += "  - {id: award, name: 命名奖补, kind: naming_award, award: \(award), "
                + "budget: {2022: \(awardBudget[0]), 2023: \(awardBudget[1]), 2024: \(awardBudget[2])}}\n"
        }
        text += "deferral: {defer_max: \(deferMax), defer_penalty: \(deferPenalty)}\n"
        if let cityCap {
            text += "limits:\n  - {name: 单市年度上限, sum: subsidy, fund: f1, group_by: city, per_year: true, max: \(cityCap)}\n"
        }
        text += "objective:\n  maximize: benefit\n  weights: {benefit: 1}\n  naming_value: \(namingValue)\n"
        return text
    }

    var parksCSV: String {
        "id,name,city,status\nK1,甲园区,370100,named_provincial\nK2,乙园区,370200,under_construction\n"
    }

    var projectsCSV: String {
        "id,name,park,fund,category,investment,request_2022,request_2023,request_2024,naming_prerequisite,lock,defer_max,defer_penalty,benefit\n"
            + projects.map { project in
                ([project.id, "项目", "K\(project.park + 1)", "f1", "air", "1000"]
                    + project.request.map { $0 == 0 ? "" : String(Int($0)) }
                    + [
                        project.prerequisite ? "true" : "false", project.lockedIn ? "in" : "",
                        project.deferMax.map(String.init) ?? "", project.deferPenalty.map { "\($0)" } ?? "",
                        String(Int(project.benefit)),
                    ]).joined(separator: ",")
            }.joined(separator: "\n") + "\n"
    }
}

/// The meaning of deferral by enumeration, sharing no code with the compiler: every project is left out or
/// started with each allowed delay d (its asked years + d inside 2022–2024, d ≤ its `defer_max`), its request
/// moved by d years and its benefit times 1 − min(1, d × defer_penalty); K2 is named (when naming is valued) in the
/// last year a prerequisite draws money, all of them funded. The best objective, or nil when nothing is feasible.
enum DeferralReference {
    static func allowedShifts(_ project: RandomDeferralCase.Project, _ scenario: RandomDeferralCase) -> [Int] {
        let limit = project.deferMax ?? scenario.deferMax
        let last = project.request.lastIndex { $0 > 0 } ?? 0
        return (0...max(0, limit)).filter { last + $0 <= 2 }
    }

    static func optimum(_ scenario: RandomDeferralCase) -> Double? {
        let choices = scenario.projects.map { [nil] + allowedShifts($0, scenario).map { Optional($0) } }
        var best: Double?
        var plan = Array(repeating: Int?.none, count: choices.count)
        func visit(_ index: Int) {
            guard index < choices.count else {
                for named in [false, true] {
                    if let value = evaluate(scenario, shifts: plan, named: named), best == nil || value > best! + 1e-12 { best = value }
                }
                return
            }
            for choice in choices[index] {
                plan[index] = choice
                visit(index + 1)
            }
        }
        visit(0)
        return best
    }

    /// K2's naming year under the shifts: the last year any prerequisite draws money.
    static func namingYear(_ scenario: RandomDeferralCase, shifts: [Int?]) -> Int? {
        var year: Int?
        for (index, project) in scenario.projects.enumerated() where project.prerequisite {
            guard let shift = shifts[index], let last = project.request.lastIndex(where: { $0 > 0 }) else { return nil }
            year = max(year ?? 0, RandomDeferralCase.years[last + shift])
        }
        return year
    }

    /// The objective of one plan (nil: it breaks a budget, a limit, a lock or the naming rules).
    static func evaluate(_ scenario: RandomDeferralCase, shifts: [Int?], named: Bool) -> Double? {
        var spent = [0.0, 0.0, 0.0]
        var byCity = [[0.0, 0.0, 0.0], [0.0, 0.0, 0.0]]
        var objective = 0.0
        for (index, project) in scenario.projects.enumerated() {
            guard let shift = shifts[index] else {
                if project.lockedIn { return nil }
                continue
            }
            for (position, amount) in project.request.enumerated() where amount > 0 {
                spent[position + shift] += amount
                byCity[project.park][position + shift] += amount
            }
            let penalty = project.deferPenalty ?? scenario.deferPenalty
            objective += project.benefit * (1 - min(1, Double(shift) * penalty))
        }
        for year in 0..<3 where spent[year] > scenario.budget[year] + 1e-9 { return nil }
        if let cap = scenario.cityCap, byCity.joined().contains(where: { $0 > cap + 1e-9 }) { return nil }
        if named {
            guard scenario.namingValue > 0, let year = namingYear(scenario, shifts: shifts) else { return nil }
            if scenario.award > 0, scenario.award > scenario.awardBudget[year - 2022] + 1e-9 { return nil }
            objective += scenario.namingValue
        }
        return objective
    }
}
