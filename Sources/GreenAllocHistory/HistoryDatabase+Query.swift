public import Foundation
internal import GRDB

extension HistoryDatabase {
    /// The runs, oldest first; `scenario` keeps the runs of that scenario name, `since` those started at or
    /// after that time (an ISO 8601 UTC prefix such as `2026-11-30` or `2026-11-30T13:00`).
    public func runs(scenario: String? = nil, since: String? = nil) throws -> [StoredRun] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let scenario {
            conditions.append("scenario = ?")
            arguments += [scenario]
        }
        if let since {
            conditions.append("started_at >= ?")
            arguments += [since]
        }
        let filter = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        return try access { queue in
            try queue.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM run\(filter) ORDER BY id", arguments: arguments).map(Self.run)
            }
        }
    }

    /// One run; throws `unknownRun` when there is none with that id.
    public func run(_ id: Int64) throws -> StoredRun {
        let row = try access { queue in try queue.read { try Row.fetchOne($0, sql: "SELECT * FROM run WHERE id = ?", arguments: [id]) } }
        guard let row else { throw HistoryError.unknownRun(path: path, id: id) }
        return Self.run(row)
    }

    static func run(_ row: Row) -> StoredRun {
        let commandLine: String = row["command_line"]
        let arguments = (try? JSONSerialization.jsonObject(with: Data(commandLine.utf8))) as? [String] ?? []
        let facts = RunFacts(
            user: row["user"], workingDirectory: row["working_directory"], arguments: arguments, command: row["command"],
            scenario: row["scenario"], mergedScenario: row["merged_scenario"], greenallocVersion: row["greenalloc_version"],
            glpkVersion: row["glpk_version"], settings: row["settings"], status: row["status"], exitCode: row["exit_code"],
            objective: row["objective"], bound: row["bound"], gap: row["gap"], timings: row["timings"],
            completed: row["completed"])
        return StoredRun(id: row["id"], startedAt: row["started_at"], finishedAt: row["finished_at"], seconds: row["seconds"], facts: facts)
    }

    /// The files a run read, in the order it read them.
    public func inputs(of id: Int64) throws -> [StoredFile] {
        try access { queue in
            try queue.read { db in
                try Row.fetchAll(
                    db, sql: "SELECT role, path, sha256, size FROM run_input WHERE run_id = ? ORDER BY position", arguments: [id]
                ).map { StoredFile(role: $0["role"], path: $0["path"], sha256: $0["sha256"], size: $0["size"], stored: true) }
            }
        }
    }

    /// The documents a run wrote, by name.
    public func outputs(of id: Int64) throws -> [StoredFile] {
        try access { queue in
            try queue.read { db in
                try Row.fetchAll(
                    db, sql: "SELECT name, sha256, size, stored FROM run_output WHERE run_id = ? ORDER BY name", arguments: [id]
                ).map { StoredFile(role: "output", path: $0["name"], sha256: $0["sha256"], size: $0["size"], stored: $0["stored"]) }
            }
        }
    }

    /// The bytes stored under `sha256`, checked against their hash.
    public func bytes(_ sha256: String) throws -> Data {
        let row = try access { queue in
            try queue.read { try Row.fetchOne($0, sql: "SELECT size, compression, bytes FROM blob WHERE sha256 = ?", arguments: [sha256]) }
        }
        guard let row, let bytes = StoredBytes.unpack(row["bytes"], compression: row["compression"], size: row["size"], sha256: sha256)
        else { throw HistoryError.missingBlob(sha256: sha256) }
        return bytes
    }

    /// Deletes the runs with these ids and those started before `before` (an ISO 8601 UTC prefix), then the
    /// stored bytes no remaining run uses, overwriting what it deletes; returns the ids removed.
    public func prune(ids: [Int64], before: String?) throws -> [Int64] {
        try access { queue in
            var removed: [Int64] = []
            try queue.inTransaction(.immediate) { db in
                try db.execute(sql: "PRAGMA secure_delete = ON")
                var selected = Set(ids)
                if let before {
                    selected.formUnion(try Int64.fetchAll(db, sql: "SELECT id FROM run WHERE started_at < ?", arguments: [before]))
                }
                removed = try Int64.fetchAll(db, sql: "SELECT id FROM run ORDER BY id").filter(selected.contains)
                for id in removed { try db.execute(sql: "DELETE FROM run WHERE id = ?", arguments: [id]) }
                try db.execute(
                    sql: """
                        DELETE FROM blob WHERE sha256 NOT IN (SELECT sha256 FROM run_input)
                            AND sha256 NOT IN (SELECT sha256 FROM run_output WHERE stored)
                        """)
                return .commit
            }
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
                try db.execute(sql: "VACUUM")
            }
            return removed
        }
    }
}
