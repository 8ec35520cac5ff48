internal import Foundation

/// Where a command's history is: `--history FILE`, else `GREENALLOC_HISTORY`, else the nearest
/// `.greenalloc/history.sqlite` found walking up from the start folder (the scenario's, or the current one), else
/// a new one in the start folder. `named` is true for the first two: a history named there that cannot be written
/// is an error; one found or made by default is a warning.
public struct HistoryLocation: Sendable, Equatable {
    public static let folderName = ".greenalloc"
    public static let fileName = "history.sqlite"
    public static let environmentVariable = "GREENALLOC_HISTORY"

    public var path: String
    public var named: Bool

    public init(path: String, named: Bool) {
        self.path = path
        self.named = named
    }

    public static func resolve(option: String?, environment: [String: String], startFolder: String) -> HistoryLocation {
        if let option { return HistoryLocation(path: option, named: true) }
        if let variable = environment[environmentVariable], !variable.isEmpty {
            return HistoryLocation(path: variable, named: true)
        }
        let start = URL(fileURLWithPath: startFolder).standardizedFileURL
        var folder = start
        while true {
            let candidate = folder.appendingPathComponent(folderName).appendingPathComponent(fileName).path
            if FileManager.default.fileExists(atPath: candidate) { return HistoryLocation(path: candidate, named: false) }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { break }
            folder = parent
        }
        return HistoryLocation(path: start.appendingPathComponent(folderName).appendingPathComponent(fileName).path, named: false)
    }
}
