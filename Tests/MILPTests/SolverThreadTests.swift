import Foundation
import MILP
import Synchronization
import Testing

/// The one solver-thread helper: a closure on its own thread, its result with or without a timeout.
@Suite struct SolverThreadTests {
    @Test func theResultComesBackFromAnotherThread() {
        let caller = Thread.current.description
        let thread = SolverThread { (Thread.current.description, 6 * 7) }
        let (runner, value) = thread.wait()
        #expect(value == 42)
        #expect(runner != caller)
    }

    @Test func aWaitThatTimesOutReturnsNothingAndALaterWaitTheResult() {
        let gate = Atomic<Bool>(false)
        let thread = SolverThread { () -> Int in
            while !gate.load(ordering: .acquiring) { usleep(1_000) }
            return 1
        }
        #expect(thread.wait(timeout: 0.05) == nil)
        gate.store(true, ordering: .releasing)
        #expect(thread.wait(timeout: 10) == 1)
        #expect(thread.wait(timeout: 0) == 1)
    }

    @Test func allReturnsTheResultsInIndexOrder() {
        let runs = Atomic<Int>(0)
        let results = SolverThread.all(8) { index in
            runs.add(1, ordering: .relaxed)
            usleep(UInt32((8 - index) * 2_000))
            return index * index
        }
        #expect(results == (0..<8).map { $0 * $0 })
        #expect(runs.load(ordering: .relaxed) == 8)
    }
}
