import Foundation
import GreenAllocHistory
import GreenAllocService
import GreenAllocWorkspace
import Hummingbird
import HummingbirdTesting
import Testing

/// The office's workbench in-process: sign-in, CSRF, a solve job with its files, publishing, interrupted jobs.
@Suite struct OfficeRouteTests {
    static func value(after marker: String, in text: String) -> String? {
        guard let range = text.range(of: marker) else { return nil }
        return String(text[range.upperBound...].prefix { $0 != "\"" && $0 != ";" })
    }

    @Test func signInSolvePublishAndDownloadsThroughThePages() async throws {
        let fixture = try ServiceFixture()
        defer { fixture.remove() }
        try fixture.workspace.createUser(name: "li", role: .planner, password: "planner-password")
        let queue = JobQueue(workspace: fixture.workspace, limit: 1)
        let app = Application(router: GreenAllocServer.router(workspace: fixture.workspace, jobs: queue))
        try await app.test(.router) { client in
            let anonymous = try await client.execute(uri: "/office", method: .get)
            #expect(anonymous.status == .unauthorized && String(buffer: anonymous.body).contains("href=\"/office/sign-in\""))
            let anonymousPost = try await client.execute(uri: "/office/solve", method: .post, body: ByteBuffer(string: "scenario=loans.yaml"))
            #expect(anonymousPost.status == .unauthorized)
            #expect(try fixture.workspace.jobs().isEmpty)
            let form = try await client.execute(uri: "/office/sign-in", method: .get)
            let formCSRF = try #require(Self.value(after: "greenalloc_csrf=", in: form.headers[.setCookie] ?? ""))
            let formHeaders: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .cookie: "greenalloc_csrf=\(formCSRF)"]
            let wrong = try await client.execute(
                uri: "/office/sign-in", method: .post, headers: formHeaders, body: ByteBuffer(string: "csrf=\(formCSRF)&name=li&password=nope"))
            #expect(wrong.status == .unauthorized)
            let signedIn = try await client.execute(
                uri: "/office/sign-in", method: .post, headers: formHeaders,
                body: ByteBuffer(string: "csrf=\(formCSRF)&name=li&password=planner-password"))
            let cookie = signedIn.headers[.setCookie] ?? ""
            #expect(signedIn.status == .seeOther && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
            let session = try #require(Self.value(after: "greenalloc_session=", in: cookie))
            let sessionHeaders: HTTPFields = [.cookie: "greenalloc_session=\(session)", .contentType: "application/x-www-form-urlencoded"]

            let scenarios = try await client.execute(uri: "/office?lang=en", method: .get, headers: sessionHeaders)
            let html = String(buffer: scenarios.body)
            #expect(scenarios.status == .ok && html.contains("<td>loans.yaml</td><td>valid"), "\(html)")
            let csrf = try #require(Self.value(after: "name=\"csrf\" value=\"", in: html))
            let forged = try await client.execute(
                uri: "/office/solve", method: .post, headers: sessionHeaders, body: ByteBuffer(string: "scenario=loans.yaml"))
            #expect(forged.status == .forbidden)
            let outside = try await client.execute(
                uri: "/office/solve", method: .post, headers: sessionHeaders, body: ByteBuffer(string: "csrf=\(csrf)&scenario=..%2Floans.yaml"))
            #expect(outside.status == .notFound)
            let solve = try await client.execute(
                uri: "/office/solve", method: .post, headers: sessionHeaders, body: ByteBuffer(string: "csrf=\(csrf)&scenario=loans.yaml"))
            let location = try #require(solve.headers[.location])
            #expect(solve.status == .seeOther && location.hasPrefix("/office/jobs/"))
            await queue.drain()

            let job = try await client.execute(uri: location + "?lang=en", method: .get, headers: sessionHeaders)
            let jobPage = String(buffer: job.body)
            #expect(jobPage.contains("<strong>done</strong>") && jobPage.contains("/files/report.html") && !jobPage.contains("http-equiv"))
            let report = try await client.execute(uri: location + "/files/report.html", method: .get, headers: sessionHeaders)
            #expect(report.status == .ok && report.headers[.contentType] == "text/html; charset=utf-8")
            let traversal = try await client.execute(uri: location + "/files/..%2F..%2Fhistory.sqlite", method: .get, headers: sessionHeaders)
            #expect(traversal.status == .notFound)

            let runID = try #require(try fixture.workspace.jobs().first?.runID)
            let publish = try await client.execute(
                uri: "/office/publish", method: .post, headers: sessionHeaders, body: ByteBuffer(string: "csrf=\(csrf)&run=\(runID)"))
            #expect(publish.status == .seeOther)
            #expect(try fixture.workspace.publications().first.map { [$0.runID == runID, $0.publishedBy == "li"] } == [true, true])
            let history = try await client.execute(uri: "/office/history?lang=en", method: .get, headers: sessionHeaders)
            #expect(String(buffer: history.body).contains(">\(runID)</a></td>"))
        }
    }

    @Test func aJobLeftRunningShowsAsInterruptedWhenTheServerStartsAgain() throws {
        let fixture = try ServiceFixture()
        defer { fixture.remove() }
        let id = try fixture.workspace.addJob(kind: "solve", scenario: "loans.yaml", user: "li")
        try fixture.workspace.markRunning(job: id)
        _ = GreenAllocServer.application(workspace: fixture.workspace, host: "127.0.0.1", port: 0)
        #expect(try fixture.workspace.job(id)?.state == .interrupted)
    }
}
