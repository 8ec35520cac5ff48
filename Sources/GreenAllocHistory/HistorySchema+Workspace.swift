internal import GRDB

extension HistorySchema {
    /// The workspace served to the office and the banks: the office's accounts, the banks' tokens (SHA-256 of
    /// the token only), the published runs with each bank's list in every format, and every bank access.
    static func workspaceVersion1(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE office_user (
                    name TEXT PRIMARY KEY NOT NULL,
                    role TEXT NOT NULL CHECK (role IN ('admin', 'planner')),
                    password_hash TEXT NOT NULL,
                    created_at TEXT NOT NULL
                );
                CREATE TABLE bank_token (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    bank TEXT NOT NULL,
                    token_sha256 TEXT NOT NULL UNIQUE,
                    created_at TEXT NOT NULL,
                    created_by TEXT NOT NULL,
                    revoked_at TEXT
                );
                CREATE INDEX bank_token_bank ON bank_token(bank);
                CREATE TABLE publication (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    run_id INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
                    published_at TEXT NOT NULL,
                    published_by TEXT NOT NULL
                );
                CREATE INDEX publication_run ON publication(run_id);
                CREATE TABLE published_list (
                    publication_id INTEGER NOT NULL REFERENCES publication(id) ON DELETE CASCADE,
                    bank TEXT NOT NULL,
                    format TEXT NOT NULL,
                    bytes BLOB NOT NULL,
                    PRIMARY KEY (publication_id, bank, format)
                );
                CREATE TABLE bank_access (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    at TEXT NOT NULL,
                    token_id INTEGER,
                    token_bank TEXT,
                    requested_bank TEXT NOT NULL,
                    requested_run TEXT,
                    format TEXT NOT NULL,
                    status INTEGER NOT NULL,
                    run_id INTEGER,
                    remote TEXT NOT NULL
                );
                """)
    }

    /// The office's pages: sign-in sessions (SHA-256 of the cookie only, with the session's CSRF value) and
    /// the solve jobs started from them (a job left queued or running by a server that died is marked
    /// interrupted when the next one starts).
    static func workspaceVersion2(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE office_session (
                    token_sha256 TEXT PRIMARY KEY NOT NULL,
                    user TEXT NOT NULL REFERENCES office_user(name) ON DELETE CASCADE,
                    csrf TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    expires_at TEXT NOT NULL
                );
                CREATE TABLE job (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    kind TEXT NOT NULL,
                    scenario TEXT NOT NULL,
                    user TEXT NOT NULL,
                    state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed', 'interrupted')),
                    created_at TEXT NOT NULL,
                    finished_at TEXT,
                    exit_code INTEGER,
                    run_id INTEGER,
                    message TEXT NOT NULL DEFAULT ''
                );
                """)
    }
}
