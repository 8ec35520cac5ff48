public import Foundation
internal import GRDB
internal import GreenAllocHistory

/// One bank's list in one format, as published.
public enum BankListFormat: String, Sendable, CaseIterable {
    case json, csv, xlsx

    public var contentType: String {
        switch self {
        case .json: "application/json; charset=utf-8"
        case .csv: "text/csv; charset=utf-8"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        }
    }
}

/// A published run as the banks see it: which run, when, by whom.
public struct Publication: Sendable, Equatable {
    public var id: Int64
    public var runID: Int64
    public var publishedAt: String
    public var publishedBy: String
}

extension Workspace {
    /// Publishes `run` with each bank's list (bank id → format → bytes), all in one transaction.
    @discardableResult
    public func publish(run: Int64, by user: String, lists: [String: [BankListFormat: Data]]) throws -> Publication {
        guard !lists.isEmpty else { throw WorkspaceError.noBankLists(run: run) }
        _ = try database.run(run)
        let at = Self.now()
        let id = try database.writing { db in
            try db.execute(
                sql: "INSERT INTO publication (run_id, published_at, published_by) VALUES (?, ?, ?)", arguments: [run, at, user])
            let id = db.lastInsertedRowID
            for (bank, formats) in lists.sorted(by: { $0.key < $1.key }) {
                for (format, bytes) in formats.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                    try db.execute(
                        sql: "INSERT INTO published_list (publication_id, bank, format, bytes) VALUES (?, ?, ?, ?)",
                        arguments: [id, bank, format.rawValue, bytes])
                }
            }
            return id
        }
        return Publication(id: id, runID: run, publishedAt: at, publishedBy: user)
    }

    /// Every publication, newest first.
    public func publications() throws -> [Publication] {
        try database.reading { db in
            try Row.fetchAll(db, sql: "SELECT * FROM publication ORDER BY id DESC").map(Self.publication)
        }
    }

    /// A bank's list from the latest publication (or the latest publication of run `run`): nil when that run
    /// was never published or its publication has no list for that bank — the two are not told apart.
    public func publishedList(bank: String, run: Int64?, format: BankListFormat) throws -> (runID: Int64, bytes: Data)? {
        let runFilter = run == nil ? "" : " AND p.run_id = ?"
        var arguments: StatementArguments = [bank, format.rawValue]
        if let run { arguments += [run] }
        return try database.reading { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT p.run_id, l.bytes FROM publication p JOIN published_list l ON l.publication_id = p.id
                    WHERE l.bank = ? AND l.format = ?\(runFilter) ORDER BY p.id DESC LIMIT 1
                    """,
                arguments: arguments
            ).map { (runID: $0["run_id"], bytes: $0["bytes"]) }
        }
    }

    static func publication(_ row: Row) -> Publication {
        Publication(id: row["id"], runID: row["run_id"], publishedAt: row["published_at"], publishedBy: row["published_by"])
    }
}
