internal import Foundation
internal import Synchronization

/// The bank access log's one writer, committing in groups: a request's entry is queued and the request waits
/// until the transaction holding it has committed (so no list is sent unlogged, and a kill -9 loses no entry
/// of an answered request), but every entry that arrives while a transaction runs goes into the next one.
/// Under load, N concurrent requests cost about one transaction instead of N, and the writing happens on a
/// thread of its own, never on the server's event loops.
public final class BankAccessWriter: Sendable {
    struct State {
        var pending: [(access: BankAccess, done: CheckedContinuation<Void, any Error>)] = []
        var writing = false
    }

    let workspace: Workspace
    let state = Mutex(State())

    public init(workspace: Workspace) { self.workspace = workspace }

    /// Returns once the entry is in the database; throws when its transaction failed (nothing of it written).
    public func log(_ access: BankAccess) async throws {
        try await withCheckedThrowingContinuation { (done: CheckedContinuation<Void, any Error>) in
            let start = state.withLock { state in
                state.pending.append((access, done))
                defer { state.writing = true }
                return !state.writing
            }
            if start { Thread.detachNewThread { self.writeUntilEmpty() } }
        }
    }

    /// Commits what is pending, batch after batch, until nothing is.
    func writeUntilEmpty() {
        while true {
            let batch = state.withLock { state in
                let batch = state.pending
                state.pending = []
                if batch.isEmpty { state.writing = false }
                return batch
            }
            guard !batch.isEmpty else { return }
            do {
                try workspace.log(batch.map(\.access))
                for entry in batch { entry.done.resume() }
            } catch {
                for entry in batch { entry.done.resume(throwing: error) }
            }
        }
    }
}
