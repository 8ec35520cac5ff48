import Foundation
import GreenAllocCore
import GreenAllocReports
import GreenAllocWhatIf
import Testing

/// Rank stability in `compare`, on hand-built allocations (no solver).
@Suite struct RankStabilityTests {
    /// Projects with (id, score, funded) and bank lists (bank id → assigned ids, rank 1 first).
    static func allocation(_ projects: [(String, Double, Bool)], banks: [(String, [String])]) -> Allocation {
        let outcomes = projects.map { id, score, funded in
            ProjectOutcome(
                id: id, name: "项目" + id, park: "K1", city: "370100", fund: "f1", category: "air", investment: 100,
                request: [10], funded: funded, share: funded ? 1 : 0, subsidy: [funded ? 10 : 0], score: score, excludedBy: [],
                why: funded ? .funded : .notChosen, reasons: [])
        }
        let lists = banks.map { BankList(id: $0.0, name: "银行" + $0.0, capacity: 100, lent: 0, assigned: $0.1, waitlist: []) }
        let details = LoanDetails(name: "贷款", candidates: [], banks: lists, unplaceable: [], interestBudget: nil, interestUsed: 0, volume: 0)
        return Allocation(
            scenario: "s", inputsSHA256: "", status: .optimal, objective: 1, bestBound: 1, gap: 0, solverName: "GLPK",
            solverVersion: "", objectiveSense: .maximizeBenefit, years: [2022], cities: [CityInfo(id: "370100", name: "济南")],
            funds: [], projects: outcomes, parks: [], limits: [], targets: [], findings: [], diagnosis: nil,
            loanStage: LoanOutcome(status: .optimal, details: details), ecoParksBefore: 0, parksCounted: 0)
    }

    @Test func listCountsByHand() {
        // A B C D against B A C E: C keeps its place, A and B swap, E enters, D leaves.
        let entry = ListStability(bank: "B1", name: "x", first: ["A", "B", "C", "D"], here: ["B", "A", "C", "E"])
        #expect((entry.kept, entry.moved, entry.entered, entry.left) == (1, 2, 1, 1))
        let same = ListStability(bank: nil, name: "", first: ["A", "B"], here: ["A", "B"])
        #expect((same.kept, same.moved, same.entered, same.left) == (2, 0, 0, 0))
        let empty = ListStability(bank: nil, name: "", first: [], here: ["A"])
        #expect((empty.kept, empty.moved, empty.entered, empty.left) == (0, 0, 1, 0))
    }

    @Test func comparisonOfThreeScenarios() throws {
        let first = Self.allocation(
            [("P1", 50, true), ("P2", 40, true), ("P3", 30, true), ("P4", 20, false)],
            banks: [("B1", ["P1", "P2"]), ("B2", ["P3"])])
        // P3 now outscores P2 (a place swap), P4 enters the funded set; B1's list loses P2, B2 gains P4, B3 is new.
        let second = Self.allocation(
            [("P1", 50, true), ("P2", 30, true), ("P3", 40, true), ("P4", 20, true)],
            banks: [("B1", ["P1"]), ("B2", ["P3", "P4"]), ("B3", ["P2"])])
        // P1 is dropped; the rest move up.
        let third = Self.allocation(
            [("P1", 50, false), ("P2", 40, true), ("P3", 30, true), ("P4", 20, false)], banks: [("B1", ["P2"])])
        let comparison = Comparison([("a", "a.yaml", first), ("b", "b.yaml", second), ("c", "c.yaml", third)])
        #expect(comparison.fundedEverywhere == ["P2", "P3"])
        let b = try #require(comparison.stability.first)
        // Funded by score: first P1 P2 P3; second P1 P3 P2 P4.
        #expect((b.funded.kept, b.funded.moved, b.funded.entered, b.funded.left) == (1, 2, 1, 0))
        #expect(b.banks.map(\.bank) == ["B1", "B2", "B3"])
        let counts = b.banks.map { [$0.kept, $0.moved, $0.entered, $0.left] }
        #expect(counts == [[1, 0, 0, 1], [1, 0, 1, 0], [0, 0, 1, 0]])
        let c = comparison.stability[1]
        // Funded: first P1 P2 P3; third P2 P3: both moved up, P1 left.
        #expect((c.funded.kept, c.funded.moved, c.funded.entered, c.funded.left) == (0, 2, 0, 1))
        #expect(c.banks.map { [$0.kept, $0.moved, $0.entered, $0.left] } == [[0, 1, 0, 1], [0, 0, 0, 1]])
        let english = WhatIfCompareOutput.markdown(comparison, language: .en)
        #expect(english.contains("## Rank stability"))
        #expect(english.contains("Funded in every scenario (2): 项目P2 (P2), 项目P3 (P3)"))
        #expect(WhatIfCompareOutput.markdown(comparison, language: .zh).contains("各情景均获补的项目（2 个）"))
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(WhatIfCompareOutput.json(comparison).utf8)) as? [String: Any])
        #expect(json["funded_everywhere"] as? [String] == ["P2", "P3"])
        let stability = try #require(json["rank_stability"] as? [[String: Any]])
        #expect((stability.first?["funded"] as? [String: Any])?["moved"] as? Int == 2)
    }
}
