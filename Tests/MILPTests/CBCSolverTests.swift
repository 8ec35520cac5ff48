import Foundation
import MILP
@testable import MILPCBC
import MILPGLPK
import TestSupport
import Testing

/// The CBC backend (the `cbc` program of coinor-cbc, which CI installs) against GLPK and brute force, and its
/// handling of cancellation, a missing program and CBC's status lines.
@Suite struct CBCSolverTests {
    @Test func cbcAgreesWithGLPKAndBruteForceOnThirtyRandomModels() throws {
        var optimal = 0
        for seed in UInt64(1)...30 {
            let model = RandomModels.small(seed: seed)
            let reference = try BruteForceSolver().solve(model, parameters: SolverParameters())
            let glpk = try GLPKSolver().solve(model, parameters: SolverParameters())
            let cbc = try CBCSolver().solve(model, parameters: SolverParameters(timeLimit: 30))
            #expect(sameAnswer(cbc, reference), "seed \(seed): CBC \(cbc.termination) \(String(describing: cbc.objective)), brute force \(reference.termination) \(String(describing: reference.objective))")
            #expect(sameAnswer(cbc, glpk), "seed \(seed)")
            if cbc.hasSolution {
                #expect(model.verify(cbc.values).isEmpty, "seed \(seed)")
                #expect(relativelyEqual(cbc.bestBound, cbc.objective), "seed \(seed)")
            }
            if reference.termination == .optimal { optimal += 1 }
        }
        #expect(optimal >= 15)
    }

    @Test func mknapOptimaAreFound() throws {
        for known in try mknap1Catalogue().prefix(4) {
            let result = try CBCSolver().solve(known.model, parameters: SolverParameters(timeLimit: 30))
            #expect(result.termination == .optimal, "\(known.name)")
            #expect(relativelyEqual(result.objective, known.objective), "\(known.name)")
        }
    }

    /// A set flag ends the child at its first check: `.interrupted`, no plan.
    @Test func cancellationStopsTheProgram() throws {
        let flag = CancellationFlag()
        flag.cancel()
        let model = RandomModels.denseMultiKnapsack(items: 300, rows: 30, seed: 7)
        let result = try CBCSolver().solve(model, parameters: SolverParameters(timeLimit: 30, cancellation: flag))
        #expect(result.termination == .interrupted)
        #expect(!result.hasSolution)
    }

    @Test func aMissingProgramIsAClearError() throws {
        let solver = CBCSolver(executable: "/nonexistent/bin/cbc")
        #expect(!solver.isInstalled)
        #expect(solver.version == "unknown")
        let error = #expect(throws: SolverError.self) {
            try solver.solve(KnownOptima.knapsack.model, parameters: SolverParameters())
        }
        #expect(error?.message.contains("/nonexistent/bin/cbc") == true)
        #expect(error?.message.contains("coinor-cbc") == true)
    }

    @Test func versionIsRead() {
        #expect(CBCSolver().version.first?.isNumber == true)
        #expect(CBCLog.version(in: "Welcome to the CBC MILP Solver \nVersion: 2.10.8 \nBuild Date: May  9 2022\n") == "2.10.8")
    }

    /// CBC's status lines: a stop without an integer solution carries the relaxation, which is no plan; a stop on
    /// time with a plan carries the log's bound (of the minimized MPS objective, so negated for a maximization).
    @Test func statusLinesAndBoundsAreRead() throws {
        var model = Model(name: "m", sense: .maximize)
        model.addColumn("x", kind: .integer, lower: 0, upper: 10, objective: 2)
        model.addRow("c", terms: [Term(0, 1)], upper: 10)
        let relaxation = try CBCSolution(
            text: "Stopped on time (no integer solution - continuous used) - objective value -20.5\n      0 x  10.25  0\n",
            log: "Result - Stopped on time limit\n\nNo feasible solution found\nLower bound:   -20.5\n"
        ).result(for: model)
        #expect(relaxation.termination == .timeLimit)
        #expect(!relaxation.hasSolution)
        let stopped = try CBCSolution(
            text: "Stopped on time - objective value -8.00000000\n      0 x   4   -2\n",
            log: "Result - Stopped on time limit\n\nObjective value:   -8.00000000\nLower bound:   -10.000\nGap:   0.25\n"
        ).result(for: model)
        #expect(stopped.termination == .timeLimit)
        #expect(stopped.values == [4])
        #expect(stopped.objective == 8)
        #expect(stopped.bestBound == 10)
        #expect(relativelyEqual(stopped.gap, 0.25))
        let gapStop = try CBCSolution(
            text: "Optimal - objective value -8.00000000\n**    0 x   4   -2\n",
            log: "Result - Optimal solution found (within gap tolerance)\n\nObjective value:   -8\nLower bound:   -9\n"
        ).result(for: model)
        #expect(gapStop.termination == .gapLimit)
        #expect(gapStop.bestBound == 9)
        for line in ["Infeasible - objective value 0", "Integer infeasible - objective value 0"] {
            #expect(try CBCSolution(text: line + "\n", log: "").result(for: model).termination == .infeasible)
        }
        #expect(try CBCSolution(text: "Stopped on difficulties - objective value 0\n", log: "").result(for: model).termination == .numericalError)
        #expect(throws: SolverError.self) { try CBCSolution(text: "", log: "").result(for: model) }
    }
}
