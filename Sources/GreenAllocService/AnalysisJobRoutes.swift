internal import Foundation
internal import GreenAllocWorkspace
internal import Hummingbird

/// `compare`, `sweep` and `explain` as jobs, like a solve: posted from the forms on the scenarios page (with
/// the session's CSRF value), queued in the same bounded queue. Scenarios are named by their file name and
/// must be listed in the workspace's folder and stay inside it; fund and project ids are identifiers; scales
/// and point counts are numbers in range. Nothing else from the form reaches a command line or a path.
extension OfficeRoutes {
    func addAnalysisJobs(to router: Router<ServiceRequestContext>) {
        router.post("/office/compare") { request, _ in try await posted(request) { session, form in try await compare(session, form) } }
        router.post("/office/sweep") { request, _ in try await posted(request) { session, form in try await sweep(session, form) } }
        router.post("/office/explain") { request, _ in try await posted(request) { session, form in try await explain(session, form) } }
    }

    /// Why a form is refused (422), or nil.
    static func refusal(_ text: String) -> Response {
        BankPageRoutes.html(.unprocessableContent, BankPage(english: false).message(text))
    }

    /// The path of a listed, confined scenario file, or nil.
    func scenarioPath(_ name: String?) -> String? {
        guard let name, workspace.scenarioFiles().contains(name) else { return nil }
        let path = workspace.folder + "/" + name
        return confinement.outside(path).isEmpty ? path : nil
    }

    func compare(_ session: OfficeSession, _ form: FormFields) async throws -> Response {
        let names = form.all("scenario")
        guard (2...8).contains(names.count), Set(names).count == names.count else {
            return Self.refusal("choose 2 to 8 different scenarios to compare")
        }
        let paths = names.compactMap(scenarioPath)
        guard paths.count == names.count else { return ServiceResponses.notFound }
        return try await queued(kind: "compare", label: names.joined(separator: ", "), arguments: paths, user: session.user)
    }

    func sweep(_ session: OfficeSession, _ form: FormFields) async throws -> Response {
        guard let path = scenarioPath(form["scenario"]), let name = form["scenario"] else { return ServiceResponses.notFound }
        guard let fund = form["fund"], WorkspaceIdentifier.isValid(fund) else {
            return Self.refusal("the fund must be a fund id: 1 to 64 letters, digits, '_' or '-'")
        }
        guard let from = Self.scale(form["from"]), let to = Self.scale(form["to"]), from < to else {
            return Self.refusal("the scales must be numbers from 0.01 to 100 (or 1% to 10000%), the first below the last")
        }
        guard let steps = form["steps"].flatMap({ Int($0) }), (2...41).contains(steps) else {
            return Self.refusal("the number of points (steps) must be 2 to 41")
        }
        let arguments = [path, "--fund", fund, "--from", String(from), "--to", String(to), "--steps", String(steps)]
        return try await queued(kind: "sweep", label: "\(name) (\(fund) × \(from)…\(to))", arguments: arguments, user: session.user)
    }

    func explain(_ session: OfficeSession, _ form: FormFields) async throws -> Response {
        guard let path = scenarioPath(form["scenario"]), let name = form["scenario"] else { return ServiceResponses.notFound }
        let project = (form["project"] ?? "").trimmingCharacters(in: .whitespaces)
        guard project.isEmpty || WorkspaceIdentifier.isValid(project) else {
            return Self.refusal("the project must be a project id: 1 to 64 letters, digits, '_' or '-'")
        }
        let arguments = [path] + (project.isEmpty ? [] : ["--project", project])
        return try await queued(kind: "explain", label: name + (project.isEmpty ? "" : " (\(project))"), arguments: arguments, user: session.user)
    }

    func queued(kind: String, label: String, arguments: [String], user: String) async throws -> Response {
        guard let id = try await jobs.submit(kind: kind, label: label, arguments: arguments, user: user) else {
            return BankPageRoutes.html(.serviceUnavailable, BankPage(english: false).message("the job queue is full; try again later"))
        }
        return Response(status: .seeOther, headers: [.location: "/office/jobs/\(id)"])
    }

    /// A budget scale as a number (1.5) or a percentage (150%), 0.01 to 100.
    static func scale(_ text: String?) -> Double? {
        guard var text = text?.trimmingCharacters(in: .whitespaces), (1...16).contains(text.utf8.count) else { return nil }
        let percent = text.hasSuffix("%")
        if percent { text.removeLast() }
        guard text.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E }), let value = Double(text) else { return nil }
        let scale = percent ? value / 100 : value
        return (0.01...100).contains(scale) ? scale : nil
    }
}

extension OfficePage {
    /// The forms of the three analyses, over the scenarios that validate.
    func analysisForms(_ valid: [String]) -> String {
        guard !valid.isEmpty else { return "" }
        let options = valid.map { "<option>\(e($0))</option>" }.joined()
        let select = "<select name=\"scenario\">\(options)</select>"
        let form = { (action: String, fields: String, label: String) in
            "<form method=\"post\" action=\"\(e(link(action)))\"><input type=\"hidden\" name=\"csrf\" value=\"\(e(csrf))\">"
                + fields + " <button type=\"submit\">\(e(label))</button></form>\n"
        }
        let boxes = valid.map { "<label><input type=\"checkbox\" name=\"scenario\" value=\"\(e($0))\"> \(e($0))</label>" }.joined(separator: " ")
        return "<h2>" + text.pick("分析", "Analyses") + "</h2>\n"
            + "<h3>" + text.pick("比较情景", "Compare scenarios") + "</h3>\n"
            + form("/office/compare", boxes, text.pick("比较（第一个为基准）", "Compare (the first is the baseline)"))
            + "<h3>" + text.pick("预算扫描", "Budget sweep") + "</h3>\n"
            + form("/office/sweep", select + " <label>" + text.pick("资金编号", "Fund id") + " <input name=\"fund\" size=\"8\" required></label>"
                + " <label>" + text.pick("从", "from") + " <input name=\"from\" value=\"0.5\" size=\"5\"></label> <label>"
                + text.pick("到", "to") + " <input name=\"to\" value=\"1.5\" size=\"5\"></label> <label>"
                + text.pick("点数", "points") + " <input name=\"steps\" value=\"5\" size=\"3\"></label>", text.pick("扫描", "Sweep"))
            + "<h3>" + text.pick("逐项目解释", "Explain project by project") + "</h3>\n"
            + form("/office/explain", select + " <label>" + text.pick("项目编号（可空）", "Project id (optional)")
                + " <input name=\"project\" size=\"8\"></label>", text.pick("解释", "Explain"))
    }
}
