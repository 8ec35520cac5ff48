import Foundation
import GreenAllocCLI
import Testing

/// Every bundled Shandong scenario solves; key totals hold (budgets, targets, naming awards).
@Suite struct BundledScenarioTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test(arguments: ["baseline-2022", "tight-budget", "generous-budget", "target-2025", "deferral-2022", "loan-terms-2022"])
    func solves(name: String) throws {
        let path = Self.root.appendingPathComponent("Scenarios/shandong/\(name).yaml").path
        let capture = Console.Capture()
        let code = CommandLineRunner.run(["solve", path, "--format", "json"], console: capture.console)
        #expect(code == 0, "\(capture.error)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(capture.out.utf8)) as? [String: Any])
        #expect(json.status == "optimal")
        // Subsidy per year never exceeds the special fund's budget; awards = 300 per named park.
        let projects = json.projects
        var perYear: [String: Double] = [:]
        for project in projects {
            for (year, amount) in project["subsidy"] as? [String: Double] ?? [:] { perYear[year, default: 0] += amount }
        }
        let budgets: [String: Double] =
            switch name {
            case "tight-budget": ["2022": 48000, "2023": 48000, "2024": 27000]
            case "generous-budget": ["2022": 128000, "2023": 128000, "2024": 72000]
            case "target-2025": ["2022": 80000, "2023": 80000, "2024": 45000, "2025": 15000]
            default: ["2022": 80000, "2023": 80000, "2024": 45000]
            }
        for (year, amount) in perYear {
            #expect(amount <= (budgets[year] ?? 0) + 1e-3, "\(name) \(year): \(amount)")
        }
        let parks = json["parks"] as? [[String: Any]] ?? []
        #expect(parks.allSatisfy { $0["award"] as? Double == 300 })
        let targets = json["targets"] as? [[String: Any]] ?? []
        let enforced = targets.filter { $0["report_only"] == nil }
        #expect(enforced.allSatisfy { $0["met"] as? Bool == true }, "\(targets)")
        if name == "baseline-2022" {
            // The 2025 share, for reference: 26 parks named before + 29 in the plan = 55 of 142; 300万 left in 2023
            // and 3,000万 in 2025 pay 11 more awards of 300万, so at most 66 (46.5%), short of 50%.
            let reference = try #require(targets.first { $0["report_only"] as? Bool == true })
            #expect(abs((reference["value"] as? Double ?? 0) - 55.0 / 142) < 1e-12)
            let reach = try #require(reference["reachable"] as? [String: Any])
            #expect(reach["parks"] as? Int == 66 && reach["additional_parks"] as? Int == 11)
            #expect(reach["naming_money"] as? Double == 3300 && reach["met"] as? Bool == false)
        }
        let funded = projects.filter { $0["funded"] as? Bool == true }
        #expect(funded.count > 100)
        // No excluded or ineligible project is funded.
        #expect(funded.allSatisfy { $0["why"] as? String == "funded" })
        if name == "deferral-2022" { Self.checkDeferral(json) }
        if name == "loan-terms-2022" { Self.checkLoanTerms(json) }
        if name == "target-2025" {
            let share = targets.first { $0["metric"] as? String == "eco_park_share" }?["value"] as? Double ?? 0
            #expect(share >= 0.5)
        }
    }
}

/// The bundled scenarios of the policy instruments (scenario-format §15) solve, and each instrument's figures hold.
@Suite struct BundledPolicyScenarioTests {
    @Test(arguments: ["factors-2022", "carry-over-2022", "review-2022", "review-rectify-2022"])
    func solves(name: String) throws {
        let path = BundledScenarioTests.root.appendingPathComponent("Scenarios/shandong/\(name).yaml").path
        let capture = Console.Capture()
        let code = CommandLineRunner.run(["solve", path, "--format", "json"], console: capture.console)
        #expect(code == 0, "\(capture.error)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(capture.out.utf8)) as? [String: Any])
        #expect(json.status == "optimal")
        switch name {
        case "factors-2022":
            // One envelope per city over the horizon; every city within ±40% of it; the envelopes cost ≥ 0.
            let envelopes = json["envelopes"] as? [[String: Any]] ?? []
            #expect(envelopes.count == 16)
            let total = envelopes.reduce(0.0) { $0 + ($1["envelope"] as? Double ?? 0) }
            #expect(abs(total - 205000) < 1e-2)
            for row in envelopes {
                let envelope = row["envelope"] as? Double ?? 0
                let deviation = row["deviation"] as? Double ?? .nan
                #expect(abs(deviation) <= 0.4 * envelope + 1e-3, "\(row)")
            }
            let cost = (json["envelope_cost"] as? [String: Any])?["cost"] as? Double ?? -1
            #expect(cost >= -1e-6)
        case "carry-over-2022":
            let fund = try #require((json["carry"] as? [[String: Any]])?.first { $0["fund"] as? String == "prov-special" })
            let years = fund["years"] as? [[String: Any]] ?? []
            #expect(years.first?["opening"] as? Double == 6000)
            for year in years {
                let spent = year["spent"] as? Double ?? .nan
                #expect(spent <= (year["available"] as? Double ?? 0) + 1e-3, "\(year)")
            }
        default:
            // Parks scoring below 66: one provincial eco park and nine parks under construction fail.
            let parks = (json["review"] as? [String: Any])?["parks"] as? [[String: Any]] ?? []
            #expect(parks.count == 10)
            #expect(parks.filter { $0["status_before"] as? String == "named_provincial" }.count == 1)
        }
    }
}
