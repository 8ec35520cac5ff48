internal import Foundation
public import GreenAllocHistory

/// A workspace folder served to the office and the banks: its scenarios and tables, and its history database
/// (`DIR/.greenalloc/history.sqlite`), which also holds the office's accounts, the banks' tokens, the
/// published runs and the bank access log.
public struct Workspace: Sendable {
    public let folder: String
    public let database: HistoryDatabase

    /// Opens the workspace at `folder` (which must be a folder), creating its history when there is none.
    public init(folder: String) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw WorkspaceError.notAFolder(folder)
        }
        self.folder = URL(fileURLWithPath: folder).standardizedFileURL.path
        database = try HistoryDatabase(path: Self.historyPath(self.folder), create: true)
    }

    public static func historyPath(_ folder: String) -> String {
        folder + "/" + HistoryLocation.folderName + "/" + HistoryLocation.fileName
    }

    /// The current time as the history writes it (ISO 8601, UTC, to the second).
    static func now() -> String { text(Date()) }
}

/// Bank ids, user names and run ids as they may appear in a URL or on a command line: 1 to 64 of
/// `A-Z a-z 0-9 _ -`. Anything else is refused before it reaches the database or the file system.
public enum WorkspaceIdentifier {
    public static func isValid(_ text: some StringProtocol) -> Bool {
        guard (1...64).contains(text.utf8.count) else { return false }
        return text.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x5F || byte == 0x2D
        }
    }
}

public enum WorkspaceError: Error, Equatable, CustomStringConvertible {
    case notAFolder(String)
    case invalidIdentifier(kind: String, value: String)
    case userExists(String)
    case weakPassword(String)
    case unknownBank(bank: String, known: [String])
    case noActiveToken(String)
    case unknownUser(String)
    case noBankLists(run: Int64)

    public var description: String {
        switch self {
        case .notAFolder(let path): "the workspace '\(path)' is not a folder"
        case .invalidIdentifier(let kind, let value):
            "invalid \(kind) '\(value)': use 1 to 64 letters, digits, '_' or '-'"
        case .userExists(let name): "the user '\(name)' exists already"
        case .weakPassword(let reason): "password refused: \(reason)"
        case .unknownBank(let bank, let known):
            "unknown bank '\(bank)'; banks of the latest published run: \(known.isEmpty ? "(none published yet)" : known.joined(separator: ", "))"
        case .noActiveToken(let bank): "bank '\(bank)' has no token to revoke"
        case .unknownUser(let name): "no user '\(name)' in this workspace (`greenalloc user create` adds one)"
        case .noBankLists(let run): "run \(run) has no bank lists (its scenario has no loans section)"
        }
    }
}
