internal import Foundation
internal import GreenAllocHistory
internal import GreenAllocWorkspace
internal import Hummingbird

/// A run of the history as a page: its facts, the documents the history keeps (allocation.json, what it
/// printed), the files of the job that made it (the HTML report, charts, xlsx, csv, json), and for a run made
/// elsewhere (from the shell) a button that renders its files again from the history as a job
/// (`greenalloc show RUN --out`). And `diff` between two runs, as a page and as the CLI's csv, json or xlsx.
extension OfficeRoutes {
    func addRunPages(to router: Router<ServiceRequestContext>) {
        router.get("/office/runs/:id") { request, context in
            try await signedIn(request) { session, page in try runPage(context.parameters.get("id"), session, page) }
        }
        router.get("/office/runs/:id/files/:name") { request, context in
            try await signedIn(request) { _, _ in try storedDocument(context.parameters.get("id"), context.parameters.get("name")) }
        }
        router.post("/office/runs/:id/render") { request, context in
            try await posted(request) { session, _ in try await render(context.parameters.get("id"), session) }
        }
        router.get("/office/diff") { request, _ in
            try await signedIn(request) { session, page in await diff(request, session, page) }
        }
    }

    /// The run with this id (nil when the text is not an id or the run does not exist).
    func storedRun(_ text: String?) throws -> StoredRun? {
        guard let id = text.flatMap(Self.runID) else { return nil }
        return try workspace.database.runs().first { $0.id == id }
    }

    func runPage(_ text: String?, _ session: OfficeSession, _ page: OfficePage) throws -> Response {
        guard let run = try storedRun(text) else { return ServiceResponses.notFound }
        let stored = try workspace.database.outputs(of: run.id).filter(\.stored).map(\.path)
        let made = try workspace.jobs(limit: 10_000).filter { $0.runID == run.id || ($0.kind == "show" && $0.scenario == "run \(run.id)") }
        let published = try workspace.publications().contains { $0.runID == run.id }
        return BankPageRoutes.html(.ok, page.run(run, stored: stored, jobs: made, published: published, user: session.user))
    }

    func storedDocument(_ text: String?, _ name: String?) throws -> Response {
        guard let run = try storedRun(text), let name,
            let file = try workspace.database.outputs(of: run.id).first(where: { $0.stored && $0.path == name })
        else { return ServiceResponses.notFound }
        return Self.document(name == "stdout" ? "stdout.txt" : name, try workspace.database.bytes(file.sha256))
    }

    func render(_ text: String?, _ session: OfficeSession) async throws -> Response {
        guard let run = try storedRun(text), ["solve", "compare", "sweep", "explain"].contains(run.command) else {
            return ServiceResponses.notFound
        }
        return try await queued(kind: "show", label: "run \(run.id)", arguments: [String(run.id)], user: session.user)
    }

    func diff(_ request: Request, _ session: OfficeSession, _ page: OfficePage) async -> Response {
        let query = request.uri.queryParameters
        let runs = (try? workspace.database.runs()) ?? []
        guard let before = query.get("before").flatMap(Self.runID), let after = query.get("after").flatMap(Self.runID),
            runs.contains(where: { $0.id == before }), runs.contains(where: { $0.id == after })
        else { return ServiceResponses.notFound }
        let format = query.get("format") ?? "html"
        guard ["html", "md", "csv", "json", "xlsx"].contains(format) else { return Self.refusal("format must be html, md, csv, json or xlsx") }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("greenalloc-diff-\(UUID().uuidString).\(format)").path
        defer { unlink(file) }
        let cliFormat = format == "html" ? "md" : format
        let result = await CommandThread.run(
            ["diff", String(before), String(after), "--format", cliFormat, "--out", file, "--history", workspace.database.path])
        guard result.code == 0, let data = FileManager.default.contents(atPath: file) else {
            return Self.refusal("the diff could not be made: " + result.error)
        }
        guard format == "html" else { return Self.document("diff-\(before)-\(after).\(format)", data) }
        return BankPageRoutes.html(.ok, page.diff(before: before, after: after, markdown: String(decoding: data, as: UTF8.self), user: session.user))
    }
}

extension OfficePage {
    func run(_ run: StoredRun, stored: [String], jobs: [Job], published: Bool, user: String) -> String {
        var body = "<table>\n" + [
            (text.pick("命令", "Command"), run.command), (text.pick("情景", "Scenario"), run.scenario),
            (text.pick("状态", "Status"), run.status), (text.pick("开始（UTC）", "Started (UTC)"), run.startedAt),
            (text.pick("目标值", "Objective"), run.objective.map { String(format: "%.4f", $0) } ?? ""),
            (text.pick("已发布", "Published"), published ? text.pick("是", "yes") : text.pick("否", "no")),
        ].map { "<tr><th>\(e($0.0))</th><td>\(e($0.1))</td></tr>" }.joined(separator: "\n") + "\n</table>\n"
        body += "<h2>" + text.pick("历史中保存的文件", "Documents kept in the history") + "</h2>\n<ul>\n"
            + stored.map { "<li><a href=\"/office/runs/\(run.id)/files/\(e($0))\">\(e($0))</a></li>" }.joined(separator: "\n") + "\n</ul>\n"
        body += "<h2>" + text.pick("报告、图表与下载", "Report, charts and downloads") + "</h2>\n<ul>\n"
            + jobs.map { "<li><a href=\"\(e(link("/office/jobs/\($0.id)")))\">" + text.pick("任务 #", "Job #") + "\($0.id)</a> \(e($0.kind)) — \(e(state($0.state))) · \(e($0.user))</li>" }
                .joined(separator: "\n") + "\n</ul>\n"
        if ["solve", "compare", "sweep", "explain"].contains(run.command) {
            body += "<p>" + button("/office/runs/\(run.id)/render", text.pick("从历史重新生成全部文件", "Render all its files again from the history")) + "</p>\n"
        }
        if run.command == "solve" && !published {
            body += "<p>" + button("/office/publish", text.pick("向银行发布", "Publish to the banks"), fields: ["run": String(run.id)]) + "</p>\n"
        }
        return page(text.pick("运行 ", "Run ") + String(run.id), user: user, body: body)
    }

    /// The form choosing two runs to compare.
    func diffForm(_ runs: [StoredRun]) -> String {
        guard runs.count >= 2 else { return "" }
        let options = { (selected: Int64) in
            runs.reversed().map { "<option value=\"\($0.id)\"\($0.id == selected ? " selected" : "")>\($0.id) \(e($0.command)) \(e($0.scenario))</option>" }.joined()
        }
        return "<h2>diff</h2>\n<form method=\"get\" action=\"/office/diff\"><input type=\"hidden\" name=\"lang\" value=\"\(lang)\"><label>"
            + text.pick("较早的运行", "Earlier run") + " <select name=\"before\">" + options(runs[runs.count - 2].id) + "</select></label> <label>"
            + text.pick("较晚的运行", "Later run") + " <select name=\"after\">" + options(runs[runs.count - 1].id) + "</select></label> "
            + "<button type=\"submit\">" + text.pick("比较两次运行", "Compare the two runs") + "</button></form>\n"
    }

    func diff(before: Int64, after: Int64, markdown: String, user: String) -> String {
        let downloads = ["csv", "json", "xlsx", "md"].map {
            "<a href=\"/office/diff?before=\(before)&amp;after=\(after)&amp;format=\($0)\">\($0)</a>"
        }
        let body = "<p>" + text.pick("下载：", "Download: ") + downloads.joined(separator: " · ") + "</p>\n<pre>\(e(markdown))</pre>"
        return page("diff \(before) → \(after)", user: user, body: body)
    }
}
