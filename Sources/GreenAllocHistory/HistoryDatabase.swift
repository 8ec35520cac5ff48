internal import Foundation
internal import GRDB
#if canImport(Glibc)
internal import Glibc
#endif

/// One history file: an SQLite database in WAL mode (readers never wait for the writer), with a busy timeout
/// so that runs writing at the same moment take turns. Every run is written in one transaction.
public final class HistoryDatabase: Sendable {
    public let path: String
    let queue: DatabaseQueue

    /// How long a writer waits for another one before giving up.
    static let busyTimeout: TimeInterval = 30

    /// Opens the history at `path`, creating it (and its folder) when `create` is true; brings an older schema
    /// up to date. A file that is not an SQLite database, or one from a newer greenalloc, is refused and left as it is.
    public init(path: String, create: Bool) throws {
        self.path = path
        let manager = FileManager.default
        if manager.fileExists(atPath: path) {
            try Self.checkHeader(path)
        } else if create {
            let folder = (path as NSString).deletingLastPathComponent
            do {
                if !folder.isEmpty { try manager.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            } catch {
                throw HistoryError.unwritable(path: path, detail: "cannot create its folder: \(error.localizedDescription)")
            }
        } else {
            throw HistoryError.unwritable(path: path, detail: "there is no history there yet")
        }
        // Opening and migrating take turns between processes (two runs starting on a new history at once):
        // SQLite does not wait on a busy file while switching it to WAL or creating the first tables.
        let folderLock = Self.lockFolder(of: path)
        defer { folderLock.map(Self.unlock) }
        var configuration = Configuration()
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.foreignKeysEnabled = true
        configuration.label = "greenalloc.history"
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw Self.mapped(error, path: path)
        }
        do {
            try migrate()
        } catch {
            try? queue.close()
            throw error
        }
    }

    /// An exclusive advisory lock (flock) on the history's folder, held while the file is opened and migrated; nil
    /// when the folder cannot be locked (the migration's own retries remain).
    static func lockFolder(of path: String) -> Int32? {
        let folder = (path as NSString).deletingLastPathComponent
        let descriptor = open(folder.isEmpty ? "." : folder, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        guard flock(descriptor, LOCK_EX) == 0 else {
            close(descriptor)
            return nil
        }
        return descriptor
    }

    static func unlock(_ descriptor: Int32) {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    /// An SQLite database starts with these 16 bytes; an empty file is a new database.
    static func checkHeader(_ path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw HistoryError.unwritable(path: path, detail: "cannot open it for reading")
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        if !header.isEmpty && header != Data("SQLite format 3\0".utf8) {
            throw HistoryError.corrupt(path: path, detail: "not an SQLite database")
        }
    }

    func migrate() throws {
        let migrator = HistorySchema.migrator
        do {
            if try queue.read({ try migrator.hasBeenSuperseded($0) }) {
                let known = Set(migrator.migrations)
                let applied = try queue.read { try migrator.appliedIdentifiers($0) }
                throw HistoryError.newerSchema(path: path, migrations: applied.subtracting(known).sorted())
            }
            // WAL only now: switching a new file to it is its first write.
            try queue.writeWithoutTransaction { db in
                if try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") != "wal" {
                    throw HistoryError.unwritable(path: path, detail: "SQLite cannot use WAL mode on this file")
                }
            }
            if try queue.read({ try migrator.hasCompletedMigrations($0) }) { return }
            try migrateAlongsideOthers(migrator)
        } catch let error as HistoryError {
            throw error
        } catch {
            throw Self.mapped(error, path: path)
        }
    }

    /// Migrates a new or older file. Another process may be creating the same schema at the same moment (two
    /// runs starting on a new history): a failed attempt is retried, for up to 5 s, until the schema is complete,
    /// whoever completed it.
    func migrateAlongsideOthers(_ migrator: DatabaseMigrator) throws {
        var attempt = 0
        while true {
            do {
                try migrator.migrate(queue)
                return
            } catch {
                let complete = (try? queue.read { try migrator.hasCompletedMigrations($0) }) ?? false
                if complete { return }
                attempt += 1
                guard attempt < 50 else { throw error }
                usleep(100_000)
            }
        }
    }

    /// A database error as a history error: damage is `corrupt` (exit 65), anything else `unwritable`.
    static func mapped(_ error: any Error, path: String) -> HistoryError {
        if let error = error as? HistoryError { return error }
        if let error = error as? DatabaseError {
            switch error.resultCode {
            case .SQLITE_NOTADB, .SQLITE_CORRUPT:
                return .corrupt(path: path, detail: error.message ?? "SQLite reports damage")
            default:
                return .unwritable(path: path, detail: error.message ?? "\(error.resultCode)")
            }
        }
        return .unwritable(path: path, detail: "\(error)")
    }

    /// Runs `body` on the database, mapping database errors to history errors.
    func access<T>(_ body: (DatabaseQueue) throws -> T) throws -> T {
        do {
            return try body(queue)
        } catch {
            throw Self.mapped(error, path: path)
        }
    }

    /// The result of `PRAGMA integrity_check`: ["ok"] for a sound database.
    public func integrityCheck() throws -> [String] {
        try access { queue in try queue.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") } }
    }
}
