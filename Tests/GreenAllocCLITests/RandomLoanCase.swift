import Foundation
import TestSupport
import Testing

/// A random small loan stage (≤ 8 loan-eligible projects, ≤ 3 banks, an optional interest-subsidy budget and
/// an optional per-city loan cap) with its scenario files and a brute-force evaluator of scenario-format §11 that shares
/// no code with the program under test.
struct RandomLoanCase {
    /// SplitMix64 with a draw from a closed range (the sequence the brute-force suite has always used).
    struct Random {
        var generator: SplitMix64
        init(state: UInt64) { generator = SplitMix64(seed: state) }
        mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(generator.next() % UInt64(range.count)) }
    }

    struct Project { var id: String; var city: Int; var tier: Int; var need: Double; var score: Double }
    struct Bank { var capacity: Double; var max: Double?; var minTier: Int; var cities: Set<Int>? }

    var projects: [Project] = []
    var banks: [Bank] = []
    /// 贴息 budget with bp 100 over 1 year: cost = need / 100.
    var budget: Double?
    var cityCap: Double?

    init(seed: Int) {
        var random = Random(state: UInt64(seed) &* 7919)
        for index in 0..<random.int(3...8) {
            let city = random.int(0...1)
            let benefit = Double(random.int(1...40))
            projects.append(
                Project(id: "P\(index)", city: city, tier: random.int(1...2), need: Double(random.int(5...60)),
                    score: city == 0 ? benefit * 1.5 : benefit))
        }
        for _ in 0..<random.int(1...3) {
            banks.append(
                Bank(capacity: Double(random.int(20...120)), max: random.int(0...2) == 0 ? Double(random.int(20...60)) : nil,
                    minTier: random.int(0...3) == 0 ? 2 : 0, cities: random.int(0...3) == 0 ? [random.int(0...1)] : nil))
        }
        budget = random.int(0...1) == 0 ? Double(random.int(40...200)) / 100 : nil
        cityCap = random.int(0...2) == 0 ? Double(random.int(30...120)) : nil
    }

    /// The scenario: K1 (济南) is named provincial and its projects get the loan bonus ×1.5.
    func fixture() throws -> ScenarioFixture {
        let cityIDs = ["370100", "370200"]
        let parkOfCity = ["K1", "K2"]
        let tiers = ["none", "general", "preferred"]
        var csv = "id,name,park,fund,category,investment,request_2022,request_2023,finance_tier,loan_need,benefit\n"
        for project in projects {
            let benefit = project.city == 0 ? project.score / 1.5 : project.score
            csv += "\(project.id),n,\(parkOfCity[project.city]),,air,100,,,\(tiers[project.tier]),\(Self.formatted(project.need)),\(Self.formatted(benefit))\n"
        }
        var bankCSV = "id,name,capacity,max_per_project,min_tier,cities\n"
        for (index, bank) in banks.enumerated() {
            bankCSV += "B\(index),银行\(index),\(Self.formatted(bank.capacity)),\(bank.max.map(Self.formatted) ?? ""),\(bank.minTier == 2 ? "preferred" : ""),\(bank.cities.map { $0.map { cityIDs[$0] }.joined(separator: ";") } ?? "")\n"
        }
        let limits = cityCap.map { "limits:\n  - name: 单市贷款上限\n    sum: loan\n    group_by: city\n    max: \(Self.formatted($0))\n" } ?? ""
        let interest = budget.map { "  interest_subsidy: {bp: 100, years: 1, budget: \($0)}\n" } ?? ""
        let yaml = ScenarioFixture.header(banks: true) + """
            funds:
              - id: f1
                name: 专项资金
                budget: 0
            \(limits)
            objective:
              maximize: benefit
              weights: {benefit: 1}
            loans:
              name: 贷款
              eligible: "project.finance_tier in ['general','preferred']"
              bonuses:
                - name: 园区优先
                  when: "park.status == 'named_provincial'"
                  factor: 1.5
            \(interest)
            """
        return try ScenarioFixture(yaml: yaml, projects: csv, banks: bankCSV)
    }

    /// Whether bank `bank` can take project `project` (city served, max_per_project, min_tier).
    func canTake(bank: Int, project: Int) -> Bool {
        let bank = banks[bank], project = projects[project]
        return (bank.cities?.contains(project.city) ?? true) && project.need <= (bank.max ?? .infinity)
            && project.tier >= bank.minTier
    }

    /// Whether an assignment (project index → bank index) keeps every rule with each bank lending at most
    /// `share` × its capacity.
    func feasible(_ assignment: [Int: Int], share: Double = 1) -> Bool {
        var lent = Array(repeating: 0.0, count: banks.count)
        var perCity = [0.0, 0.0]
        var total = 0.0
        for (project, bank) in assignment {
            guard canTake(bank: bank, project: project) else { return false }
            lent[bank] += projects[project].need
            perCity[projects[project].city] += projects[project].need
            total += projects[project].need
        }
        guard zip(lent, banks).allSatisfy({ $0 <= $1.capacity * share + 1e-9 }) else { return false }
        if let budget, total / 100 > budget + 1e-9 { return false }
        if let cityCap, perCity.contains(where: { $0 > cityCap + 1e-9 }) { return false }
        return true
    }

    /// (Σ loan_score, Σ loan_need) of an assignment.
    func value(_ assignment: [Int: Int]) -> (score: Double, volume: Double) {
        assignment.keys.reduce((0.0, 0.0)) { ($0.0 + projects[$1].score, $0.1 + projects[$1].need) }
    }

    /// The best (Σ loan_score, then volume) over every assignment that keeps the rules at `share` of each
    /// bank's capacity and keeps the `locked` projects with their banks.
    func bruteForce(share: Double = 1, locked: [Int: Int] = [:]) -> (score: Double, volume: Double) {
        let options = projects.indices.map { project in
            locked[project].map { [$0] } ?? ([-1] + banks.indices.filter { canTake(bank: $0, project: project) })
        }
        var best = (score: 0.0, volume: 0.0)
        var assignment: [Int: Int] = [:]
        func visit(_ position: Int) {
            if position == projects.count {
                guard feasible(assignment, share: share) else { return }
                let (score, volume) = value(assignment)
                if score > best.score + 1e-9 || (abs(score - best.score) <= 1e-9 && volume > best.volume + 1e-9) {
                    best = (score, volume)
                }
                return
            }
            for option in options[position] {
                assignment[position] = option >= 0 ? option : nil
                visit(position + 1)
            }
            assignment[position] = nil
        }
        visit(0)
        return best
    }

    static func formatted(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
