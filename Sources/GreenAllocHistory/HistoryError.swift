/// Why a history database cannot be used. `isInputError` marks the ones that exit 65 (a file that is not a
/// greenalloc history); the others exit 1 when the history was named, and are a warning otherwise.
public enum HistoryError: Error, CustomStringConvertible, Equatable {
    /// The file exists but is not an SQLite database, or SQLite found it damaged. It is never written.
    case corrupt(path: String, detail: String)
    /// The database was written by a newer greenalloc (a schema this version does not know). It is never written.
    case newerSchema(path: String, migrations: [String])
    /// The file cannot be created, opened or written (permissions, a full disk, a lock held too long).
    case unwritable(path: String, detail: String)
    /// A run, input or output asked for is not in the history.
    case unknownRun(path: String, id: Int64)
    case missingBlob(sha256: String)

    public var isInputError: Bool {
        switch self {
        case .corrupt, .newerSchema: true
        default: false
        }
    }

    /// A run id that is not in the history (a usage error).
    public var isUnknownRun: Bool {
        if case .unknownRun = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .corrupt(let path, let detail):
            "the history '\(path)' is not a readable greenalloc history (\(detail)); it was left as it is: move it "
                + "away, or name another file with --history, or pass --no-history"
        case .newerSchema(let path, let migrations):
            "the history '\(path)' was written by a newer greenalloc (schema steps unknown here: "
                + "\(migrations.joined(separator: ", "))); it was left as it is: use that greenalloc, or name "
                + "another file with --history"
        case .unwritable(let path, let detail):
            "cannot write the history '\(path)': \(detail)"
        case .unknownRun(let path, let id):
            "no run \(id) in the history '\(path)' (`greenalloc history` lists the runs)"
        case .missingBlob(let sha256):
            "the history lacks the stored bytes of \(sha256) (the database was edited by hand?)"
        }
    }
}
