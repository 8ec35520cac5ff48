import Foundation
import Testing

/// The two-year review (scenario-format §15.3) on a hand-checked scenario: K1 (named, score 50) and K2 (under
/// construction, score 40, its package P2) fail a pass mark of 60; K4 (named, 90) passes.
@Suite struct PolicyReviewTests {
    static let parks = """
        id,name,city,status,barred_until,naming_year,review_score
        K1,甲园区,370100,named_provincial,,,50
        K2,乙园区,370200,under_construction,,,40
        K3,丙园区,370200,revoked,,,
        K4,丁园区,370100,named_national,,,90

        """
    static let projects = """
        id,name,park,fund,category,investment,request_2022,request_2023,naming_prerequisite,benefit
        P1,甲,K1,f1,air,500,10,,false,10
        P2,乙,K2,f1,air,500,10,,true,5

        """

    static func yaml(review: String) -> String {
        ScenarioFixture.header() + """
            funds:
              - {id: f1, name: 专项资金, budget: {2022: 100, 2023: 100}}
            exclude:
              - {name: 整改, when: "park.status == 'rectifying'", reason: 整改}
            objective:
              maximize: benefit
              weights: {benefit: 1}
              naming_value: 100
              bonuses:
                - {name: 园区, when: "park.status == 'named_provincial'", factor: 2}

            """ + review
    }

    /// No review: P1 at 2 × 10, P2 5, K2 named 100. Revoke: P1 loses its bonus (10), K2 is barred (P2 5 alone).
    /// Rectify: both parks rectifying, the rule excludes P1 and P2.
    @Test(arguments: [("", 125.0), ("revoke", 15), ("rectify", 0)])
    func reviewHandChecked(treatment: String, objective: Double) throws {
        let review = treatment.isEmpty ? "" : "review: {column: review_score, below: 60, treatment: \(treatment)}\n"
        let fixture = try ScenarioFixture(yaml: Self.yaml(review: review), projects: Self.projects, parks: Self.parks)
        let result = try fixture.solve()
        #expect(result.code == 0, "\(result.error)")
        #expect(abs(result.json.objective - objective) < 1e-6)
        let reviewed = (result.json["review"] as? [String: Any])?["parks"] as? [[String: Any]]
        if treatment.isEmpty {
            #expect(reviewed == nil)
        } else {
            #expect(reviewed?.map { $0["id"] as? String ?? "" } == ["K1", "K2"])
            let after = treatment == "revoke" ? "none" : "rectifying"
            #expect(reviewed?.map { $0["status_after"] as? String ?? "" } == [after, after])
            #expect(reviewed?.last?["barred_until"] as? String == (treatment == "revoke" ? "2025-03-31" : nil))
        }
    }

    @Test func aListedParkFailsAndAnUnknownOneIsAnError() throws {
        let listed = try ScenarioFixture(
            yaml: Self.yaml(review: "review: {parks: [K4], treatment: revoke}\n"), projects: Self.projects, parks: Self.parks)
        let result = try listed.solve()
        #expect((result.json["review"] as? [String: Any])?["parks"].map { ($0 as? [[String: Any]])?.count } == 1)
        let unknown = try ScenarioFixture(
            yaml: Self.yaml(review: "review: {parks: [K9], treatment: revoke}\n"), projects: Self.projects, parks: Self.parks)
        let failed = unknown.run(["solve", unknown.scenarioPath, "--format", "json"])
        #expect(failed.code == 65)
        #expect(failed.error.contains(/scenario\.yaml:\d+:\d+: error: review\.parks: unknown park 'K9'/), "\(failed.error)")
    }
}
