internal import Foundation
internal import GRDB
internal import GreenAllocHistory

/// One request of the bank API or the bank page, as the access log keeps it.
public struct BankAccess: Sendable, Equatable {
    public var at: String = ""
    public var tokenID: Int64?
    /// The bank the token belongs to (nil: no token, or one not in force).
    public var tokenBank: String?
    public var requestedBank: String
    public var requestedRun: String?
    public var format: String
    public var status: Int
    /// The run whose list was sent.
    public var runID: Int64?
    public var remote: String

    public init(
        tokenID: Int64?, tokenBank: String?, requestedBank: String, requestedRun: String?, format: String, status: Int,
        runID: Int64?, remote: String
    ) {
        (self.tokenID, self.tokenBank, self.requestedBank, self.requestedRun) = (tokenID, tokenBank, requestedBank, requestedRun)
        (self.format, self.status, self.runID, self.remote) = (format, status, runID, remote)
    }
}

extension Workspace {
    public func log(_ access: BankAccess) throws { try log([access]) }

    /// Several accesses in one transaction (all or none), in order.
    public func log(_ accesses: [BankAccess]) throws {
        let at = Self.now()
        try database.writing { db in
            for access in accesses {
                try db.execute(
                    sql: """
                        INSERT INTO bank_access (at, token_id, token_bank, requested_bank, requested_run, format, status, run_id, remote)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        at, access.tokenID, access.tokenBank, String(access.requestedBank.prefix(200)),
                        access.requestedRun.map { String($0.prefix(200)) }, access.format, access.status, access.runID, access.remote,
                    ])
            }
        }
    }

    /// The access log, oldest first.
    public func accessLog() throws -> [BankAccess] {
        try database.reading { db in
            try Row.fetchAll(db, sql: "SELECT * FROM bank_access ORDER BY id").map { row in
                var access = BankAccess(
                    tokenID: row["token_id"], tokenBank: row["token_bank"], requestedBank: row["requested_bank"],
                    requestedRun: row["requested_run"], format: row["format"], status: row["status"], runID: row["run_id"],
                    remote: row["remote"])
                access.at = row["at"]
                return access
            }
        }
    }
}
