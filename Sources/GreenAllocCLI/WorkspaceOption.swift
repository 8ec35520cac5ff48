internal import ArgumentParser
internal import Foundation
internal import GreenAllocWorkspace

/// `--workspace DIR`: the folder served by greenalloc-server, whose history holds its accounts, bank tokens
/// and publications.
struct WorkspaceOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The workspace folder (its history is DIR/.greenalloc/history.sqlite).", valueName: "DIR"))
    var workspace: String

    func open() throws -> Workspace {
        try usage { try Workspace(folder: workspace) }
    }
}

/// Runs `body`, turning the workspace's refusals (a bad id, an existing user, a weak password) into usage errors.
func usage<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as WorkspaceError {
        throw UsageError(message: error.description)
    }
}

/// The name the history records for a person at this terminal: the login name.
func loginName() -> String {
    let environment = ProcessInfo.processInfo.environment
    return environment["USER"] ?? environment["LOGNAME"] ?? "unknown"
}
