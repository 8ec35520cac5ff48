import Foundation
import GreenAllocHistory
import GreenAllocWorkspace
import Testing
import WorkspaceTestSupport

/// `kill -9` of the server while a job runs: started again on the same workspace it shows the job as
/// interrupted, the history database is sound, no run was recorded for the job, and no output is served.
@Suite struct ServerKillTests {
    /// A workspace holding a copy of the Shandong baseline scenario and its tables, and an admin.
    static func shandongWorkspace() throws -> URL {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let source = repository.appendingPathComponent("Scenarios/shandong")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("greenalloc-kill-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["baseline-2022.yaml", "data"] {
            try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        try Workspace(folder: folder.path).createUser(name: "wang", role: .admin, password: "admin-password")
        return folder
    }

    @Test func aJobCutOffByKill9IsInterruptedAndLeavesNothingBehind() async throws {
        let folder = try Self.shandongWorkspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try LiveServer(workspace: folder.path)
        defer { first.sigkill() }
        let visitor = try await OfficeVisitor(server: first, name: "wang", password: "admin-password")
        let job = try await visitor.solve(first, scenario: "baseline-2022.yaml")
        let running = try await visitor.watch(first, job: job, every: .milliseconds(10)) { !$0.contains("<strong>排队中</strong>") }
        first.sigkill()
        try #require(running.contains("<strong>求解中</strong>"), "the job was not seen running: \(running)")

        let second = try LiveServer(workspace: folder.path)
        defer { _ = second.stop() }
        let page = try await visitor.get(second, job)
        let file = try await visitor.get(second, job + "/files/report.html")
        #expect(second.stop() == 0)
        #expect(page.status == 200 && page.text.contains("<strong>已中断（服务器曾停止）</strong>"), "\(page.text)")
        #expect(!page.text.contains("/files/") && file.status == 404)

        let workspace = try Workspace(folder: folder.path)
        let id = try #require(Int64(job.split(separator: "/").last ?? ""))
        #expect(try workspace.job(id).map { [$0.state == .interrupted, $0.runID == nil] } == [true, true])
        #expect(try workspace.database.runs().isEmpty)
        #expect(!FileManager.default.fileExists(atPath: workspace.jobFolder(id)))
        let history = try HistoryDatabase(path: Workspace.historyPath(folder.path), create: false)
        #expect(try history.integrityCheck() == ["ok"])
    }
}
