public import Foundation
internal import GRDB
internal import GreenAllocHistory

/// A signed-in person of the office: the account, its role and the session's CSRF value (every form carries it).
public struct OfficeSession: Sendable, Equatable {
    public var user: String
    public var role: OfficeRole
    public var csrf: String
}

extension Workspace {
    /// How long a session lasts.
    public static let sessionSeconds: TimeInterval = 8 * 3600

    /// Starts a session for a signed-in user; returns the cookie's value (the database keeps its SHA-256).
    public func startSession(user: String) throws -> (cookie: String, session: OfficeSession) {
        guard let role = try role(of: user) else { throw WorkspaceError.unknownUser(user) }
        let cookie = SecretText.base64URL(SecretText.randomBytes(32))
        let csrf = SecretText.formToken()
        let expires = Self.text(Date().addingTimeInterval(Self.sessionSeconds))
        try database.writing { db in
            try db.execute(sql: "DELETE FROM office_session WHERE expires_at < ?", arguments: [Self.now()])
            try db.execute(
                sql: "INSERT INTO office_session (token_sha256, user, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [SecretText.sha256Hex(cookie), user, csrf, Self.now(), expires])
        }
        return (cookie, OfficeSession(user: user, role: role, csrf: csrf))
    }

    /// The session of a cookie that is in force, nil otherwise.
    public func session(cookie: String) throws -> OfficeSession? {
        guard cookie.utf8.count <= 64 else { return nil }
        let row = try database.reading { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT s.user, s.csrf, u.role FROM office_session s JOIN office_user u ON u.name = s.user
                    WHERE s.token_sha256 = ? AND s.expires_at > ?
                    """,
                arguments: [SecretText.sha256Hex(cookie), Self.now()])
        }
        guard let row, let role = OfficeRole(rawValue: row["role"]) else { return nil }
        return OfficeSession(user: row["user"], role: role, csrf: row["csrf"])
    }

    public func endSession(cookie: String) throws {
        try database.writing { db in
            try db.execute(sql: "DELETE FROM office_session WHERE token_sha256 = ?", arguments: [SecretText.sha256Hex(cookie)])
        }
    }

    static func text(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
