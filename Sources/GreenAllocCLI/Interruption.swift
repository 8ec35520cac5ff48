internal import Dispatch
internal import Foundation
internal import GreenAllocReports
internal import MILP
internal import MILPGLPK
internal import Synchronization

/// The solver every command uses: GLPK behind a watchdog that bounds the wall clock (a long root LP cannot be
/// interrupted from inside GLPK) and stops solves when the console's interruption flag is set.
func makeSolver(_ console: Console) -> any Solver {
    var solver = WatchdogSolver(GLPKSolver(), cancellation: console.interruption)
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

private enum SignalHandlers {
    nonisolated(unsafe) static var sources: [any DispatchSourceSignal] = []
    static let count = Mutex<Int>(0)

    static func install(console: Console) {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                let seen = count.withLock { value in
                    value += 1
                    return value
                }
                if seen == 1 {
                    console.interruption.cancel()
                    console.error("greenalloc: interrupted; stopping the solver, nothing will be written (again to stop at once)\n")
                } else {
                    OutputDirectory.removeDirectoriesInProgress()
                    console.error("greenalloc: interrupted; nothing was written\n")
                    _exit(ExitStatus.interrupted)
                }
            }
            source.resume()
            sources.append(source)
        }
    }
}
