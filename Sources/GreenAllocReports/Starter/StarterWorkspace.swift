import Foundation
internal import Spreadsheet

/// Why `greenalloc init` wrote nothing. The CLI maps it to exit code 1, as it maps a `--out` directory it may
/// not write into: the request was well formed, the destination was not usable.
public enum StarterWorkspaceError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The directory exists and holds files: init never writes over anyone's work.
    case notEmpty(path: String, entries: [String])

    public var description: String {
        switch self {
        case .notEmpty(let path, let entries):
            let shown = entries.prefix(5).joined(separator: ", ") + (entries.count > 5 ? ", …" : "")
            return "refusing to initialise \(path): it is not empty (\(shown)); choose a new or empty directory"
        }
    }
}

/// The starter workspace of `greenalloc init DIR`: `scenario.yaml` and `data/library.xlsx`.
public enum StarterWorkspace {
    public static let scenarioName = "scenario.yaml"
    public static let libraryPath = "data/library.xlsx"

    /// The files by their path inside the workspace; the same bytes on every call.
    public static func files() throws -> [String: [UInt8]] {
        [scenarioName: Array(StarterScenario.text.utf8), libraryPath: try StarterLibrary.workbook().bytes()]
    }

    /// Writes the workspace into `directory`, which must be missing or empty. The files are written, fsynced,
    /// into a fresh sibling directory that is then renamed into place: the workspace appears whole or not at all.
    public static func write(to directory: String) throws {
        let files = try files()
        let destination = directory.count > 1 && directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: destination, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw OutputDirectoryError.notADirectory(path: destination) }
            let entries = try FileManager.default.contentsOfDirectory(atPath: destination).sorted()
            if !entries.isEmpty { throw StarterWorkspaceError.notEmpty(path: destination, entries: entries) }
        }
        let parent = OutputDirectory.parentPath(of: destination)
        let suffix = "\(getpid())-\(String(UInt64.random(in: 0...UInt64.max), radix: 36))"
        let temporary = OutputDirectory.join(parent, ".\(OutputDirectory.lastComponent(of: destination)).init-\(suffix)")
        do {
            if !FileManager.default.fileExists(atPath: parent) {
                try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            }
            try FileManager.default.createDirectory(
                atPath: OutputDirectory.join(temporary, "data"), withIntermediateDirectories: true)
            for path in files.keys.sorted() {
                try OutputDirectory.writeFile(OutputDirectory.join(temporary, path), bytes: files[path] ?? [])
            }
            guard rename(temporary, destination) == 0 else {
                throw OutputDirectoryError.system(operation: "rename", path: destination, errno: errno)
            }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
    }
}
