public import Foundation
internal import GRDB

extension HistoryDatabase {
    /// Writes a run, its inputs and its outputs in one transaction; returns the run's id.
    @discardableResult
    public func record(_ run: RunRecord) throws -> Int64 {
        try access { queue in
            var id: Int64 = 0
            try queue.inTransaction(.immediate) { db in
                id = try insertRun(run, db)
                for (position, input) in run.inputs.enumerated() {
                    let sha256 = try store(input.bytes, db)
                    try db.execute(
                        sql: "INSERT INTO run_input (run_id, position, role, path, sha256, size) VALUES (?, ?, ?, ?, ?, ?)",
                        arguments: [id, position, input.role, input.path, sha256, input.bytes.count])
                }
                for output in run.outputs {
                    let sha256 = output.stored ? try store(output.bytes, db) : StoredBytes.sha256(output.bytes)
                    try db.execute(
                        sql: "INSERT INTO run_output (run_id, name, sha256, size, stored) VALUES (?, ?, ?, ?, ?)",
                        arguments: [id, output.name, sha256, output.bytes.count, output.stored])
                }
                return .commit
            }
            return id
        }
    }

    func insertRun(_ run: RunRecord, _ db: Database) throws -> Int64 {
        let arguments = (try? JSONSerialization.data(withJSONObject: run.arguments, options: [.withoutEscapingSlashes]))
            .map { String(decoding: $0, as: UTF8.self) } ?? "[]"
        try db.execute(
            sql: """
                INSERT INTO run (started_at, finished_at, user, working_directory, command_line, command, scenario,
                    merged_scenario, greenalloc_version, glpk_version, settings, status, exit_code, objective, bound, gap,
                    seconds, timings, completed)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                Self.timestamp(run.startedAt), Self.timestamp(run.finishedAt), run.user, run.workingDirectory, arguments,
                run.command, run.scenario, run.mergedScenario, run.greenallocVersion, run.glpkVersion, run.settings,
                run.status, run.exitCode, run.objective, run.bound, run.gap,
                run.finishedAt.timeIntervalSince(run.startedAt), run.timings, run.completed,
            ])
        return db.lastInsertedRowID
    }

    /// Stores bytes once per SHA-256; returns the hash.
    func store(_ bytes: Data, _ db: Database) throws -> String {
        let sha256 = StoredBytes.sha256(bytes)
        let known = try Bool.fetchOne(db, sql: "SELECT 1 FROM blob WHERE sha256 = ?", arguments: [sha256]) ?? false
        if !known {
            let packed = StoredBytes.pack(bytes)
            try db.execute(
                sql: "INSERT INTO blob (sha256, size, compression, bytes) VALUES (?, ?, ?, ?)",
                arguments: [sha256, bytes.count, packed.compression, packed.bytes])
        }
        return sha256
    }

    /// UTC, to the millisecond: `2026-11-30T13:15:11.123Z` (sorts as text).
    public static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
