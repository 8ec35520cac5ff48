internal import GRDB

/// The history's tables, built by numbered migrations from the first release on: a database is brought up to
/// this version's schema when it is opened, and one with migrations this version does not know (a newer
/// greenalloc's) is refused before anything is written.
enum HistorySchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-runs-inputs-outputs", migrate: version1)
        migrator.registerMigration("workspace-v1-people-banks-publications", migrate: workspaceVersion1)
        migrator.registerMigration("workspace-v2-sessions-jobs", migrate: workspaceVersion2)
        return migrator
    }

    /// The first schema: runs, the bytes they read and wrote (stored once per SHA-256), and which run used which.
    static func version1(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE run (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    started_at TEXT NOT NULL,
                    finished_at TEXT NOT NULL,
                    user TEXT NOT NULL,
                    working_directory TEXT NOT NULL,
                    command_line TEXT NOT NULL,
                    command TEXT NOT NULL,
                    scenario TEXT NOT NULL,
                    merged_scenario TEXT NOT NULL,
                    greenalloc_version TEXT NOT NULL,
                    glpk_version TEXT NOT NULL,
                    settings TEXT NOT NULL,
                    status TEXT NOT NULL,
                    exit_code INTEGER NOT NULL,
                    objective REAL,
                    bound REAL,
                    gap REAL,
                    seconds REAL NOT NULL,
                    timings TEXT NOT NULL,
                    completed INTEGER NOT NULL
                );
                CREATE INDEX run_started_at ON run(started_at);
                CREATE TABLE blob (
                    sha256 TEXT PRIMARY KEY NOT NULL,
                    size INTEGER NOT NULL,
                    compression TEXT NOT NULL,
                    bytes BLOB NOT NULL
                );
                CREATE TABLE run_input (
                    run_id INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    role TEXT NOT NULL,
                    path TEXT NOT NULL,
                    sha256 TEXT NOT NULL REFERENCES blob(sha256),
                    size INTEGER NOT NULL,
                    PRIMARY KEY (run_id, position)
                );
                CREATE INDEX run_input_sha256 ON run_input(sha256);
                CREATE TABLE run_output (
                    run_id INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
                    name TEXT NOT NULL,
                    sha256 TEXT NOT NULL,
                    size INTEGER NOT NULL,
                    stored INTEGER NOT NULL,
                    PRIMARY KEY (run_id, name)
                );
                CREATE INDEX run_output_sha256 ON run_output(sha256);
                """)
    }
}
