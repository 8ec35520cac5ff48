internal import Foundation
internal import GreenAllocCLI
internal import GreenAllocHistory
public import GreenAllocWorkspace

/// The office's jobs (`solve`, `compare`, `sweep`, `explain`): at most one running per core, at most `capacity`
/// waiting; each runs its greenalloc command on its own thread (the server's threads stay free), writing into
/// the job's folder and recording the run in the workspace's history. What a running job has written on
/// standard error so far is its progress, shown on its page.
public actor JobQueue {
    let workspace: Workspace
    let limit: Int
    let capacity: Int
    var running = 0
    var waiting: [CheckedContinuation<Void, Never>] = []
    var captures: [Int64: Console.Capture] = [:]

    /// `limit` nil: one job per core.
    public init(workspace: Workspace, limit: Int? = nil, capacity: Int = 32) {
        self.workspace = workspace
        self.limit = max(1, limit ?? ProcessInfo.processInfo.activeProcessorCount)
        self.capacity = capacity
    }

    /// Queues a command of the given kind; `arguments` are the command's words after its name and before
    /// `--out` (paths of the workspace's own files, checked by the caller). `label` is what the pages show
    /// (the scenario files). Nil when the queue is full.
    func submit(kind: String, label: String, arguments: [String], user: String) throws -> Int64? {
        guard waiting.count < capacity else { return nil }
        let id = try workspace.addJob(kind: kind, scenario: label, user: user)
        let capture = Console.Capture()
        captures[id] = capture
        let words = [kind] + arguments + ["--out", workspace.jobFolder(id), "--history", workspace.database.path]
        Task { await self.perform(job: id, arguments: words, capture: capture) }
        return id
    }

    /// A solve of one scenario file of the workspace.
    func submit(scenario: String, user: String) throws -> Int64? {
        try submit(kind: "solve", label: scenario, arguments: [workspace.folder + "/" + scenario], user: user)
    }

    /// What a queued or running job has written on standard error so far (nil once it has finished).
    func progress(of id: Int64) -> String? { captures[id]?.error }

    func perform(job id: Int64, arguments: [String], capture: Console.Capture) async {
        if running < limit {
            running += 1
        } else {
            await withCheckedContinuation { waiting.append($0) }
        }
        try? workspace.markRunning(job: id)
        let before = (try? workspace.database.runs().last?.id) ?? 0
        let result = await CommandThread.run(arguments, capture: capture)
        let folder = workspace.jobFolder(id)
        let run = (try? workspace.database.runs().last { $0.id > before && $0.arguments.contains(folder) })?.map(\.id) ?? nil
        try? workspace.finish(job: id, exitCode: result.code, runID: run, message: result.error)
        captures[id] = nil
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
    static func run(_ arguments: [String], capture: Console.Capture = Console.Capture()) async -> (code: Int32, out: String, error: String) {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                let code = CommandLineRunner.run(arguments, console: capture.console)
                continuation.resume(returning: (code, capture.out, capture.error))
            }
        }
    }
}
