internal import Foundation
internal import GRDB
internal import GreenAllocHistory

/// A job started from the office's pages (a solve), as the history keeps it.
public struct Job: Sendable, Equatable {
    public enum State: String, Sendable {
        case queued, running, done, failed, interrupted
        public var isFinished: Bool { self != .queued && self != .running }
    }

    public var id: Int64
    public var kind: String
    /// The scenario's file name in the workspace folder.
    public var scenario: String
    public var user: String
    public var state: State
    public var createdAt: String
    public var finishedAt: String?
    public var exitCode: Int32?
    public var runID: Int64?
    public var message: String
}

extension Workspace {
    /// The folder of a job's outputs: DIR/.greenalloc/jobs/ID.
    public func jobFolder(_ id: Int64) -> String {
        folder + "/" + HistoryLocation.folderName + "/jobs/" + String(id)
    }

    public func addJob(kind: String, scenario: String, user: String) throws -> Int64 {
        try database.writing { db in
            try db.execute(
                sql: "INSERT INTO job (kind, scenario, user, state, created_at) VALUES (?, ?, ?, 'queued', ?)",
                arguments: [kind, scenario, user, Self.now()])
            return db.lastInsertedRowID
        }
    }

    public func markRunning(job id: Int64) throws {
        try database.writing { db in try db.execute(sql: "UPDATE job SET state = 'running' WHERE id = ?", arguments: [id]) }
    }

    public func finish(job id: Int64, exitCode: Int32, runID: Int64?, message: String) throws {
        try database.writing { db in
            try db.execute(
                sql: "UPDATE job SET state = ?, finished_at = ?, exit_code = ?, run_id = ?, message = ? WHERE id = ?",
                arguments: [exitCode == 0 ? "done" : "failed", Self.now(), exitCode, runID, String(message.suffix(4000)), id])
        }
    }

    /// Marks every job still queued or running as interrupted (a server that starts: none of them is alive).
    @discardableResult
    public func interruptUnfinishedJobs() throws -> Int {
        try database.writing { db in
            try db.execute(
                sql: "UPDATE job SET state = 'interrupted', finished_at = ? WHERE state IN ('queued', 'running')", arguments: [Self.now()])
            return db.changesCount
        }
    }

    public func job(_ id: Int64) throws -> Job? {
        try database.reading { db in try Row.fetchOne(db, sql: "SELECT * FROM job WHERE id = ?", arguments: [id]).map(Self.job) }
    }

    /// The latest jobs, newest first.
    public func jobs(limit: Int = 20) throws -> [Job] {
        try database.reading { db in try Row.fetchAll(db, sql: "SELECT * FROM job ORDER BY id DESC LIMIT ?", arguments: [limit]).map(Self.job) }
    }

    static func job(_ row: Row) -> Job {
        Job(
            id: row["id"], kind: row["kind"], scenario: row["scenario"], user: row["user"],
            state: Job.State(rawValue: row["state"]) ?? .interrupted, createdAt: row["created_at"], finishedAt: row["finished_at"],
            exitCode: row["exit_code"], runID: row["run_id"], message: row["message"])
    }

    /// The YAML scenarios at the top of the workspace folder, by file name (the only ones the pages solve).
    public func scenarioFiles() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && !$0.hasPrefix(".") }.sorted()
    }
}
