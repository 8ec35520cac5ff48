import Dispatch
import Synchronization
internal import GreenAllocCore
internal import GreenAllocExplain
internal import MILP

/// The report's top-ups read the row duals of the model's linear relaxation, which depend on the compiled
/// model alone: `solve` starts that linear program on a second thread as soon as the model is compiled, so
/// that it runs while the integer program is solved on the first (each solve on its own thread), and the
/// top-ups wait for it afterwards. Started once; later calls to `start` are ignored.
final class BackgroundRelaxation: Sendable {
    private let state = Mutex<(started: Bool, duals: [Double]?)>((false, nil))
    private let done = DispatchSemaphore(value: 0)

    /// Solves `compiled`'s relaxation with `solver` on another thread, stopping at `limit` seconds.
    func start(_ compiled: CompiledModel, solver: any Solver, limit: Double) {
        let first = state.withLock { state in
            defer { state.started = true }
            return !state.started
        }
        guard first else { return }
        DispatchQueue.global().async {
            let duals = Explainer.relaxationRowDuals(of: compiled, solver: solver, limit: limit)
            self.state.withLock { $0.duals = duals }
            self.done.signal()
        }
    }

    var started: Bool { state.withLock { $0.started } }

    /// The duals once the relaxation is solved (nil when it stopped at its limit or failed).
    func wait() -> [Double]? {
        done.wait()
        done.signal()
        return state.withLock { $0.duals }
    }
}
