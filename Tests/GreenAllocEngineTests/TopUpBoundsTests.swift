import Foundation
import GreenAllocCore
import GreenAllocEngine
import GreenAllocExplain
import GreenAllocInputs
import MILP
import MILPGLPK
import TestSupport
import Testing

/// report.md's top-ups (`Explainer.annotatingTopUps`) on small random scenarios, each end checked by brute force: with the
/// project locked in and the budget raised by the upper end, some plan is worth today's optimum; raised by a
/// hair less than the lower end, none is. Projects are funded whole (`lock: in` funds a partial project at its
/// cap, while the top-up's plan may fund it at its least share).
@Suite struct TopUpBoundsTests {
    /// `ExplainerRandomTests`' scenario with every project whole, `locked` locked in, at `budget`.
    static func fixture(seed: UInt64, budget: Double? = nil, locked: String? = nil) throws -> EngineFixture {
        let (projects, base) = ExplainerRandomTests.scenario(seed: seed)
        var text = projects.replacingOccurrences(of: ",0.5,", with: ",,").replacingOccurrences(of: ",0.8,", with: ",,")
        for index in 1...6 { text = text.replacingOccurrences(of: "{lock\(index)}", with: locked == "P\(index)" ? "in" : "") }
        return try EngineFixture(budget: budget ?? base, projects: text)
    }

    func annotated(_ fixture: EngineFixture) throws -> Allocation {
        let allocation = try fixture.run(GLPKSolver())
        return Explainer(
            scenario: fixture.inputs.scenario, library: fixture.inputs.library, rules: fixture.inputs.rules,
            solver: GLPKSolver()
        ).annotatingTopUps(allocation)
    }

    /// Whether a plan with `project` locked in at `budget` is worth `optimum` (brute force).
    func reaches(seed: UInt64, project: String, budget: Double, optimum: Double) throws -> Bool {
        let allocation = try Self.fixture(seed: seed, budget: budget, locked: project).run(BruteForceSolver())
        guard allocation.status == .optimal, let value = allocation.objective else { return false }
        return value >= optimum - 1e-6 * Swift.max(1, abs(optimum))
    }

    @Test func theTextbookCaseGivesTodaysPlanPlusTheProject() throws {
        // Budget 100: {P2, P3} = 100. P1 (60) fits on top of today's plan with 60 more; 10 is the true top-up.
        let allocation = try annotated(try EngineFixture())
        let topUp = try #require(allocation.projects.first { $0.id == "P1" }?.topUp)
        #expect(topUp.fund == "f1")
        #expect(topUp.reachable)
        #expect(abs((topUp.upper ?? 0) - 60) < 1e-6)
        #expect(topUp.lower <= 10)
        #expect(allocation.projects.filter(\.funded).allSatisfy { $0.topUp == nil })
    }

    @Test(arguments: UInt64(1)...12)
    func boundsHoldAgainstBruteForce(seed: UInt64) throws {
        let fixture = try Self.fixture(seed: seed)
        let budget = ExplainerRandomTests.scenario(seed: seed).budget
        let allocation = try annotated(fixture)
        let optimum = try #require(allocation.objective)
        for project in allocation.projects where project.why == .notChosen {
            let topUp = try #require(project.topUp, "\(project.id) has no top-up")
            if !topUp.reachable {
                // Every request of the fund fits: the budget no longer binds, and still no plan reaches.
                let all = fixture.inputs.library.projectRecords.reduce(0) { $0 + $1.request.reduce(0, +) }
                #expect(try !reaches(seed: seed, project: project.id, budget: budget + all + 1, optimum: optimum))
                continue
            }
            if let upper = topUp.upper {
                #expect(topUp.lower <= upper)
                #expect(try reaches(seed: seed, project: project.id, budget: budget + upper, optimum: optimum), "\(project.id) upper")
            }
            if topUp.lower > 1e-6 {
                let below = topUp.lower * (1 - 2e-3)
                #expect(try !reaches(seed: seed, project: project.id, budget: budget + below, optimum: optimum), "\(project.id) lower")
            }
        }
    }

    @Test func theSeedsGiveUpperEnds() throws {
        // The check above has something to check: most not-chosen projects get an upper end.
        var uppers = 0
        for seed in UInt64(1)...12 {
            uppers += try annotated(try Self.fixture(seed: seed)).projects.filter { $0.topUp?.upper != nil }.count
        }
        #expect(uppers >= 12)
    }
}
