internal import Foundation
internal import GreenAllocCore
internal import GreenAllocInputs

/// Keeps the server's scenarios inside the workspace: every file a scenario names (the files of its `extends`
/// chain and its tables), with symbolic links resolved, must lie under the workspace folder's own real path.
struct ScenarioConfinement: Sendable {
    let root: String

    init(folder: String) {
        root = Self.realPath(folder) ?? folder
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The messages of the files of `scenario` that resolve outside the workspace (none for a scenario that does
    /// not load: its own errors say why, and nothing is read from it).
    func outside(_ scenario: String) -> [String] {
        guard case .success(let loaded) = ScenarioLoader.load(path: scenario) else { return [] }
        let tables = loaded.scenario.tables
        let named = loaded.files + TablePath.files([tables.cities, tables.parks, tables.projects, tables.banks])
        return named.compactMap { file in
            guard let real = Self.realPath(file) else { return nil }
            guard !real.hasPrefix(root + "/") else { return nil }
            let shown = file.hasPrefix(root + "/") ? String(file.dropFirst(root.count + 1)) : file
            return "\(shown): refused, it resolves outside the workspace folder"
        }
    }
}
