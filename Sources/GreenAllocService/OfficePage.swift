internal import Foundation
internal import GreenAllocHistory
internal import GreenAllocWorkspace

/// The office's pages as HTML (no script; a running job's page refreshes itself), in Chinese or English.
struct OfficePage {
    let text: BankPage
    let csrf: String
    var lang: String { text.english ? "en" : "zh" }

    init(english: Bool, csrf: String) {
        text = BankPage(english: english)
        self.csrf = csrf
    }

    func e(_ value: String) -> String { BankPage.escape(value) }

    func link(_ path: String) -> String { path + (path.contains("?") ? "&" : "?") + "lang=" + lang }

    /// A form of one button posting `fields` (with the CSRF value) to `action`.
    func button(_ action: String, _ label: String, fields: [String: String] = [:]) -> String {
        let hidden = fields.sorted { $0.key < $1.key }.map { "<input type=\"hidden\" name=\"\(e($0.key))\" value=\"\(e($0.value))\">" }
        return "<form method=\"post\" action=\"\(e(link(action)))\" style=\"display:inline\">"
            + "<input type=\"hidden\" name=\"csrf\" value=\"\(e(csrf))\">" + hidden.joined()
            + "<button type=\"submit\">\(e(label))</button></form>"
    }

    func page(_ title: String, user: String, body: String, refresh: Bool = false) -> String {
        let navigation = "<p><a href=\"\(link("/office"))\">\(text.pick("情景", "Scenarios"))</a> · <a href=\"\(link("/office/history"))\">"
            + text.pick("历史", "History") + "</a> · " + e(user) + " " + button("/office/sign-out", text.pick("退出", "Sign out")) + "</p>\n"
        let document = text.document(title: title, body: navigation + "<h1>\(e(title))</h1>\n" + body)
        return refresh ? document.replacingOccurrences(of: "<meta charset=\"utf-8\">", with: "<meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"2\">") : document
    }

    func scenarios(_ list: [(name: String, code: Int32, messages: String)], jobs: [Job], user: String) -> String {
        var body = "<table><thead><tr><th>" + text.pick("情景文件", "Scenario file") + "</th><th>" + text.pick("校验", "Validation")
            + "</th><th></th></tr></thead><tbody>\n"
        for item in list {
            let verdict = item.code == 0 ? text.pick("通过", "valid") : text.pick("有错误", "errors")
            body += "<tr><td>\(e(item.name))</td><td>\(e(verdict))<pre>\(e(item.messages))</pre></td><td>"
                + (item.code == 0 ? button("/office/solve", text.pick("求解", "Solve"), fields: ["scenario": item.name])
                    + " <a href=\"\(e(link("/office/scenarios/\(item.name)/edit")))\">" + text.pick("编辑预算与限额", "Edit budgets and limits") + "</a>"
                    + " <a href=\"\(e(link("/office/scenarios/\(item.name)/upload")))\">" + text.pick("上传表格", "Upload a table") + "</a>" : "")
                + "</td></tr>\n"
        }
        body += "</tbody></table>\n" + analysisForms(list.filter { $0.code == 0 }.map(\.name)) + "<h2>" + text.pick("任务", "Jobs") + "</h2>\n<ul>\n"
        for job in jobs {
            body += "<li><a href=\"\(link("/office/jobs/\(job.id)"))\">#\(job.id)</a> \(e(job.kind)) \(e(job.scenario)) — \(e(state(job.state)))</li>\n"
        }
        return page(text.pick("情景", "Scenarios"), user: user, body: body + "</ul>")
    }

    func state(_ state: Job.State) -> String {
        switch state {
        case .queued: text.pick("排队中", "queued")
        case .running: text.pick("求解中", "running")
        case .done: text.pick("完成", "done")
        case .failed: text.pick("失败", "failed")
        case .interrupted: text.pick("已中断（服务器曾停止）", "interrupted (the server stopped)")
        }
    }

    func job(_ job: Job, files: [String], progress: String?, user: String) -> String {
        var body = "<p>" + e(job.kind) + " " + e(job.scenario) + " — <strong>" + e(state(job.state)) + "</strong>"
        if let run = job.runID { body += " · <a href=\"\(e(link("/office/runs/\(run)")))\">" + text.pick("运行 ", "run ") + String(run) + "</a>" }
        body += "</p>\n<p>" + text.pick("提交于 ", "Submitted at ") + e(job.createdAt) + (job.finishedAt.map { text.pick("，结束于 ", ", finished at ") + e($0) } ?? "") + "</p>\n"
        if let progress { body += "<pre class=\"progress\">\(e(String(progress.suffix(4000))))</pre>\n" }
        if !job.message.isEmpty { body += "<pre>\(e(job.message))</pre>\n" }
        if !files.isEmpty {
            body += "<ul>\n" + files.map { "<li><a href=\"/office/jobs/\(job.id)/files/\(e($0))\">\(e($0))</a></li>" }.joined(separator: "\n") + "\n</ul>\n"
        }
        if job.state == .done, job.kind == "solve", let run = job.runID {
            body += button("/office/publish", text.pick("向银行发布", "Publish to the banks"), fields: ["run": String(run)])
        }
        return page(text.pick("任务 #", "Job #") + String(job.id), user: user, body: body, refresh: !job.state.isFinished)
    }

    func history(_ runs: [StoredRun], published: Set<Int64>, user: String, note: String) -> String {
        var body = note.isEmpty ? "" : "<p>\(e(note))</p>\n"
        body += "<table><thead><tr>" + [text.pick("运行", "Run"), text.pick("开始", "Started"), text.pick("命令", "Command"),
            text.pick("情景", "Scenario"), text.pick("状态", "Status"), text.pick("已发布", "Published"), ""].map { "<th>\(e($0))</th>" }.joined()
            + "</tr></thead><tbody>\n"
        for run in runs.reversed() {
            let isPublished = published.contains(run.id)
            body += "<tr><td><a href=\"\(e(link("/office/runs/\(run.id)")))\">\(run.id)</a></td><td>\(e(run.startedAt))</td><td>\(e(run.command))</td><td>\(e(run.scenario))</td><td>\(e(run.status))</td><td>"
                + (isPublished ? text.pick("是", "yes") : "") + "</td><td>"
                + (run.command == "solve" ? button("/office/publish", text.pick("发布", "Publish"), fields: ["run": String(run.id)]) : "") + "</td></tr>\n"
        }
        return page(text.pick("历史", "History"), user: user, body: body + "</tbody></table>\n" + diffForm(runs))
    }
}
