internal import Foundation
internal import GreenAllocWorkspace
internal import Hummingbird
internal import NIOCore

/// The bank's pages: a sign-in form that takes the bank's token (kept in an HttpOnly, SameSite=Strict cookie)
/// and `/banks/{id}`, its list as a page (or as a download with `?format=`). The same rules as the API: another
/// bank's list is "not found", and every request is logged.
struct BankPageRoutes: Sendable {
    let api: BankAPI

    static let tokenCookie = "greenalloc_bank"
    static let csrfCookie = "greenalloc_csrf"

    func add(to router: Router<ServiceRequestContext>) {
        router.get("/bank/sign-in") { request, _ in signInForm(request, failed: false) }
        router.post("/bank/sign-in") { request, context in try await signIn(request, context: context) }
        router.get("/banks/:id") { request, context in await page(request, context: context) }
    }

    func page(_ request: Request, context: ServiceRequestContext) async -> Response {
        let english = request.uri.queryParameters.get("lang") == "en"
        let format = request.uri.queryParameters.get("format")
        let query = BankAPI.Query(
            bank: context.parameters.get("id") ?? "", run: request.uri.queryParameters.get("run"), format: format ?? "json",
            accept: nil, token: BankAPI.bearer(request.headers[.authorization]) ?? request.cookies[Self.tokenCookie]?.value)
        let outcome = await api.respond(query, remote: context.remoteText).0
        let page = BankPage(english: english)
        switch outcome {
        case .list(_, _, let bytes) where format == nil:
            return Self.html(.ok, page.list(bytes, bank: query.bank))
        case .list:
            return ServiceResponses.response(outcome)
        case .unauthorized:
            return Self.html(.unauthorized, page.message(page.pick("请先登录：", "Please sign in: ") + "/bank/sign-in"))
        case .notFound:
            return Self.html(.notFound, page.message(page.pick("没有这份名单。", "There is no such list.")))
        case .badRequest(let message):
            return Self.html(.badRequest, page.message(message))
        }
    }

    func signInForm(_ request: Request, failed: Bool) -> Response {
        let page = BankPage(english: request.uri.queryParameters.get("lang") == "en")
        let field = "<label>\(page.pick("银行令牌", "Bank token")) <input type=\"password\" name=\"token\" autocomplete=\"off\" required></label>"
        return Self.signInPage(
            page, title: page.pick("银行登录", "Bank sign-in"), action: "/bank/sign-in", fields: field,
            failure: failed ? page.pick("令牌无效或已吊销。", "The token is not valid, or was revoked.") : nil)
    }

    /// A sign-in page whose form carries a fresh CSRF value, also set as an HttpOnly, SameSite=Strict cookie
    /// for `action`'s folder (the post must bring both, equal); 401 with `failure` said above the form.
    static func signInPage(_ page: BankPage, title: String, action: String, fields: String, failure: String?) -> Response {
        let csrf = SecretText.formToken()
        let note = failure.map { "<p>" + BankPage.escape($0) + "</p>\n" } ?? ""
        let body = """
            <h1>\(BankPage.escape(title))</h1>
            \(note)<form method="post" action="\(action)">
            <input type="hidden" name="csrf" value="\(csrf)">
            \(fields)
            <button type="submit">\(page.pick("登录", "Sign in"))</button>
            </form>
            """
        var response = html(failure == nil ? .ok : .unauthorized, page.document(title: title, body: body))
        let folder = "/" + (action.split(separator: "/").first.map(String.init) ?? "")
        response.setCookie(Cookie(name: csrfCookie, value: csrf, path: folder, httpOnly: true, sameSite: .strict))
        return response
    }

    func signIn(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        let body = try await request.body.collect(upTo: ServiceRequestContext.bodyLimit)
        let form = FormFields(String(buffer: body))
        guard let sent = form["csrf"], let expected = request.cookies[Self.csrfCookie]?.value, SecretText.constantTimeEqual(Array(sent.utf8), Array(expected.utf8)) else {
            return Self.html(.forbidden, BankPage(english: false).message("CSRF"))
        }
        guard let token = form["token"], let caller = try? api.workspace.bank(forToken: token) else {
            return signInForm(request, failed: true)
        }
        var response = Response(status: .seeOther, headers: [.location: "/banks/\(caller.bank)"])
        response.setCookie(Cookie(name: Self.tokenCookie, value: token, path: "/", httpOnly: true, sameSite: .strict))
        return response
    }

    static func html(_ status: HTTPResponse.Status, _ text: String) -> Response {
        Response(
            status: status,
            headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store", .contentSecurityPolicy: "default-src 'none'; style-src 'unsafe-inline'"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}

/// `application/x-www-form-urlencoded` fields (the first of each name, or all of them).
struct FormFields {
    var pairs: [(name: String, value: String)] = []

    init(_ text: String) {
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (part: Substring) in part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" }
            guard let name = parts.first.map(decode) else { continue }
            pairs.append((name, parts.count > 1 ? decode(parts[1]) : ""))
        }
    }

    init(pairs: [(name: String, value: String)]) { self.pairs = pairs }

    subscript(name: String) -> String? { pairs.first { $0.name == name }?.value }

    /// Every value sent under `name`, in order (a form's checkboxes).
    func all(_ name: String) -> [String] { pairs.filter { $0.name == name }.map(\.value) }
}
