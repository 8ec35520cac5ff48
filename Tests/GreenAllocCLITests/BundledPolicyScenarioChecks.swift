import Foundation
import Testing

/// What the bundled policy-instrument scenarios must show (scenario-format §15.4, §15.5).
extension BundledScenarioTests {
    /// deferral-2022: some projects start a year late, each paid its request one year later, and every park is
    /// named in the last year one of its prerequisites draws money.
    static func checkDeferral(_ json: [String: Any]) {
        let projects = json.projects
        let deferred = projects.filter { ($0["deferred_years"] as? Int ?? 0) > 0 }
        #expect(!deferred.isEmpty)
        for project in deferred {
            let start = project["start_year"] as? Int ?? 0
            let subsidy = project["subsidy"] as? [String: Double] ?? [:]
            #expect((subsidy[String(start - 1)] ?? 0) == 0 && (subsidy[String(start)] ?? 0) > 0, "\(project["id"] ?? "")")
        }
        #expect(projects.allSatisfy { $0["funded"] as? Bool == true || $0["start_year"] is NSNull })
    }

    /// loan-terms-2022: the 贴息 of the loans keeps 7,000万 a year and 22,000万 in all.
    static func checkLoanTerms(_ json: [String: Any]) {
        let loans = json["loans"] as? [[String: Any]] ?? []
        #expect(!loans.isEmpty)
        var perYear: [String: Double] = [:]
        var total = 0.0
        for loan in loans {
            for (year, amount) in loan["interest_subsidy"] as? [String: Double] ?? [:] { perYear[year, default: 0] += amount }
            total += loan["interest_subsidy_total"] as? Double ?? 0
            #expect(loan["carbon_facility"] is Bool)
        }
        #expect(perYear.count == 3 && perYear.values.allSatisfy { $0 <= 7000 + 1e-3 }, "\(perYear)")
        #expect(total <= 22000 + 1e-3)
    }
}
