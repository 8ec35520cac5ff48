import ArgumentParser
import Foundation
import GreenAllocHistory
import GreenAllocService
import GreenAllocWorkspace
import Hummingbird

/// `greenalloc-server --workspace DIR [--host 127.0.0.1] [--port 8080]`: serves the workspace's published bank
/// lists until SIGTERM or SIGINT, then stops gracefully (requests in flight are answered).
@main
struct ServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "greenalloc-server",
        abstract: "Serve a workspace: each bank's own published list, by token, and the office's workbench.",
        discussion: """
            GET /api/v1/banks/{id}/list with `Authorization: Bearer <token>` (made by `greenalloc bank-token \
            create ID --workspace DIR`) answers the bank's list of the latest run published by `greenalloc \
            publish` (?run=ID for an older published run) as JSON, CSV or xlsx (?format=, else the Accept \
            header, else JSON). The office's workbench is under /office (accounts made by `greenalloc user \
            create`): scenarios, solve, compare, sweep and explain jobs, runs and their files, diff, table uploads, \
            publishing. Listens on 127.0.0.1 by default; put a TLS reverse proxy in front of it for an \
            intranet (docs/deployment.md). Port 0 takes a free port; the address is printed on standard output.
            """)

    @Option(name: .long, help: ArgumentHelp("The workspace folder.", valueName: "DIR"))
    var workspace: String

    @Option(name: .long, help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "The port to listen on (0: any free port).")
    var port = 8080

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0 to 65535") }
    }

    func run() async throws {
        let opened: Workspace
        do {
            opened = try Workspace(folder: workspace)
        } catch {
            FileHandle.standardError.write(Data("greenalloc-server: \(error)\n".utf8))
            throw ExitCode(error is WorkspaceError ? 64 : (error as? HistoryError)?.isInputError == true ? 65 : 1)
        }
        let host = host
        let app = GreenAllocServer.application(workspace: opened, host: host, port: port) { port in
            FileHandle.standardOutput.write(Data("greenalloc-server: listening on http://\(host):\(port)\n".utf8))
        }
        try await app.runService()
    }
}
