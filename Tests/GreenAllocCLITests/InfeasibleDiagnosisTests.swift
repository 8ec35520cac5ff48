import Foundation
import Testing

/// Infeasible scenarios whose minimal conflict and cheapest relaxation are known by hand.
@Suite struct InfeasibleDiagnosisTests {
    static let header = SolveFeatureTests.projectsHeader

    func diagnosis(_ fixture: ScenarioFixture) throws -> [String: Any] {
        let result = try fixture.solve()
        #expect(result.code == 3)
        #expect(result.json.status == "infeasible")
        return result.json["diagnosis"] as? [String: Any] ?? [:]
    }

    @Test func lockInAgainstACityCap() throws {
        // P17 is locked in and needs 420 in 2023; the city cap allows 300 a year. Relaxing the cap by 120
        // (120/420 of its size) is cheaper than releasing the lock (one project).
        let yaml = SolveFeatureTests.scenario(
            funds: """
                  - id: f1
                    name: 专项资金
                    budget: 5000
                """,
            rest: """
                limits:
                  - name: 单市年度上限
                    sum: subsidy
                    group_by: city
                    per_year: true
                    max: 300
                """)
        let fixture = try ScenarioFixture(
            yaml: yaml,
            projects: Self.header + """
                P17,locked,K1,f1,air,5000,,420,,in,,,,yes,10
                P2,other,K2,f1,air,1000,100,,,,,,,yes,50

                """)
        let diagnosis = try diagnosis(fixture)
        #expect(diagnosis["minimal"] as? Bool == true)
        let conflict = ruleObjects(diagnosis["conflict"])
        #expect(conflict.count == 2)
        #expect(conflict.contains(["kind": "lock", "project": "P17"]))
        #expect(conflict.contains(["kind": "limit", "rule": "单市年度上限", "group": "370100", "year": "2023"]))
        let relax = diagnosis["relax"] as? [[String: AnyHashable]] ?? []
        #expect(relax.count == 1)
        #expect(relax.first?["kind"] as? String == "limit")
        #expect(relax.first?["group"] as? String == "370100")
        #expect(abs((relax.first?["by"] as? Double ?? 0) - 120) < 1e-6)
        let sentences = diagnosis["explanation"] as? [String] ?? []
        #expect(sentences.first?.contains("the lock-in of P17 needs 420万 in 2023") == true)
        #expect(sentences.contains { $0.contains("relax") && $0.contains("by 120万") })
    }

    @Test func hardTargetAgainstABudget() throws {
        // Benefit ≥ 150 but 100 of budget buys at most 100 of benefit ({P2, P3}). Cheapest: lower the target
        // by 50 (50/150) rather than add 60 to the budget (60/100) for all three projects.
        let yaml = SolveFeatureTests.scenario(
            funds: SolveFeatureTests.fund100,
            rest: """
                targets:
                  - name: 减排硬目标
                    metric: benefit
                    min: 150
                """)
        let fixture = try ScenarioFixture(
            yaml: yaml,
            projects: Self.header + """
                P1,a,K1,f1,air,1000,60,,,,,,,yes,60
                P2,b,K1,f1,air,1000,50,,,,,,,yes,50
                P3,c,K2,f1,air,1000,50,,,,,,,yes,50

                """)
        let diagnosis = try diagnosis(fixture)
        #expect(diagnosis["minimal"] as? Bool == true)
        let conflict = ruleObjects(diagnosis["conflict"])
        #expect(Set(conflict) == [["kind": "budget", "fund": "f1", "year": "2022"], ["kind": "target", "rule": "减排硬目标"]])
        let relax = diagnosis["relax"] as? [[String: AnyHashable]] ?? []
        #expect(relax.count == 1)
        #expect(relax.first?["kind"] as? String == "target")
        #expect(abs((relax.first?["by"] as? Double ?? 0) - 50) < 1e-6)
    }

    // MARK: Regressions: conflicts that named the wrong rules

    static let revokedExcluded = """
        exclude:
          - name: 撤销园区
            when: "park.status == 'revoked'"
            reason: 园区称号已撤销
        """

    /// `max_share` 0.5 per city with every project of the fund in 370100 allows nothing there; alone that holds
    /// (nothing funded), so the conflict must name what needs money there: a lock-in, or a hard target.
    @Test func aShareCapThatZeroesACityIsNoConflictWithoutTheRuleThatNeedsMoneyThere() throws {
        let cap = """
            limits:
              - name: 单市占比
                sum: subsidy
                fund: f1
                group_by: city
                max_share: 0.5
            """
        let capRule: [String: String] = ["kind": "limit", "rule": "单市占比", "group": "370100"]
        let locked = try ScenarioFixture(
            yaml: SolveFeatureTests.scenario(funds: SolveFeatureTests.fund100, rest: cap),
            projects: Self.header + """
                P1,a,K1,f1,air,1000,40,,,in,,,,yes,60
                P2,b,K1,f1,air,1000,20,,,,,,,yes,50

                """)
        let lockDiagnosis = try diagnosis(locked)
        #expect(Set(ruleObjects(lockDiagnosis["conflict"])) == [capRule, ["kind": "lock", "project": "P1"]])
        #expect(lockDiagnosis["minimal"] as? Bool == true)

        let targeted = try ScenarioFixture(
            yaml: SolveFeatureTests.scenario(
                funds: SolveFeatureTests.fund100, rest: cap + "\ntargets:\n  - {name: 减排, metric: benefit, min: 30}"),
            projects: Self.header + """
                P1,a,K1,f1,air,1000,40,,,,,,,yes,60
                P2,b,K1,f1,air,1000,20,,,,,,,yes,50

                """)
        let targetDiagnosis = try diagnosis(targeted)
        #expect(Set(ruleObjects(targetDiagnosis["conflict"])) == [capRule, ["kind": "target", "rule": "减排"]])
        #expect(targetDiagnosis["minimal"] as? Bool == true)
    }

    /// Two presolve findings, each infeasible alone (a lock-in of an excluded project; a floor of 5 projects
    /// with 2 fundable): the conflict is the first one, proved minimal, not both marked `minimal: false`.
    @Test func twoPresolveFindingsGiveTheConflictOfOneOfThemProvedMinimal() throws {
        let fixture = try ScenarioFixture(
            yaml: SolveFeatureTests.scenario(
                funds: SolveFeatureTests.fund100, rest: Self.revokedExcluded + "\nlimits:\n  - {name: 至少五个, sum: count, min: 5}"),
            projects: Self.header + """
                P1,a,K1,f1,air,1000,40,,,,,,,yes,60
                P2,b,K1,f1,air,1000,20,,,,,,,yes,50
                P3,c,K3,f1,air,1000,20,,,in,,,,yes,50

                """)
        let diagnosis = try diagnosis(fixture)
        #expect(ruleObjects(diagnosis["conflict"]) == [["kind": "lock", "project": "P3"]])
        #expect(diagnosis["minimal"] as? Bool == true)
        let sentences = diagnosis["explanation"] as? [String] ?? []
        #expect(sentences.first == "project P3 is locked in (lock: in) but cannot be funded: excluded")
        // The whole scenario needs both: the lock released and the floor lowered to 2.
        let relax = (diagnosis["relax"] as? [[String: Any]] ?? []).map { ($0["kind"] as? String ?? "", $0["by"] as? Double ?? 0, $0["alone"] as? Bool) }
        #expect(relax.map(\.0) == ["lock", "limit"])
        #expect(relax.map(\.1) == [1, 3])
        #expect(relax.allSatisfy { $0.2 == false })
    }

    /// P1 is locked in and requires R1, which requires Q1 in a revoked park: the `requires` of P1 and R1 are
    /// rules and belong to the conflict (they were folded into the facts, leaving the lock alone).
    @Test func aLockOnAProjectThatRequiresAnExcludedOneNamesTheRequires() throws {
        let yaml = SolveFeatureTests.scenario(funds: SolveFeatureTests.fund100, rest: Self.revokedExcluded)
        let direct = try ScenarioFixture(
            yaml: yaml,
            projects: Self.header + """
                P1,a,K1,f1,air,1000,40,,,in,Q1,,,yes,60
                Q1,c,K3,f1,air,1000,20,,,,,,,yes,50
                P2,d,K1,f1,air,1000,20,,,,,,,yes,50

                """)
        let first = try diagnosis(direct)
        #expect(Set(ruleObjects(first["conflict"])) == [["kind": "lock", "project": "P1"], ["kind": "requires", "project": "P1"]])
        #expect(first["minimal"] as? Bool == true)
        let relax = first["relax"] as? [[String: Any]] ?? []
        #expect(relax.count == 1)
        #expect(relax.first?["by"] as? Double == 1)
        #expect(relax.first?["alone"] as? Bool == true)

        let chain = try ScenarioFixture(
            yaml: yaml,
            projects: Self.header + """
                P1,a,K1,f1,air,1000,40,,,in,R1,,,yes,60
                R1,b,K1,f1,air,1000,30,,,,Q1,,,yes,50
                Q1,c,K3,f1,air,1000,20,,,,,,,yes,50

                """)
        let second = try diagnosis(chain)
        #expect(
            Set(ruleObjects(second["conflict"]))
                == [["kind": "lock", "project": "P1"], ["kind": "requires", "project": "P1"], ["kind": "requires", "project": "R1"]])
        #expect(second["minimal"] as? Bool == true)
        #expect((second["explanation"] as? [String])?.first == "project P1 is locked in (lock: in) but requires R1, which requires Q1, which cannot be funded: excluded")
    }

    /// Without the lock, the same chain is a plan: P1 and R1 get columns held at 0 by their `requires` rows and
    /// still say `requires_unfundable`.
    @Test func aProjectKeptOutOnlyByRequiresHasColumnsHeldAtZero() throws {
        let fixture = try ScenarioFixture(
            yaml: SolveFeatureTests.scenario(funds: SolveFeatureTests.fund100, rest: Self.revokedExcluded),
            projects: Self.header + """
                P1,a,K1,f1,air,1000,40,,,,R1,,,yes,60
                R1,b,K1,f1,air,1000,30,,,,Q1,,,yes,50
                Q1,c,K3,f1,air,1000,20,,,,,,,yes,50
                P2,d,K1,f1,air,1000,20,,,,,,,yes,50

                """)
        let result = try fixture.solve()
        #expect(result.code == 0)
        #expect(result.json.fundedIDs == ["P2"])
        #expect(result.json.project("P1")["why"] as? String == "requires_unfundable")
        #expect(result.json.project("R1")["why"] as? String == "requires_unfundable")
        let model = fixture.run(["export-model", fixture.scenarioPath, "--out", "-"]).out
        #expect(model.contains(" requires_P1_R1: + 1 z_P1 - 1 z_R1 <= 0\n"))
        #expect(model.contains(" requires_R1_Q1: + 1 z_R1 <= 0\n"))
        #expect(!model.contains("z_Q1"))
    }

    /// A lock-in fixes θ = u, not θ = 1: P1 asks 100 with per_project 50 (u = 0.5, min_share 0.25 of the request),
    /// so it draws 50. A budget of 60 funds it; one of 40 conflicts with it, short by 10.
    @Test func aLockInOfACappedProjectNeedsOnlyItsCap() throws {
        func fixture(budget: Int) throws -> ScenarioFixture {
            try ScenarioFixture(
                yaml: SolveFeatureTests.scenario(funds: """
                      - id: f1
                        name: 专项资金
                        budget: {2022: \(budget), 2023: 0}
                        per_project: 50
                    """),
                projects: Self.header + "P1,a,K1,f1,air,1000,100,,0.25,in,,,,yes,60\nP2,b,K1,f1,air,1000,10,,,,,,,yes,5\n")
        }
        let funded = try fixture(budget: 60).solve()
        #expect(funded.code == 0)
        #expect(funded.json.project("P1")["share"] as? Double == 0.5)
        #expect((funded.json["findings"] as? [Any])?.isEmpty == true)

        let short = try diagnosis(fixture(budget: 40))
        #expect(Set(ruleObjects(short["conflict"])) == [["kind": "lock", "project": "P1"], ["kind": "budget", "fund": "f1", "year": "2022"]])
        #expect(short["minimal"] as? Bool == true)
        #expect((short["explanation"] as? [String])?.first == "the lock-ins of f1 need 50万 in 2022, but its budget is 40万")
        let relax = short["relax"] as? [[String: Any]] ?? []
        #expect(relax.count == 1)
        #expect(relax.first?["kind"] as? String == "budget")
        #expect(abs((relax.first?["by"] as? Double ?? 0) - 10) < 1e-9)
        #expect(relax.first?["alone"] as? Bool == true)
    }

    // MARK: Random scenarios, each answer checked by editing the inputs

    /// Small random infeasible scenarios (`RandomDiagnosisCase`): the facts plus exactly the conflict's rules
    /// stay infeasible; when `minimal`, dropping any one of them gives a plan; the relaxations applied together
    /// give a plan, and each one marked `alone` gives one by itself (each one not so marked does not).
    @Test func randomConflictsAreVerifiedAndTheirRelaxationsRestoreFeasibility() throws {
        var checked = 0
        var conflictSizes = Set<Int>()
        var kinds = Set<String>()
        for seed in UInt64(1)...400 where checked < 25 {
            let scenario = RandomDiagnosisCase(seed: seed)
            let all = scenario.rules
            let result = try scenario.fixture(keeping: all).solve()
            guard result.code == 3 else { continue }
            checked += 1
            let diagnosis = result.json["diagnosis"] as? [String: Any] ?? [:]
            let entries = diagnosis["conflict"] as? [[String: Any]] ?? []
            let conflict = Set(entries.compactMap(RandomDiagnosisCase.Rule.init))
            #expect(conflict.count == entries.count && !conflict.isEmpty && conflict.isSubset(of: all), "seed \(seed): \(entries)")
            conflictSizes.insert(conflict.count)
            kinds.formUnion(entries.compactMap { $0["kind"] as? String })
            #expect(try scenario.fixture(keeping: conflict).solve().code == 3, "seed \(seed): \(conflict) is no conflict")
            #expect(diagnosis["minimal"] as? Bool == true, "seed \(seed)")
            for rule in conflict {
                #expect(try scenario.fixture(keeping: conflict.subtracting([rule])).solve().code == 0, "seed \(seed): \(conflict) without \(rule)")
            }
            let relax = (diagnosis["relax"] as? [[String: Any]] ?? []).compactMap { entry in
                RandomDiagnosisCase.Rule(entry).map { (rule: $0, by: entry["by"] as? Double ?? 0, alone: entry["alone"] as? Bool ?? false) }
            }
            #expect(!relax.isEmpty, "seed \(seed)")
            let together = Dictionary(uniqueKeysWithValues: relax.map { ($0.rule, $0.by) })
            #expect(try scenario.fixture(keeping: all, relaxing: together).solve().code == 0, "seed \(seed): \(together)")
            for entry in relax {
                let code = try scenario.fixture(keeping: all, relaxing: [entry.rule: entry.by]).solve().code
                #expect(code == (entry.alone ? 0 : 3), "seed \(seed): \(entry)")
            }
        }
        #expect(checked == 25)
        #expect(conflictSizes.count >= 2, "\(conflictSizes)")
        #expect(kinds.isSuperset(of: ["lock", "budget", "requires", "exclusive", "limit", "target"]), "\(kinds)")
    }
}
