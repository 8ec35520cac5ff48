import ExternalProgram
import Foundation
import GreenAllocWorkspace
import Testing
import WorkspaceTestSupport

/// The office's workbench end to end over a real socket: the built server on a copy of the loan workspace, an
/// admin signs in through the form, starts a solve from the scenarios page, waits for the job, and the job's
/// report.html and the job page are rendered by Debian's headless Chromium to PNGs that are not blank.
@Suite(.enabled(if: HeadlessChromium.path != nil, "Chromium is not installed (.ci/run installs chromium, fonts-noto-cjk and poppler-utils)"))
struct WorkbenchBrowserTests {
    /// A PNG screenshot of a saved page, its size in bytes (at most 120 s).
    static func screenshot(_ page: URL, in folder: URL) throws -> Int {
        let chromium = try #require(HeadlessChromium.path)
        let shot = folder.appendingPathComponent("shot-" + UUID().uuidString + ".png")
        let run = ProgramRun(
            executable: chromium,
            arguments: ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                "--user-data-dir=" + folder.appendingPathComponent("profile-" + UUID().uuidString).path,
                "--screenshot=" + shot.path, "--window-size=1000,1400", page.absoluteString],
            logFile: folder.appendingPathComponent("chromium.log"))
        #expect(try run.run(until: ContinuousClock.now + .seconds(120)) == .exited(0))
        let png = try Data(contentsOf: shot)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        return png.count
    }

    @Test func signInSolveAndRenderTheReportAndTheJobPage() async throws {
        let space = try LoanWorkspace()
        defer { space.remove() }
        try Workspace(folder: space.folder).createUser(name: "wang", role: .admin, password: "admin-password")
        let server = try LiveServer(workspace: space.folder)
        defer { _ = server.stop() }
        let visitor = try await OfficeVisitor(server: server, name: "wang", password: "admin-password")
        let job = try await visitor.solve(server, scenario: "loans.yaml")
        let page = try await visitor.watch(server, job: job + "?lang=en", every: .milliseconds(200)) {
            $0.contains("<strong>done</strong>") || $0.contains("<strong>failed</strong>")
        }
        #expect(page.contains("<strong>done</strong>") && page.contains("/files/report.html"), "\(page)")

        // Headless Chromium takes no cookie on its command line: the pages are fetched with the session and
        // Chromium renders the saved files (report.html is self-contained; the job page has no script).
        let report = try await visitor.get(server, job + "/files/report.html")
        #expect(report.status == 200 && report.headers["content-type"] == "text/html; charset=utf-8")
        #expect(report.text.contains("资金分配报告"))
        let jobPage = try await visitor.get(server, job)
        #expect(jobPage.status == 200 && jobPage.text.contains("<strong>完成</strong>"))

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("greenalloc-workbench-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let saved = [("report.html", report.body), ("job.html", jobPage.body),
            ("empty.html", Data("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>x</title></head><body></body></html>".utf8))]
        for (name, data) in saved { try data.write(to: folder.appendingPathComponent(name)) }
        let sizes = try saved.map { try Self.screenshot(folder.appendingPathComponent($0.0), in: folder) }
        #expect(sizes[0] > 8 * sizes[2], "the report's screenshot (\(sizes[0]) bytes) is hardly larger than an empty page's (\(sizes[2]))")
        #expect(sizes[1] > 4 * sizes[2], "the job page's screenshot (\(sizes[1]) bytes) is hardly larger than an empty page's (\(sizes[2]))")
    }
}

/// Where the browser is: the program GREENALLOC_CHROMIUM names, or the first `chromium` on PATH.
enum HeadlessChromium {
    static let path: String? = ProcessInfo.processInfo.environment["GREENALLOC_CHROMIUM"].flatMap { $0.isEmpty ? nil : $0 }
        ?? ProgramRun.find("chromium")
}
