internal import GRDB
internal import GreenAllocHistory

/// The banks' tokens: 256 random bits, handed out once and kept only as their SHA-256.
extension Workspace {
    /// A new token for `bank`; returns the token (the only time it exists in clear).
    public func createBankToken(bank: String, createdBy: String) throws -> String {
        guard WorkspaceIdentifier.isValid(bank) else { throw WorkspaceError.invalidIdentifier(kind: "bank id", value: bank) }
        let token = "gab_" + SecretText.base64URL(SecretText.randomBytes(32))
        try database.writing { db in
            try db.execute(
                sql: "INSERT INTO bank_token (bank, token_sha256, created_at, created_by) VALUES (?, ?, ?, ?)",
                arguments: [bank, SecretText.sha256Hex(token), Self.now(), createdBy])
        }
        return token
    }

    /// Revokes every token of `bank` still in force; returns how many.
    @discardableResult
    public func revokeBankTokens(bank: String) throws -> Int {
        guard WorkspaceIdentifier.isValid(bank) else { throw WorkspaceError.invalidIdentifier(kind: "bank id", value: bank) }
        let count = try database.writing { db in
            try db.execute(
                sql: "UPDATE bank_token SET revoked_at = ? WHERE bank = ? AND revoked_at IS NULL", arguments: [Self.now(), bank])
            return db.changesCount
        }
        if count == 0 { throw WorkspaceError.noActiveToken(bank) }
        return count
    }

    /// The bank a token in force belongs to (and the token's row id); nil for a revoked, forged or malformed one.
    public func bank(forToken token: String) throws -> (bank: String, tokenID: Int64)? {
        guard token.hasPrefix("gab_"), token.utf8.count <= 128 else { return nil }
        let row = try database.reading { db in
            try Row.fetchOne(
                db, sql: "SELECT id, bank FROM bank_token WHERE token_sha256 = ? AND revoked_at IS NULL",
                arguments: [SecretText.sha256Hex(token)])
        }
        guard let row else { return nil }
        return (row["bank"], row["id"])
    }
}
