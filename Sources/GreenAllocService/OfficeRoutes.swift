internal import Foundation
internal import GreenAllocCLI
internal import GreenAllocHistory
internal import GreenAllocWorkspace
internal import Hummingbird
internal import NIOCore

/// The office's workbench: sign-in (a session cookie, HttpOnly and SameSite=Strict), the scenarios with their
/// validation messages, solve jobs and their outputs, the history and publishing. Every form carries the
/// session's CSRF value; every page but the sign-in form needs a session.
struct OfficeRoutes: Sendable {
    let workspace: Workspace
    let jobs: JobQueue

    static let sessionCookie = "greenalloc_session"

    var confinement: ScenarioConfinement { ScenarioConfinement(folder: workspace.folder) }

    func add(to router: Router<ServiceRequestContext>) {
        router.get("/office/sign-in") { request, _ in signInForm(request, failed: false) }
        router.post("/office/sign-in") { request, _ in try await signIn(request) }
        router.post("/office/sign-out") { request, _ in try await posted(request) { session, _ in try signOut(request, session) } }
        router.get("/office") { request, _ in try await signedIn(request) { session, page in try await scenarios(session, page) } }
        router.post("/office/solve") { request, _ in try await posted(request) { session, form in try await solve(session, form) } }
        router.get("/office/jobs/:id") { request, context in
            try await signedIn(request) { session, page in try await job(context.parameters.get("id"), session, page) }
        }
        router.get("/office/jobs/:id/files/:name") { request, context in
            try await signedIn(request) { _, _ in try file(context.parameters.get("id"), context.parameters.get("name")) }
        }
        router.get("/office/history") { request, _ in
            try await signedIn(request) { session, page in try history(session, page, note: request.uri.queryParameters.get("note") ?? "") }
        }
        router.post("/office/publish") { request, _ in try await posted(request) { session, form in try await publish(session, form) } }
        addScenarioEditing(to: router)
        addTableUpload(to: router)
        addUploadForm(to: router)
        addAnalysisJobs(to: router)
        addRunPages(to: router)
    }

    static func english(_ request: Request) -> Bool { request.uri.queryParameters.get("lang") == "en" }

    /// The session of the request, or 401 with a link to the sign-in form.
    func signedIn(_ request: Request, _ body: (OfficeSession, OfficePage) async throws -> Response) async throws -> Response {
        guard let cookie = request.cookies[Self.sessionCookie]?.value, let session = try workspace.session(cookie: cookie) else {
            let page = BankPage(english: Self.english(request))
            let link = "<a href=\"/office/sign-in\">" + page.pick("请先登录", "Please sign in") + "</a>"
            return BankPageRoutes.html(.unauthorized, page.document(title: "greenalloc", body: "<p>\(link)</p>"))
        }
        return try await body(session, OfficePage(english: Self.english(request), csrf: session.csrf))
    }

    /// A form post of a signed-in user whose CSRF value matches the session's (403 otherwise).
    func posted(_ request: Request, _ body: (OfficeSession, FormFields) async throws -> Response) async throws -> Response {
        let form = FormFields(String(buffer: try await request.body.collect(upTo: ServiceRequestContext.bodyLimit)))
        return try await signedIn(request) { session, _ in
            guard let sent = form["csrf"], SecretText.constantTimeEqual(Array(sent.utf8), Array(session.csrf.utf8)) else {
                return BankPageRoutes.html(.forbidden, BankPage(english: false).message("CSRF"))
            }
            return try await body(session, form)
        }
    }

    func signInForm(_ request: Request, failed: Bool) -> Response {
        let page = BankPage(english: Self.english(request))
        let fields = "<label>\(page.pick("用户名", "Name")) <input name=\"name\" required></label>\n"
            + "<label>\(page.pick("密码", "Password")) <input type=\"password\" name=\"password\" required></label>"
        return BankPageRoutes.signInPage(
            page, title: page.pick("财政厅登录", "Office sign-in"), action: "/office/sign-in", fields: fields,
            failure: failed ? page.pick("用户名或密码不对。", "Wrong name or password.") : nil)
    }

    func signIn(_ request: Request) async throws -> Response {
        let form = FormFields(String(buffer: try await request.body.collect(upTo: ServiceRequestContext.bodyLimit)))
        guard let sent = form["csrf"], let expected = request.cookies[BankPageRoutes.csrfCookie]?.value,
            SecretText.constantTimeEqual(Array(sent.utf8), Array(expected.utf8))
        else { return BankPageRoutes.html(.forbidden, BankPage(english: false).message("CSRF")) }
        guard let name = form["name"], let password = form["password"], WorkspaceIdentifier.isValid(name),
            try workspace.signIn(name: name, password: password) != nil
        else { return signInForm(request, failed: true) }
        let started = try workspace.startSession(user: name)
        var response = Response(status: .seeOther, headers: [.location: "/office"])
        response.setCookie(Cookie(name: Self.sessionCookie, value: started.cookie, path: "/office", httpOnly: true, sameSite: .strict))
        return response
    }

    func signOut(_ request: Request, _ session: OfficeSession) throws -> Response {
        if let cookie = request.cookies[Self.sessionCookie]?.value { try workspace.endSession(cookie: cookie) }
        return Response(status: .seeOther, headers: [.location: "/office/sign-in"])
    }

    func scenarios(_ session: OfficeSession, _ page: OfficePage) async throws -> Response {
        var list: [(name: String, code: Int32, messages: String)] = []
        for name in workspace.scenarioFiles() {
            let refused = confinement.outside(workspace.folder + "/" + name)
            guard refused.isEmpty else {
                list.append((name, ExitStatus.input, refused.joined(separator: "\n")))
                continue
            }
            let result = await CommandThread.run(["validate", workspace.folder + "/" + name])
            list.append((name, result.code, result.error + result.out))
        }
        return BankPageRoutes.html(.ok, page.scenarios(list, jobs: try workspace.jobs(), user: session.user))
    }

    func solve(_ session: OfficeSession, _ form: FormFields) async throws -> Response {
        // Only a scenario listed in the workspace's folder, by its name: nothing from the form reaches a path.
        guard let name = form["scenario"], workspace.scenarioFiles().contains(name) else {
            return BankPageRoutes.html(.notFound, BankPage(english: false).message("?"))
        }
        let refused = confinement.outside(workspace.folder + "/" + name)
        guard refused.isEmpty else { return BankPageRoutes.html(.forbidden, BankPage(english: false).message(refused.joined(separator: "\n"))) }
        guard let id = try await jobs.submit(scenario: name, user: session.user) else {
            return BankPageRoutes.html(.serviceUnavailable, BankPage(english: false).message("the job queue is full; try again later"))
        }
        return Response(status: .seeOther, headers: [.location: "/office/jobs/\(id)"])
    }

    func job(_ text: String?, _ session: OfficeSession, _ page: OfficePage) async throws -> Response {
        guard let id = text.flatMap(Self.runID), let job = try workspace.job(id) else { return ServiceResponses.notFound }
        let progress = job.state.isFinished ? nil : await jobs.progress(of: id)
        return BankPageRoutes.html(.ok, page.job(job, files: outputs(id), progress: progress, user: session.user))
    }

    /// The files of a finished job's output folder (none while it runs or once interrupted: a command may
    /// write its folder file by file, and a page shows only whole results).
    func outputs(_ id: Int64) -> [String] {
        guard let state = (try? workspace.job(id))??.state, state == .done || state == .failed else { return [] }
        return ((try? FileManager.default.contentsOfDirectory(atPath: workspace.jobFolder(id))) ?? []).filter { name in
            var isFolder: ObjCBool = false
            return !name.hasPrefix(".") && FileManager.default.fileExists(atPath: workspace.jobFolder(id) + "/" + name, isDirectory: &isFolder)
                && !isFolder.boolValue
        }.sorted()
    }

    func file(_ idText: String?, _ name: String?) throws -> Response {
        // The name must be one of the folder's own entries: no path is built from the request's text.
        guard let id = idText.flatMap(Self.runID), let name, outputs(id).contains(name),
            let data = FileManager.default.contents(atPath: workspace.jobFolder(id) + "/" + name)
        else { return ServiceResponses.notFound }
        return Self.document(name, data)
    }

    /// A run's document: HTML and SVG shown (under a policy that runs no script), everything else downloaded.
    static func document(_ name: String, _ data: Data) -> Response {
        let types = ["html": "text/html; charset=utf-8", "json": "application/json; charset=utf-8", "csv": "text/csv; charset=utf-8",
            "md": "text/markdown; charset=utf-8", "xlsx": BankListFormat.xlsx.contentType, "svg": "image/svg+xml", "pdf": "application/pdf"]
        let type = types[(name as NSString).pathExtension] ?? "application/octet-stream"
        var headers: HTTPFields = [.contentType: type, .cacheControl: "no-store",
            .contentSecurityPolicy: "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:"]
        if !type.hasPrefix("text/html") && type != "image/svg+xml" {
            headers[.contentDisposition] = "attachment; filename=\"\(name)\""
        }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    func history(_ session: OfficeSession, _ page: OfficePage, note: String) throws -> Response {
        let published = Set(try workspace.publications().map(\.runID))
        return BankPageRoutes.html(.ok, page.history(try workspace.database.runs(), published: published, user: session.user, note: String(note.prefix(200))))
    }

    func publish(_ session: OfficeSession, _ form: FormFields) async throws -> Response {
        guard let id = form["run"].flatMap(Self.runID) else { return ServiceResponses.notFound }
        let result = await CommandThread.run(["publish", String(id), "--workspace", workspace.folder, "--as", session.user])
        let note = result.code == 0 ? "published run \(id)" : "run \(id) not published: " + result.error
        let query = note.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        return Response(status: .seeOther, headers: [.location: "/office/history?note=\(query)"])
    }

    static func runID(_ text: String) -> Int64? {
        guard (1...18).contains(text.utf8.count), text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int64(text)
    }
}
