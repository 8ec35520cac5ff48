internal import GRDB
internal import GreenAllocHistory

/// The office's people: each has an account with a role; the history records who ran and who published what.
public enum OfficeRole: String, Sendable, CaseIterable {
    /// May also manage bank tokens and accounts.
    case admin
    /// Solves and publishes.
    case planner
}

extension Workspace {
    /// Adds an account; the name follows `WorkspaceIdentifier`, the password at least 10 characters.
    public func createUser(name: String, role: OfficeRole, password: String) throws {
        guard WorkspaceIdentifier.isValid(name) else { throw WorkspaceError.invalidIdentifier(kind: "user name", value: name) }
        if try self.role(of: name) != nil { throw WorkspaceError.userExists(name) }
        let hash = try PasswordHash.make(password)
        try database.writing { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM office_user WHERE name = ?", arguments: [name]) == true {
                throw WorkspaceError.userExists(name)
            }
            try db.execute(
                sql: "INSERT INTO office_user (name, role, password_hash, created_at) VALUES (?, ?, ?, ?)",
                arguments: [name, role.rawValue, hash, Self.now()])
        }
    }

    /// The user's role when the password is right; nil for an unknown name or a wrong password (the same
    /// work is done for both, so that the time does not tell which).
    public func signIn(name: String, password: String) throws -> OfficeRole? {
        let row = try database.reading { db in
            try Row.fetchOne(db, sql: "SELECT role, password_hash FROM office_user WHERE name = ?", arguments: [name])
        }
        let stored: String = row?["password_hash"] ?? Self.absentUserHash
        let matches = PasswordHash.verify(password, against: stored)
        guard let row, matches else { return nil }
        return OfficeRole(rawValue: row["role"])
    }

    /// The role of an account, nil when there is none.
    public func role(of name: String) throws -> OfficeRole? {
        try database.reading { db in
            try String.fetchOne(db, sql: "SELECT role FROM office_user WHERE name = ?", arguments: [name]).flatMap(OfficeRole.init)
        }
    }

    /// A well-formed hash that no password matches in practice, checked for names that have no account.
    static let absentUserHash = "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="
}
