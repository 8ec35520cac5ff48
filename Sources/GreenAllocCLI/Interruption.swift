internal import Dispatch
internal import Foundation
internal import GreenAllocReports
internal import MILP
internal import GreenAllocCore
internal import MILPCBC
internal import MILPGLPK
internal import Synchronization

/// The solver every command uses: GLPK (or CBC with `--solver cbc` / `solver.backend: cbc`) behind a watchdog
/// that bounds the wall clock (a long root LP cannot be interrupted from inside GLPK) and stops solves when the
/// console's interruption flag is set. CBC is the program `GREENALLOC_CBC` names, by default `/usr/bin/cbc`;
/// throws `SolverError` (exit 1) when it is not installed.
func makeSolver(_ console: Console, backend: SolverBackend) throws -> any Solver {
    let inner: any Solver
    switch backend {
    case .glpk:
        inner = GLPKSolver()
    case .cbc:
        let environment = ProcessInfo.processInfo.environment["GREENALLOC_CBC"]
        let cbc = CBCSolver(executable: environment.flatMap { $0.isEmpty ? nil : $0 } ?? CBCSolver.defaultExecutable)
        guard cbc.isInstalled else { throw cbc.notInstalledError }
        inner = cbc
    }
    var solver = WatchdogSolver(inner, cancellation: console.interruption)
    solver.report = { message in console.error("greenalloc: \(message)\n") }
    return solver
}

extension CommandLineRunner {
    /// Routes Ctrl-C (SIGINT) and SIGTERM to `Console.standard.interruption`. The first signal asks the running
    /// solve to stop; the run then writes nothing and exits 130. A second signal stops at once: directories
    /// being written are removed first, so an earlier output stays as it was.
    public static func installSignalHandlers() {
        SignalHandlers.install(console: .standard)
    }
}

/// Dispatch sources rather than `signal` handlers: a handler may only call async-signal-safe functions, while
/// a source runs its block on an ordinary queue, where it can set the flag, print and remove directories.
private enum SignalHandlers {
    /// Kept alive for the life of the process (a released source stops delivering).
    static let sources = Mutex<[any DispatchSourceSignal]>([])
    static let count = Atomic<Int>(0)

    static func install(console: Console) {
        sources.withLock { sources in
            for number in [SIGINT, SIGTERM] {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler { interrupted(console: console) }
                source.resume()
                sources.append(source)
            }
        }
    }

    /// The first signal asks the solve to stop; the second removes directories being written and exits.
    static func interrupted(console: Console) {
        if count.add(1, ordering: .relaxed).newValue == 1 {
            console.interruption.cancel()
            console.error("greenalloc: interrupted; stopping the solver, nothing will be written (again to stop at once)\n")
        } else {
            OutputDirectory.removeDirectoriesInProgress()
            console.error("greenalloc: interrupted; nothing was written\n")
            _exit(ExitStatus.interrupted)
        }
    }
}
