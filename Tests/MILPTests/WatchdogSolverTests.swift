import Foundation
import MILP
import MILPGLPK
import TestSupport
import Testing

/// A solver that ignores its time limit and cancellation flag, like GLPK inside a long root LP: it returns
/// only when released.
final class StallingSolver: Solver, @unchecked Sendable {
    private let condition = NSCondition()
    private var released = false
    private(set) var calls = 0
    private(set) var finished = 0

    var name: String { "stalling" }
    var version: String { "1" }

    func solve(_ model: Model, parameters: SolverParameters) throws -> SolverResult {
        condition.withLock { calls += 1 }
        condition.lock()
        while !released { condition.wait() }
        finished += 1
        condition.unlock()
        return SolverResult(termination: .optimal, primal: .feasiblePoint, objective: 1, values: [1])
    }

    func release() {
        condition.withLock {
            released = true
            condition.broadcast()
        }
    }

    var finishedCount: Int { condition.withLock { finished } }
    var callCount: Int { condition.withLock { calls } }
}

/// A solver that throws or answers at once (checks what the watchdog passes through).
struct ImmediateSolver: Solver {
    var outcome: Result<SolverResult, SolverError>
    var name: String { "immediate" }
    var version: String { "1" }
    func solve(_ model: Model, parameters: SolverParameters) throws -> SolverResult { try outcome.get() }
}

@Suite struct WatchdogSolverTests {
    static func oneColumn() -> Model {
        var model = Model(name: "one", sense: .maximize)
        model.addColumn("x", kind: .binary, objective: 1)
        return model
    }

    @Test func aSolverStuckPastItsTimeLimitIsAbandonedWithNoSolution() throws {
        let stalling = StallingSolver()
        defer { stalling.release() }
        var watchdog = WatchdogSolver(stalling, minimumGrace: 0.2, graceFraction: 0)
        let reported = ResultBox(count: 1)
        watchdog.report = { message in reported.set(0, SolverResult(termination: .timeLimit, primal: .noSolution, log: message)) }
        let result = try watchdog.solve(Self.oneColumn(), parameters: SolverParameters(timeLimit: 0.1))
        #expect(reported.get(0)?.log.hasPrefix("watchdog: stalling had not returned") == true)
        #expect(result.termination == .timeLimit)
        #expect(result.primal == .noSolution)
        #expect(result.stoppedByWatchdog)
        #expect(result.log.contains("watchdog"))
        // The run went on although the inner solve is still running; it finishes once released.
        #expect(stalling.finishedCount == 0)
        stalling.release()
        for _ in 0..<200 where stalling.finishedCount == 0 { usleep(5_000) }
        #expect(stalling.finishedCount == 1)
    }

    @Test func aCancelledFlagStopsAStuckSolverAfterTheInterruptGrace() throws {
        let stalling = StallingSolver()
        defer { stalling.release() }
        let flag = CancellationFlag()
        let watchdog = WatchdogSolver(stalling, cancellation: flag, interruptGrace: 0.1)
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.1) { flag.cancel() }
        #expect(throws: SolveInterrupted.self) {
            _ = try watchdog.solve(Self.oneColumn(), parameters: SolverParameters())
        }
        #expect(stalling.callCount == 1)
    }

    @Test func aFlagSetBeforehandNeverReachesTheInnerSolver() throws {
        let stalling = StallingSolver()
        defer { stalling.release() }
        let flag = CancellationFlag()
        flag.cancel()
        #expect(throws: SolveInterrupted.self) {
            _ = try WatchdogSolver(stalling, cancellation: flag).solve(Self.oneColumn(), parameters: SolverParameters())
        }
        #expect(stalling.callCount == 0)
    }

    @Test func errorsAndAnswersPassThrough() throws {
        let failing = WatchdogSolver(ImmediateSolver(outcome: .failure(SolverError("boom"))))
        #expect(throws: SolverError("boom")) {
            _ = try failing.solve(Self.oneColumn(), parameters: SolverParameters(timeLimit: 5))
        }
        let answer = SolverResult(termination: .optimal, primal: .feasiblePoint, objective: 1, values: [1])
        let answering = WatchdogSolver(ImmediateSolver(outcome: .success(answer)), cancellation: CancellationFlag())
        #expect(try answering.solve(Self.oneColumn(), parameters: SolverParameters(timeLimit: 5)) == answer)
        #expect(try answering.solve(Self.oneColumn(), parameters: SolverParameters()) == answer)
    }

    @Test func graceIsTheLargerOfTheMinimumAndTheFraction() {
        let watchdog = WatchdogSolver(GLPKSolver(), minimumGrace: 1, graceFraction: 0.1)
        #expect(watchdog.grace(forLimit: 1) == 1)
        #expect(watchdog.grace(forLimit: 60) == 6)
        #expect(watchdog.grace(forLimit: -3) == 1)
    }

    /// Behind the watchdog, GLPK gives the same answers as on the calling thread (its environment is
    /// per thread; every solve runs on a fresh one).
    @Test func glpkBehindTheWatchdogAgreesWithGLPK() throws {
        let watchdog = WatchdogSolver(GLPKSolver(), cancellation: CancellationFlag())
        for seed in UInt64(1)...40 {
            let model = RandomModels.small(seed: seed)
            let direct = try GLPKSolver().solve(model, parameters: SolverParameters())
            let guarded = try watchdog.solve(model, parameters: SolverParameters(timeLimit: 30))
            #expect(sameAnswer(direct, guarded), "seed \(seed)")
            #expect(guarded.values == direct.values, "seed \(seed)")
        }
    }

    /// GLPK polls the flag in its branch-and-cut callback: a long search stops soon after Ctrl-C.
    @Test func cancellingAGLPKSearchInterruptsIt() throws {
        let model = RandomModels.denseMultiKnapsack(items: 120, rows: 8, seed: 3)
        let flag = CancellationFlag()
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) { flag.cancel() }
        let direct = try GLPKSolver().solve(model, parameters: SolverParameters(cancellation: flag))
        #expect(direct.termination == .interrupted)
        if direct.hasSolution { #expect(model.verify(direct.values).isEmpty) }

        let again = CancellationFlag()
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) { again.cancel() }
        #expect(throws: SolveInterrupted.self) {
            _ = try WatchdogSolver(GLPKSolver(), cancellation: again).solve(model, parameters: SolverParameters())
        }
    }
}

@Suite struct NodeLimitTests {
    /// A node limit stops a hard search at the same point on every run (a time limit would not).
    @Test func aNodeLimitStopsTheSameWayEveryRun() throws {
        let model = RandomModels.denseMultiKnapsack(items: 120, rows: 8, seed: 3)
        var parameters = SolverParameters(timeLimit: 60)
        parameters.nodeLimit = 40
        let first = try GLPKSolver().solve(model, parameters: parameters)
        #expect(first.termination == .nodeLimit)
        #expect(first.hasSolution)
        #expect(model.verify(first.values).isEmpty)
        for _ in 0..<3 {
            let again = try GLPKSolver().solve(model, parameters: parameters)
            #expect(again.termination == .nodeLimit)
            #expect(again.values == first.values)
        }
        let unlimited = try GLPKSolver().solve(RandomModels.small(seed: 4), parameters: SolverParameters())
        var limited = SolverParameters()
        limited.nodeLimit = 1_000_000
        let generous = try GLPKSolver().solve(RandomModels.small(seed: 4), parameters: limited)
        #expect(sameAnswer(generous, unlimited) && generous.values == unlimited.values)
    }
}
