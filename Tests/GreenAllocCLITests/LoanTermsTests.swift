import Foundation
import Testing

/// Loan terms (scenario-format §15.5): the section's worked example by hand, a per-year cap that waitlists a
/// loan, input errors, and random small loan stages against brute force over every assignment.
@Suite struct LoanTermsTests {
    static let projects = """
        id,name,park,fund,category,investment,request_2022,request_2023,finance_tier,loan_need,grace_years,co2_t,benefit
        P1,甲,K1,,carbon,5000,,,general,1000,1,1200,30
        P2,乙,K1,,air,5000,,,general,1000,,50,20

        """

    static func yaml(bp: Int, perYear: String = "") -> String {
        ScenarioFixture.header(years: "[2022, 2023, 2024]", banks: true) + """
            funds:
              - {id: f1, name: 专项资金, budget: 0}
            objective:
              maximize: benefit
              weights: {benefit: 1}
            loans:
              interest_subsidy: {bp: \(bp), years: 3\(perYear)}
              carbon_facility: "project.co2_t >= 1000 or project.category == 'carbon'"

            """
    }

    static let banks = "id,name,capacity,max_per_project,min_tier,cities,rate,term_years\nB1,甲银行,5000,,,,3.45,3\n"

    /// By hand: 1,000万 at 3.45%, term 3, grace 1, bp 100 over 3 years from 2022: balances 1,000 / 1,000 / 500, 贴息
    /// 10 / 10 / 5 = 25; at bp 400 the rate caps it: 34.5 / 34.5 / 17.25. P2 (no grace): 1,000 / 666.67 / 333.33.
    @Test func workedExample() throws {
        for (bp, expected) in [(100, [10.0, 10, 5]), (400, [34.5, 34.5, 17.25])] {
            let fixture = try ScenarioFixture(yaml: Self.yaml(bp: bp), projects: Self.projects, banks: Self.banks)
            let result = try fixture.solve()
            #expect(result.code == 0, "\(result.error)")
            let loans = result.json["loans"] as? [[String: Any]] ?? []
            let first = try #require(loans.first { $0["project"] as? String == "P1" })
            let perYear = first["interest_subsidy"] as? [String: Double] ?? [:]
            #expect([perYear["2022"], perYear["2023"], perYear["2024"]] == expected.map { Optional($0) }, "bp \(bp): \(perYear)")
            #expect(first["carbon_facility"] as? Bool == true && first["term_years"] as? Int == 3)
            let second = try #require(loans.first { $0["project"] as? String == "P2" })
            #expect(abs((second["interest_subsidy_total"] as? Double ?? 0) - 2000 * min(Double(bp) / 10_000, 0.0345)) < 1e-4)
            #expect(second["carbon_facility"] as? Bool == false)
        }
    }

    /// A cap of 15万 in 2022 holds one loan's 10万, not two: P2 (score 20) waits, 贴息 exhausted, in both lists.
    @Test func yearlyCapWaitlistsALoan() throws {
        let fixture = try ScenarioFixture(
            yaml: Self.yaml(bp: 100, perYear: ", budget_per_year: {2022: 15}"), projects: Self.projects, banks: Self.banks)
        let out = fixture.path("out")
        let result = fixture.run(["solve", fixture.scenarioPath, "--out", out, "--no-history"])
        #expect(result.code == 0, "\(result.error)")
        let csv = try String(contentsOfFile: out + "/bank-B1.csv", encoding: .utf8)
        let lines = csv.split(separator: "\n").map(String.init)
        #expect(lines[0].contains("subsidy_total,rate,term_years,grace_years,interest_subsidy_2022,interest_subsidy_2023,interest_subsidy_2024,interest_subsidy_later,interest_subsidy_total,co2_t,carbon_facility,reason_code"))
        #expect(lines[1].hasPrefix("1,assigned,P1,") && lines[1].contains(",3.45,3,1,10,10,5,0,25,1200,是,"))
        #expect(lines[2].hasPrefix(",waitlist,P2,") && lines[2].contains("interest_subsidy_exhausted"))
        let report = try String(contentsOfFile: out + "/report.en.md", encoding: .utf8)
        #expect(report.contains("## Loan terms and interest subsidy") && report.contains("| 2022 | 10.00 | 15.00 | 5.00 |"))
    }

    @Test func badCellsAreInputErrors() throws {
        let banks = Self.banks.replacingOccurrences(of: "3.45,3", with: "3.45,0")
        let projects = Self.projects.replacingOccurrences(of: "general,1000,1,1200", with: "general,1000,x,1200")
        let fixture = try ScenarioFixture(yaml: Self.yaml(bp: 100), projects: projects, banks: banks)
        let result = fixture.run(["solve", fixture.scenarioPath, "--out", fixture.path("out")])
        #expect(result.code == 65)
        #expect(result.error.contains(fixture.path("banks.csv") + ":2:8: error: term_years 0 must be a whole number from 1 to 100"), "\(result.error)")
        #expect(result.error.contains(fixture.path("projects.csv") + ":2:11: error: grace_years 'x' is not a number"), "\(result.error)")
        #expect(!FileManager.default.fileExists(atPath: fixture.path("out")))
    }

    @Test(arguments: 0..<30) func matchesBruteForce(seed: Int) throws {
        let random = RandomLoanTermsCase(seed: seed)
        let fixture = try random.fixture()
        let result = try fixture.solve()
        #expect(result.code == 0, "seed \(seed): \(result.error)")
        let stage = result.json["loan_stage"] as? [String: Any]
        #expect(stage?["status"] as? String == "optimal")
        let best = random.bruteForce()
        let objective = stage?["objective"] as? Double ?? .nan
        #expect(abs(objective - best.score) <= 1e-6 * max(1, best.score), "seed \(seed): \(objective) vs \(best.score)")
        // Each loan's 贴息 per year is the formula's.
        for loan in result.json["loans"] as? [[String: Any]] ?? [] {
            let project = Int((loan["project"] as? String ?? "P0").dropFirst()) ?? 0
            let bank = Int((loan["bank"] as? String ?? "B0").dropFirst()) ?? 0
            let expected = random.schedule(project: project, bank: bank)
            let perYear = loan["interest_subsidy"] as? [String: Double] ?? [:]
            for (index, year) in ["2022", "2023", "2024"].enumerated() {
                #expect(abs((perYear[year] ?? -1) - expected[index]) <= 1e-4, "seed \(seed) \(project) \(year)")
            }
            #expect(abs((loan["interest_subsidy_later"] as? Double ?? -1) - expected[3]) <= 1e-4, "seed \(seed)")
        }
    }
}
