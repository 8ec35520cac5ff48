import MILP
import MILPGLPK
import TestSupport
import Testing

/// The deletion filter and the elastic model on hand-built models, then on random small infeasible models
/// against brute force: the returned set is infeasible, each proper subset is feasible, and the relaxation
/// amounts restore feasibility (together, and alone where they say so).
@Suite struct InfeasibilityAnalysisTests {
    static let glpk = GLPKSolver()

    func isFeasible(_ model: Model) throws -> Bool {
        try BruteForceSolver().solve(model, parameters: SolverParameters()).termination == .optimal
    }

    /// x ∈ {0, 1}, y ∈ [0, 10]: group 0 is x ≥ 1, group 1 is x ≤ 0, group 2 is y ≤ 5 (no part of the conflict).
    static func twoRowsContradict() -> (Model, [ConstraintGroup]) {
        var model = Model(name: "contradiction")
        let x = model.addColumn("x", kind: .binary)
        let y = model.addColumn("y", upper: 10)
        model.addRow("at_least", terms: [Term(x, 1)], lower: 1)
        model.addRow("at_most", terms: [Term(x, 1)], upper: 0)
        model.addRow("unrelated", terms: [Term(y, 1)], upper: 5)
        return (model, [ConstraintGroup(rows: [0]), ConstraintGroup(rows: [1]), ConstraintGroup(rows: [2])])
    }

    @Test func theDeletionFilterDropsWhatTheConflictDoesNotNeed() throws {
        let (model, groups) = Self.twoRowsContradict()
        let analysis = InfeasibilityAnalysis(model: model, groups: groups, solver: Self.glpk)
        let subsystem = try #require(try analysis.deletionFilter(candidates: [2, 1, 0], timeLimit: 10))
        #expect(subsystem.groups == [1, 0])
        #expect(subsystem.isMinimal)
    }

    @Test func candidatesThatHoldTogetherAreNoConflict() throws {
        let (model, groups) = Self.twoRowsContradict()
        let analysis = InfeasibilityAnalysis(model: model, groups: groups, solver: Self.glpk)
        #expect(try analysis.deletionFilter(candidates: [0, 2], timeLimit: 10) == nil)
        #expect(try analysis.deletionFilter(candidates: [1], timeLimit: 10) == nil)
    }

    @Test func factsThatCannotHoldLeaveAnEmptyConflict() throws {
        var model = Model(name: "facts")
        let x = model.addColumn("x", kind: .binary)
        model.addRow("fact", terms: [Term(x, 1)], lower: 2)
        model.addRow("rule", terms: [Term(x, 1)], upper: 1)
        let analysis = InfeasibilityAnalysis(model: model, groups: [ConstraintGroup(rows: [1])], solver: Self.glpk)
        let subsystem = try #require(try analysis.deletionFilter(candidates: [0], timeLimit: 10))
        #expect(subsystem.groups.isEmpty)
        #expect(subsystem.isMinimal)
    }

    /// A lock (x fixed to 1, released to [0, 1]) against a budget x·60 + 50 ≤ 100 where the 50 is a fact (y = 1):
    /// widening the budget by 10 (10/100) is cheaper than releasing the lock (1), and does it alone.
    @Test func aLockIsAReleasedBoundAndAnAmountRestoresFeasibility() throws {
        var model = Model(name: "lock")
        let x = model.addColumn("x", kind: .binary, lower: 1, upper: 1)
        let y = model.addColumn("y", kind: .binary, lower: 1, upper: 1)
        model.addRow("budget", terms: [Term(x, 60), Term(y, 50)], upper: 100)
        let groups = [ConstraintGroup(releasedBounds: [ReleasedBound(column: x, lower: 0, upper: 1)]), ConstraintGroup(rows: [0])]
        let analysis = InfeasibilityAnalysis(model: model, groups: groups, solver: Self.glpk)
        let subsystem = try #require(try analysis.deletionFilter(candidates: [0, 1], timeLimit: 10))
        #expect(subsystem == InfeasibleSubsystem(groups: [0, 1], isMinimal: true))
        let elastic = try #require(try analysis.elasticRelaxation(timeLimit: 10))
        #expect(elastic.restoresFeasibility)
        #expect(elastic.groups == [GroupRelaxation(group: 1, rows: [RowRelaxation(row: 0, upperBy: 10)], releasesBounds: false, restoresFeasibilityAlone: true)])
        #expect(try isFeasible(model.relaxing(elastic.groups, of: groups)))
        #expect(try !isFeasible(model))
    }

    /// Two locks against a fact y₁ + y₂ ≤ 0: only both releases together restore feasibility.
    @Test func relaxationsThatOnlyWorkTogetherSaySo() throws {
        var model = Model(name: "two_locks")
        let first = model.addColumn("y1", kind: .binary, lower: 1, upper: 1)
        let second = model.addColumn("y2", kind: .binary, lower: 1, upper: 1)
        model.addRow("fact", terms: [Term(first, 1), Term(second, 1)], upper: 0)
        let groups = [first, second].map { ConstraintGroup(releasedBounds: [ReleasedBound(column: $0, lower: 0, upper: 1)]) }
        let analysis = InfeasibilityAnalysis(model: model, groups: groups, solver: Self.glpk)
        let subsystem = try #require(try analysis.deletionFilter(candidates: [0, 1], timeLimit: 10))
        // Without lock y1, lock y2 still contradicts the fact: the filter keeps y2 alone.
        #expect(subsystem == InfeasibleSubsystem(groups: [1], isMinimal: true))
        let elastic = try #require(try analysis.elasticRelaxation(timeLimit: 10))
        #expect(elastic.restoresFeasibility)
        #expect(elastic.groups.map(\.group) == [0, 1])
        #expect(elastic.groups.allSatisfy { $0.releasesBounds && !$0.restoresFeasibilityAlone })
        #expect(try isFeasible(model.relaxing(elastic.groups, of: groups)))
    }

    /// Integer rows get integral amounts: three binaries with Σ ≥ 3 against Σ ≤ 1 need 2 either way.
    @Test func integerRowsRelaxByWholeUnits() throws {
        var model = Model(name: "counts")
        let columns = (0..<3).map { model.addColumn("b\($0)", kind: .binary) }
        model.addRow("floor", terms: columns.map { Term($0, 1) }, lower: 3)
        model.addRow("cap", terms: columns.map { Term($0, 1) }, upper: 1)
        let groups = [ConstraintGroup(rows: [0]), ConstraintGroup(rows: [1])]
        let elastic = try #require(try InfeasibilityAnalysis(model: model, groups: groups, solver: Self.glpk).elasticRelaxation(timeLimit: 10))
        #expect(elastic.groups.count == 1)
        #expect(elastic.groups.first?.rowAmount == 2)
        #expect(elastic.groups.first?.restoresFeasibilityAlone == true)
    }

    /// A solver that answers every model with the same failure.
    struct FailingSolver: Solver {
        var termination: TerminationStatus
        var name: String { "failing" }
        var version: String { "1" }
        func solve(_ model: Model, parameters: SolverParameters) throws -> SolverResult {
            guard termination != .otherError else { throw SolverError("no answer") }
            return SolverResult(termination: termination, primal: .noSolution)
        }
    }

    /// Without answers nothing is dropped and nothing is called minimal; a known-infeasible start is kept whole.
    @Test func unansweredTestsLeaveTheConflictUnprovedMinimal() throws {
        let (model, groups) = Self.twoRowsContradict()
        for termination in [TerminationStatus.otherError, .timeLimit, .numericalError] {
            let analysis = InfeasibilityAnalysis(model: model, groups: groups, solver: FailingSolver(termination: termination))
            #expect(try analysis.deletionFilter(candidates: [0, 1, 2], timeLimit: 10) == nil)
            let kept = try analysis.deletionFilter(candidates: [0, 1, 2], knownInfeasible: true, timeLimit: 10)
            #expect(kept == InfeasibleSubsystem(groups: [0, 1, 2], isMinimal: false))
            #expect(try analysis.elasticRelaxation(timeLimit: 10) == nil)
        }
    }

    @Test func aCancelledSolveStopsTheAnalysis() throws {
        let (model, groups) = Self.twoRowsContradict()
        let analysis = InfeasibilityAnalysis(model: model, groups: groups, solver: FailingSolver(termination: .interrupted))
        #expect(throws: SolveInterrupted.self) { try analysis.deletionFilter(candidates: [0, 1], timeLimit: 10) }
        #expect(throws: SolveInterrupted.self) { try analysis.elasticRelaxation(timeLimit: 10) }
    }

    /// A row listed by a kept group stays in force even when a dropped group lists it too.
    @Test func keepingFreesOnlyWhatNoKeptGroupHolds() throws {
        let (model, _) = Self.twoRowsContradict()
        let groups = [ConstraintGroup(rows: [0, 1]), ConstraintGroup(rows: [1]), ConstraintGroup(rows: [2])]
        let kept = model.keeping([1], of: groups)
        #expect(kept.rows.map { [$0.lower, $0.upper] } == [[-.infinity, .infinity], [-.infinity, 0], [-.infinity, .infinity]])
        #expect(kept.objective.allSatisfy { $0 == 0 })
    }

    // MARK: Random models against brute force

    /// A random small model that brute force proves infeasible, its rows as groups, plus (on odd seeds) a
    /// lock fixing its first binary to the value the seed picks.
    static func infeasibleCase(seed: UInt64) throws -> (Model, [ConstraintGroup])? {
        var model = RandomModels.small(seed: seed)
        var groups = model.rows.indices.map { ConstraintGroup(rows: [$0]) }
        if seed % 2 == 1 {
            let value = Double(seed / 2 % 2)
            model.setColumnBounds(0, lower: value, upper: value)
            groups.append(ConstraintGroup(releasedBounds: [ReleasedBound(column: 0, lower: 0, upper: 1)]))
        }
        let answer = try BruteForceSolver().solve(model, parameters: SolverParameters())
        return answer.termination == .infeasible ? (model, groups) : nil
    }

    static let cases: [(seed: UInt64, model: Model, groups: [ConstraintGroup])] = (1...1500).compactMap { seed in
        (try? infeasibleCase(seed: UInt64(seed))).map { (UInt64(seed), $0.0, $0.1) }
    }

    @Test func everyReturnedConflictIsInfeasibleAndEveryProperSubsetFeasible() throws {
        #expect(Self.cases.count >= 40)
        var sizes: [Int: Int] = [:]
        for (seed, model, groups) in Self.cases.prefix(60) {
            let analysis = InfeasibilityAnalysis(model: model, groups: groups, solver: Self.glpk)
            let subsystem = try #require(try analysis.deletionFilter(candidates: Array(groups.indices), timeLimit: 30), "seed \(seed)")
            sizes[subsystem.groups.count, default: 0] += 1
            #expect(subsystem.isMinimal, "seed \(seed)")
            #expect(try !isFeasible(model.keeping(Set(subsystem.groups), of: groups)), "seed \(seed): \(subsystem.groups)")
            for mask in 0..<(1 << subsystem.groups.count) - 1 {
                let subset = Set(subsystem.groups.indices.filter { mask & (1 << $0) != 0 }.map { subsystem.groups[$0] })
                #expect(try isFeasible(model.keeping(subset, of: groups)), "seed \(seed): \(subset) of \(subsystem.groups)")
            }
            // The answers depend only on feasibility, so a brute-force solver behind the service agrees.
            let reference = try InfeasibilityAnalysis(model: model, groups: groups, solver: BruteForceSolver())
                .deletionFilter(candidates: Array(groups.indices), timeLimit: 30)
            #expect(reference == subsystem, "seed \(seed)")
        }
        #expect(sizes.keys.count >= 2, "conflicts of one size only: \(sizes)")
    }

    @Test func relaxationsRestoreFeasibilityTogetherAndAloneWhereTheySaySo() throws {
        var alone = 0
        var notAlone = 0
        for (seed, model, groups) in Self.cases.prefix(60) {
            let analysis = InfeasibilityAnalysis(model: model, groups: groups, solver: Self.glpk)
            let elastic = try #require(try analysis.elasticRelaxation(timeLimit: 30), "seed \(seed)")
            #expect(elastic.restoresFeasibility, "seed \(seed)")
            #expect(!elastic.groups.isEmpty, "seed \(seed)")
            #expect(try isFeasible(model.relaxing(elastic.groups, of: groups)), "seed \(seed): \(elastic.groups)")
            for relaxation in elastic.groups {
                #expect(relaxation.rowAmount > 0 || relaxation.releasesBounds, "seed \(seed)")
                let restores = try isFeasible(model.relaxing([relaxation], of: groups))
                #expect(restores == relaxation.restoresFeasibilityAlone, "seed \(seed): \(relaxation)")
                if restores { alone += 1 } else { notAlone += 1 }
            }
        }
        #expect(alone > 0)
        #expect(notAlone > 0)
    }
}
