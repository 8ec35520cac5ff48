internal import ArgumentParser
internal import Foundation
internal import GreenAllocHistory
internal import GreenAllocWorkspace

/// `greenalloc publish RUN|SCENARIO --workspace DIR`: what the banks see.
struct Publish: ParsableCommand, ConsoleCommand {
    static let configuration = CommandConfiguration(
        abstract: "Publish a run's bank lists to the banks (solving a scenario first when given one).",
        discussion: """
            RUN is a run id of the workspace's history (a solve whose scenario has a loans section); a SCENARIO \
            file is solved first, the run recorded in the workspace's history, and then published. The lists \
            published are the run's bank-<id>.csv and bank-<id>.xlsx, and the same lines as JSON; each bank's \
            list names no other bank. A run is rendered again from its stored inputs and published only when \
            every bank list comes out byte-identical to the recorded one. The publication records who \
            published it (--as, an account of the workspace; else the login name). greenalloc-server serves \
            the latest publication to the banks, and an older one on request; unpublished runs are never shown.

            Exit codes: 0 published, 64 unknown run, a run without bank lists or an unknown account, 65 a \
            scenario with input errors, 3/4 a scenario that did not solve.
            """)

    @Argument(help: "A run id (`greenalloc history`), or a scenario YAML file.")
    var target: String

    @OptionGroup var workspace: WorkspaceOption

    @Option(name: .customLong("as"), help: "The account publishing (default: the login name).")
    var user: String?

    func execute(console: Console) throws -> Int32 {
        do {
            return try publish(console: console)
        } catch let failure as PublishFailure {
            console.error("greenalloc: \(failure.message)\n")
            return failure.code
        }
    }

    func publish(console: Console) throws -> Int32 {
        let workspace = try workspace.open()
        if let user, try workspace.role(of: user) == nil { throw UsageError(message: WorkspaceError.unknownUser(user).description) }
        let folder = try HistoryRerun.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (run, out): (Int64, String)
        if let id = Int64(target) {
            (run, out) = try Self.renderAgain(run: id, database: workspace.database, folder: folder, console: console)
        } else {
            (run, out) = try Self.solve(scenario: target, database: workspace.database, folder: folder, console: console)
        }
        let lists = try BankListFiles.read(folder: out, run: run)
        let publication = try usage { try workspace.publish(run: run, by: user ?? loginName(), lists: lists) }
        console.error("greenalloc: run \(run) published (\(lists.count) bank lists: \(lists.keys.sorted().joined(separator: ", ")))\n")
        console.out("published run \(publication.runID) at \(publication.publishedAt) by \(publication.publishedBy)\n")
        return ExitStatus.success
    }

    /// Solves the scenario into `folder/out`, recording the run in the workspace's history.
    static func solve(scenario: String, database: HistoryDatabase, folder: String, console: Console) throws -> (Int64, String) {
        let out = folder + "/out"
        let before = try database.runs().last?.id ?? 0
        let code = CommandLineRunner.run(["solve", scenario, "--out", out, "--history", database.path], console: console)
        guard code == ExitStatus.success else {
            throw PublishFailure(code: code, message: "the scenario did not solve (exit \(code)); nothing was published")
        }
        guard let run = try database.runs().last(where: { $0.id > before && $0.command == "solve" }) else {
            throw UsageError(message: "the solve was not recorded in the workspace's history; nothing was published")
        }
        return (run.id, out)
    }

    /// Renders a recorded solve again; every bank list must match the recorded one byte for byte.
    static func renderAgain(run id: Int64, database: HistoryDatabase, folder: String, console: Console) throws -> (Int64, String) {
        let rerun = try HistoryRerun(database: database, id: id)
        guard rerun.run.command == "solve" else { throw UsageError(message: "run \(id) is a \(rerun.run.command); only a solve can be published") }
        let recorded = try database.outputs(of: id).filter { $0.path.hasPrefix("bank-") }
        guard !recorded.isEmpty else { throw UsageError(message: WorkspaceError.noBankLists(run: id).description) }
        let result = try rerun.perform(in: folder, addOut: true, console: console)
        let differing = ReplayComparison(recorded: recorded, replayed: result.outputs.filter { $0.path.hasPrefix("bank-") }).differing
        guard differing.isEmpty, let out = result.outFolder else {
            throw PublishFailure(
                code: ExitStatus.failure,
                message: "run \(id) does not render again to its recorded bank lists (\(differing.joined(separator: "; "))); nothing was published")
        }
        return (id, out)
    }
}

/// A publication refused after solving: the message and the exit code say why.
struct PublishFailure: Error, CustomStringConvertible {
    var code: Int32
    var message: String
    var description: String { message }
}
