internal import Foundation
internal import GreenAllocWorkspace
internal import Hummingbird

/// The office's edit form of a scenario's budgets and limits. A submitted form never changes the scenario: it
/// writes a new child scenario (`extends:` the original, only the changed entries) under a name the user gives,
/// validated like `greenalloc validate` before it appears in the workspace.
extension OfficeRoutes {
    func addScenarioEditing(to router: Router<ServiceRequestContext>) {
        router.get("/office/scenarios/:name/edit") { request, context in
            try await signedIn(request) { session, page in await editForm(context.parameters.get("name"), session, page, messages: []) }
        }
        router.post("/office/scenarios/:name/edit") { request, context in
            try await posted(request) { session, form in
                await saveChild(context.parameters.get("name"), form, session, OfficePage(english: Self.english(request), csrf: session.csrf))
            }
        }
    }

    /// The merged scenario of a listed scenario file, or nil when the name is not one or it does not load.
    func editable(_ name: String?) async -> (name: String, scenario: EditableScenario)? {
        // Only a scenario listed in the workspace's folder, by its name: nothing from the request reaches a path.
        guard let name, workspace.scenarioFiles().contains(name) else { return nil }
        guard confinement.outside(workspace.folder + "/" + name).isEmpty else { return nil }
        let result = await CommandThread.run(["validate", workspace.folder + "/" + name, "--merged"])
        guard result.code == 0, let scenario = EditableScenario(mergedJSON: result.out) else { return nil }
        return (name, scenario)
    }

    func editForm(_ name: String?, _ session: OfficeSession, _ page: OfficePage, messages: [String]) async -> Response {
        guard let (name, scenario) = await editable(name) else { return ServiceResponses.notFound }
        let status: HTTPResponse.Status = messages.isEmpty ? .ok : .unprocessableContent
        return BankPageRoutes.html(status, page.edit(name, scenario, messages: messages, user: session.user))
    }

    func saveChild(_ base: String?, _ form: FormFields, _ session: OfficeSession, _ page: OfficePage) async -> Response {
        guard let (base, scenario) = await editable(base) else { return ServiceResponses.notFound }
        let refuse = { (messages: [String]) in await editForm(base, session, page, messages: messages) }
        let child = (form["name"] ?? "").trimmingCharacters(in: .whitespaces)
        guard WorkspaceIdentifier.isValid(child) else {
            return await refuse(["the new scenario's name must be 1 to 64 letters, digits, '_' or '-'"])
        }
        let target = workspace.folder + "/" + child + ".yaml"
        guard !FileManager.default.fileExists(atPath: target), !workspace.scenarioFiles().contains(child + ".yml") else {
            return await refuse(["\(child).yaml exists already; choose another name"])
        }
        let made = scenario.child(extending: base, form: form)
        guard let text = made.text else { return await refuse(made.errors.isEmpty ? ["nothing was changed"] : made.errors) }
        // Written and validated under a hidden name in the same folder (extends resolves the same way), then
        // linked to its name, which fails rather than replace a file that appeared meanwhile.
        let temporary = workspace.folder + "/.edit-\(UUID().uuidString).yaml"
        defer { unlink(temporary) }
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)) else {
            return await refuse(["the new scenario could not be written"])
        }
        let result = await CommandThread.run(["validate", temporary])
        guard result.code == 0 else {
            let messages = (result.error + result.out).replacingOccurrences(of: temporary, with: child + ".yaml")
                .replacingOccurrences(of: (temporary as NSString).lastPathComponent, with: child + ".yaml")
            return await refuse(messages.split(separator: "\n").map(String.init))
        }
        guard link(temporary, target) == 0 else { return await refuse(["\(child).yaml exists already; choose another name"]) }
        return Response(status: .seeOther, headers: [.location: page.link("/office")])
    }
}

extension OfficePage {
    func edit(_ name: String, _ scenario: EditableScenario, messages: [String], user: String) -> String {
        let input = { (field: String, value: String) in "<input name=\"\(field)\" value=\"\(e(value))\" size=\"10\">" }
        var body = messages.isEmpty ? "" : "<pre class=\"errors\">\(e(messages.joined(separator: "\n")))</pre>\n"
        body += "<form method=\"post\" action=\"\(e(link("/office/scenarios/\(name)/edit")))\">"
            + "<input type=\"hidden\" name=\"csrf\" value=\"\(e(csrf))\">\n<h2>"
            + text.pick("资金预算（万元）", "Fund budgets (万元)") + "</h2>\n<table>\n"
        for (index, fund) in scenario.funds.enumerated() {
            body += "<tr><th>\(e(fund.id))</th>" + fund.budget.map { year, value in
                "<td><label>\(e(year)) " + input(EditableScenario.budgetField(index, year), value) + "</label></td>"
            }.joined() + "</tr>\n"
        }
        body += "</table>\n<h2>" + text.pick("限额", "Limits") + "</h2>\n<table>\n"
        for (index, limit) in scenario.limits.enumerated() {
            body += "<tr><th>\(e(limit.name))</th><td><label>max " + input(EditableScenario.maxField(index), limit.max)
                + "</label></td><td><label>max_share " + input(EditableScenario.shareField(index), limit.maxShare) + "</label></td></tr>\n"
        }
        body += "</table>\n<p><label>" + text.pick("新情景名称", "New scenario name")
            + " <input name=\"name\" required pattern=\"[A-Za-z0-9_\\-]{1,64}\">.yaml</label> <button type=\"submit\">"
            + text.pick("另存为新情景", "Save as a new scenario") + "</button></p></form>"
        return page(text.pick("编辑 ", "Edit ") + name, user: user, body: body)
    }
}
