import Foundation
import Testing

/// Random small loan stages (≤ 8 loan-eligible projects, ≤ 3 banks) against brute force over SPEC §5:
/// every assignment enumerated, best Σ loan_score first, then the most volume.
@Suite struct LoanBruteForceTests {
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
    }

    struct Project { var id: String; var city: Int; var tier: Int; var need: Double; var score: Double }
    struct Bank { var capacity: Double; var max: Double?; var minTier: Int; var cities: Set<Int>? }

    @Test(arguments: 1...24) func matchesBruteForce(seed: Int) throws {
        var random = Random(state: UInt64(seed) &* 7919)
        let cityIDs = ["370100", "370200"]
        let parkOfCity = ["K1", "K2"]  // K1 named_provincial (bonus ×1.5), K2 under construction
        var projects: [Project] = []
        for index in 0..<random.int(3...8) {
            let city = random.int(0...1)
            let benefit = Double(random.int(1...40))
            projects.append(
                Project(id: "P\(index)", city: city, tier: random.int(1...2), need: Double(random.int(5...60)),
                    score: city == 0 ? benefit * 1.5 : benefit))
        }
        var banks: [Bank] = []
        for _ in 0..<random.int(1...3) {
            banks.append(
                Bank(capacity: Double(random.int(20...120)), max: random.int(0...2) == 0 ? Double(random.int(20...60)) : nil,
                    minTier: random.int(0...3) == 0 ? 2 : 0, cities: random.int(0...3) == 0 ? [random.int(0...1)] : nil))
        }
        let budget = random.int(0...1) == 0 ? Double(random.int(40...200)) / 100 : nil  // bp 100, 1 year: cost = need/100
        let cityCap = random.int(0...2) == 0 ? Double(random.int(30...120)) : nil
        let benefits = projects.map { $0.city == 0 ? $0.score / 1.5 : $0.score }

        let tiers = ["none", "general", "preferred"]
        var csv = "id,name,park,fund,category,investment,request_2022,request_2023,finance_tier,loan_need,benefit\n"
        for (project, benefit) in zip(projects, benefits) {
            csv += "\(project.id),n,\(parkOfCity[project.city]),,air,100,,,\(tiers[project.tier]),\(formatted(project.need)),\(formatted(benefit))\n"
        }
        var bankCSV = "id,name,capacity,max_per_project,min_tier,cities\n"
        for (index, bank) in banks.enumerated() {
            bankCSV += "B\(index),银行\(index),\(formatted(bank.capacity)),\(bank.max.map(formatted) ?? ""),\(bank.minTier == 2 ? "preferred" : ""),\(bank.cities.map { $0.map { cityIDs[$0] }.joined(separator: ";") } ?? "")\n"
        }
        let limits = cityCap.map { "limits:\n  - name: 单市贷款上限\n    sum: loan\n    group_by: city\n    max: \(formatted($0))\n" } ?? ""
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
        let fixture = try ScenarioFixture(yaml: yaml, projects: csv, banks: bankCSV)
        let result = try fixture.solve()
        #expect(result.code == 0, "\(result.error)")
        let stage = result.json["loan_stage"] as? [String: Any]
        let loans = result.json["loans"] as? [[String: Any]] ?? []
        let volume = loans.reduce(0.0) { $0 + ($1["amount"] as? Double ?? 0) }

        // Brute force.
        let options = projects.map { project in
            [-1] + banks.indices.filter { index in
                let bank = banks[index]
                return (bank.cities?.contains(project.city) ?? true) && project.need <= (bank.max ?? .infinity)
                    && project.tier >= bank.minTier
            }
        }
        var best = (score: 0.0, volume: 0.0)
        var choice = Array(repeating: 0, count: projects.count)
        func visit(_ position: Int) {
            if position == projects.count {
                var lent = Array(repeating: 0.0, count: banks.count)
                var perCity = [0.0, 0.0]
                var score = 0.0, total = 0.0
                for (index, option) in choice.enumerated() where options[index][option] >= 0 {
                    lent[options[index][option]] += projects[index].need
                    perCity[projects[index].city] += projects[index].need
                    score += projects[index].score
                    total += projects[index].need
                }
                guard zip(lent, banks).allSatisfy({ $0 <= $1.capacity + 1e-9 }) else { return }
                if let budget, total / 100 > budget + 1e-9 { return }
                if let cityCap, perCity.contains(where: { $0 > cityCap + 1e-9 }) { return }
                if score > best.score + 1e-9 || (abs(score - best.score) <= 1e-9 && total > best.volume + 1e-9) {
                    best = (score, total)
                }
                return
            }
            for option in options[position].indices {
                choice[position] = option
                visit(position + 1)
            }
        }
        visit(0)
        #expect(stage?["status"] as? String == "optimal")
        let objective = stage?["objective"] as? Double ?? .nan
        #expect(abs(objective - best.score) <= 1e-6 * max(1, best.score), "seed \(seed): \(objective) vs \(best.score)")
        #expect(abs(volume - best.volume) <= 1e-6 * max(1, best.volume), "seed \(seed): volume \(volume) vs \(best.volume)")
    }

    func formatted(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
