internal import Synchronization

/// A flag that asks running solves to stop (Ctrl-C). Set from any thread; solvers poll it.
public final class CancellationFlag: Sendable {
    private let cancelled = Atomic<Bool>(false)

    public init() {}

    public var isCancelled: Bool { cancelled.load(ordering: .acquiring) }

    public func cancel() { cancelled.store(true, ordering: .releasing) }
}

/// Thrown by a solve that was stopped through its `CancellationFlag`: the run is abandoned, nothing is written.
public struct SolveInterrupted: Error, Sendable, Equatable, CustomStringConvertible {
    public init() {}
    public var description: String { "interrupted" }
}
