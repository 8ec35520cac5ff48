import Foundation

/// A random small loan stage with loan terms (scenario-format §15.5) over 2022–2024: ≤ 6 projects asking subsidy in
/// 2022 or 2023 from a fund without budget (so their loans start in that year), ≤ 3 banks with or without a rate
/// and a term, project terms and grace years, a total 贴息 budget and caps per year. `schedule` computes each loan's
/// 贴息 by the section's formula, and `bruteForce` every assignment, sharing no code with the program.
struct RandomLoanTermsCase {
    struct Project { var id: String; var start: Int; var need: Double; var score: Double; var term: Int?; var grace: Int? }
    struct Bank { var capacity: Double; var rate: Double?; var term: Int? }

    var projects: [Project] = []
    var banks: [Bank] = []
    var basisPoints = 100.0
    var years = 1.0
    var budget: Double?
    var perYear: [Double?] = [nil, nil, nil]

    init(seed: Int) {
        var random = SeededRandom(seed: UInt64(seed) &+ 9_000)
        for index in 0..<random.int(3...6) {
            let term: Int? = random.chance(0.4) ? random.int(1...5) : nil
            let grace: Int? = random.chance(0.4) ? random.int(0...(max(0, (term ?? 3) - 1))) : nil
            projects.append(
                Project(id: "P\(index)", start: random.int(0...1), need: Double(random.int(10...80)),
                    score: Double(random.int(1...40)), term: term, grace: grace))
        }
        for _ in 0..<random.int(1...3) {
            banks.append(
                Bank(capacity: Double(random.int(40...200)), rate: random.chance(0.7) ? random.double(2.0...5.0) : nil,
                    term: random.chance(0.7) ? random.int(2...6) : nil))
        }
        basisPoints = Double(random.int(1...5) * 100)
        years = [1, 2, 2.5, 3, 4][random.int(0...4)]
        let scale = projects.reduce(0.0) { $0 + $1.need } * basisPoints / 10_000
        if random.chance(0.5) { budget = (scale * random.double(0.5...2.5) * 100).rounded() / 100 }
        perYear = (0..<3).map { _ in random.chance(0.5) ? (scale * random.double(0.2...0.9) * 100).rounded() / 100 : nil }
    }

    func fixture() throws -> ScenarioFixture {
        var csv = "id,name,park,fund,category,investment,request_2022,request_2023,finance_tier,loan_need,term_years,grace_years,benefit\n"
        for project in projects {
            let request = project.start == 0 ? "10," : ",10"
            csv += "\(project.id),n,K1,f1,air,100,\(request),general,\(Int(project.need)),"
                + "\(project.term.map(String.init) ?? ""),\(project.grace.map(String.init) ?? ""),\(Int(project.score))\n"
        }
        var bankCSV = "id,name,capacity,max_per_project,min_tier,cities,rate,term_years\n"
        for (index, bank) in banks.enumerated() {
            bankCSV += "B\(index),银行\(index),\(Int(bank.capacity)),,,,\(bank.rate.map { "\($0)" } ?? ""),\(bank.term.map(String.init) ?? "")\n"
        }
        var subsidy = "{bp: \(Int(basisPoints)), years: \(years)"
        if let budget { subsidy += ", budget: \(budget)" }
        let caps = zip([2022, 2023, 2024], perYear).compactMap { year, cap in cap.map { "\(year): \($0)" } }
        subsidy += ", budget_per_year: {\(caps.joined(separator: ", "))}}"
        let yaml = ScenarioFixture.header(years: "[2022, 2023, 2024]", banks: true) + """
            funds:
              - {id: f1, name: 专项资金, budget: 0}
            objective:
              maximize: benefit
              weights: {benefit: 1}
            loans:
              name: 贷款
              interest_subsidy: \(subsidy)
              carbon_facility: "project.benefit >= 20"

            """
        return try ScenarioFixture(yaml: yaml, projects: csv, banks: bankCSV)
    }

    /// 贴息 of project p's loan from bank b in 2022, 2023, 2024 and after: the balance (equal repayments after the
    /// grace years, all at the end without a term) × min(bp, rate) × the covered part of each loan year.
    func schedule(project p: Int, bank b: Int) -> [Double] {
        let project = projects[p], bank = banks[b]
        let term = project.term ?? bank.term
        let grace = project.grace ?? 0
        var rate = basisPoints / 10_000
        if let bankRate = bank.rate { rate = min(rate, bankRate / 100) }
        var costs = [0.0, 0.0, 0.0, 0.0]
        var year = 0
        while Double(year) < years {
            var balance = project.need
            if let term, grace < term, year >= grace { balance = project.need * Double(max(0, term - year)) / Double(term - grace) }
            costs[min(3, project.start + year)] += balance * rate * min(1, years - Double(year))
            year += 1
        }
        return costs
    }

    /// The best (Σ loan_score, then volume) over every assignment keeping capacities and the 贴息 caps.
    func bruteForce() -> (score: Double, volume: Double) {
        var best = (score: 0.0, volume: 0.0)
        var assignment = Array(repeating: -1, count: projects.count)
        func visit(_ position: Int) {
            guard position == projects.count else {
                for option in -1..<banks.count {
                    assignment[position] = option
                    visit(position + 1)
                }
                return
            }
            var lent = Array(repeating: 0.0, count: banks.count)
            var costs = [0.0, 0.0, 0.0, 0.0]
            var score = 0.0, volume = 0.0
            for (project, bank) in assignment.enumerated() where bank >= 0 {
                lent[bank] += projects[project].need
                for (index, cost) in schedule(project: project, bank: bank).enumerated() { costs[index] += cost }
                score += projects[project].score
                volume += projects[project].need
            }
            guard zip(lent, banks).allSatisfy({ $0 <= $1.capacity + 1e-9 }) else { return }
            if let budget, costs.reduce(0, +) > budget + 1e-9 { return }
            for (index, cap) in perYear.enumerated() { if let cap, costs[index] > cap + 1e-9 { return } }
            if score > best.score + 1e-9 || (abs(score - best.score) <= 1e-9 && volume > best.volume + 1e-9) {
                best = (score, volume)
            }
        }
        visit(0)
        return best
    }
}
