internal import Foundation
internal import GreenAllocCLI
internal import GreenAllocHistory
public import GreenAllocWorkspace

/// The office's solve jobs: at most one running per core, at most `capacity` waiting; each runs
/// `greenalloc solve` on its own thread (the server's threads stay free), writing into the job's folder and
/// recording the run in the workspace's history.
public actor JobQueue {
    let workspace: Workspace
    let limit: Int
    let capacity: Int
    var running = 0
    var waiting: [CheckedContinuation<Void, Never>] = []

    /// `limit` nil: one job per core.
    public init(workspace: Workspace, limit: Int? = nil, capacity: Int = 32) {
        self.workspace = workspace
        self.limit = max(1, limit ?? ProcessInfo.processInfo.activeProcessorCount)
        self.capacity = capacity
    }

    /// Queues a solve of a scenario of the workspace; nil when the queue is full.
    func submit(scenario: String, user: String) throws -> Int64? {
        guard waiting.count < capacity else { return nil }
        let id = try workspace.addJob(kind: "solve", scenario: scenario, user: user)
        Task { await self.perform(job: id, scenario: scenario) }
        return id
    }

    func perform(job id: Int64, scenario: String) async {
        if running < limit {
            running += 1
        } else {
            await withCheckedContinuation { waiting.append($0) }
        }
        try? workspace.markRunning(job: id)
        let before = (try? workspace.database.runs().last?.id) ?? 0
        let result = await CommandThread.run([
            "solve", workspace.folder + "/" + scenario, "--out", workspace.jobFolder(id), "--history", workspace.database.path,
        ])
        let run = (try? workspace.database.runs().last { $0.id > before && $0.command == "solve" })?.map(\.id) ?? nil
        try? workspace.finish(job: id, exitCode: result.code, runID: run, message: result.error)
        if waiting.isEmpty {
            running -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }

    /// Waits until every job has finished (for tests and a graceful stop).
    public func drain() async {
        while running > 0 || !waiting.isEmpty { try? await Task.sleep(for: .milliseconds(50)) }
    }
}

/// A greenalloc command run in-process on a thread of its own, its output captured.
enum CommandThread {
    static func run(_ arguments: [String]) async -> (code: Int32, out: String, error: String) {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                let capture = Console.Capture()
                let code = CommandLineRunner.run(arguments, console: capture.console)
                continuation.resume(returning: (code, capture.out, capture.error))
            }
        }
    }
}
