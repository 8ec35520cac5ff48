/// Bounds the wall clock of another solver: the solve runs on its own `SolverThread` while the calling thread
/// waits.
///
/// GLPK checks its time limit and the cancellation flag only between branch-and-bound nodes, so a long root LP
/// (or feasibility pump) can run far past both. When the inner solve has not returned
/// - `grace(forLimit:)` seconds after its time limit, the watchdog stops waiting and reports
///   `.timeLimit` with no solution (`stoppedByWatchdog`);
/// - `interruptGrace` seconds after the cancellation flag was set, it throws `SolveInterrupted`.
/// The abandoned thread is left to finish on its own: it keeps only its own copy of the model, stops at its
/// next node (its time limit has passed) and frees its GLPK environment. A process that exits meanwhile
/// simply ends it. Solves with neither a time limit nor a cancellation flag run on the calling thread.
public struct WatchdogSolver: Solver {
    public let inner: any Solver
    /// Least extra time granted after the time limit, in seconds.
    public var minimumGrace: Double
    /// Extra time granted after the time limit, as a fraction of the limit (the larger of the two applies).
    public var graceFraction: Double
    /// Seconds to wait for the inner solver to notice a cancellation.
    public var interruptGrace: Double
    /// Given to every solve that brings no flag of its own.
    public var cancellation: CancellationFlag?
    /// Told (one line, no newline) when the watchdog stops waiting for an overrunning solve.
    public var report: (@Sendable (String) -> Void)?

    public init(
        _ inner: any Solver, cancellation: CancellationFlag? = nil, minimumGrace: Double = 1, graceFraction: Double = 0.1,
        interruptGrace: Double = 1
    ) {
        self.inner = inner
        self.cancellation = cancellation
        self.minimumGrace = minimumGrace
        self.graceFraction = graceFraction
        self.interruptGrace = interruptGrace
    }

    public var name: String { inner.name }
    public var version: String { inner.version }

    /// How long after a time limit of `limit` seconds the watchdog gives up waiting.
    public func grace(forLimit limit: Double) -> Double {
        Swift.max(minimumGrace, graceFraction * Swift.max(0, limit))
    }

    public func solve(_ model: Model, parameters: SolverParameters) throws -> SolverResult {
        var parameters = parameters
        if parameters.cancellation == nil { parameters.cancellation = cancellation }
        let flag = parameters.cancellation
        if flag?.isCancelled == true { throw SolveInterrupted() }
        guard parameters.timeLimit != nil || flag != nil else { return try inner.solve(model, parameters: parameters) }

        let inner = self.inner
        let job = SolverThread { [parameters] in Result { try inner.solve(model, parameters: parameters) } }

        let clock = ContinuousClock()
        let began = clock.now
        let limitDeadline = parameters.timeLimit.map { began + Self.duration($0 + grace(forLimit: $0)) }
        var interruptDeadline: ContinuousClock.Instant?
        while true {
            if let outcome = job.wait(timeout: 0.02) { return try checked(outcome.get()) }
            let now = clock.now
            if flag?.isCancelled == true {
                let deadline = interruptDeadline ?? now + Self.duration(interruptGrace)
                interruptDeadline = deadline
                if now >= deadline { throw SolveInterrupted() }
            }
            if let limitDeadline, now >= limitDeadline {
                let elapsed = (now - began).inSeconds
                var result = SolverResult(termination: .timeLimit, primal: .noSolution, seconds: elapsed)
                result.stoppedByWatchdog = true
                let message = "watchdog: \(inner.name) had not returned \(Self.format(elapsed)) s after the start "
                    + "(time limit \(Self.format(parameters.timeLimit ?? 0)) s, most likely still in its root LP); "
                    + "stopped waiting for it, no plan from this solve"
                result.log = message + "\n"
                report?(message)
                return result
            }
        }
    }

    /// An interrupted inner solve becomes `SolveInterrupted`: the caller abandons the run.
    private func checked(_ result: SolverResult) throws -> SolverResult {
        if result.termination == .interrupted { throw SolveInterrupted() }
        return result
    }

    static func duration(_ seconds: Double) -> Duration {
        .nanoseconds(Int64((Swift.max(0, Swift.min(seconds, 1e9)) * 1e9).rounded()))
    }

    static func format(_ seconds: Double) -> String {
        let tenths = (seconds * 10).rounded() / 10
        return tenths == tenths.rounded() ? String(Int(tenths)) : String(tenths)
    }
}
