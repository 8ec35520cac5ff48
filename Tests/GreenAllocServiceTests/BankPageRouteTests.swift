import Foundation
import GreenAllocService
import Hummingbird
import HummingbirdTesting
import Testing

/// The bank's page and its sign-in form: the cookie's flags, CSRF, and the same access rules as the API.
@Suite struct BankPageRouteTests {
    @Test func signInSetsAStrictHttpOnlyCookieAndThePageShowsOnlyTheBanksOwnList() async throws {
        let fixture = try ServiceFixture()
        defer { fixture.remove() }
        let app = Application(router: GreenAllocServer.router(workspace: fixture.workspace))
        let token = try #require(fixture.tokens["B2"])
        try await app.test(.router) { client in
            let form = try await client.execute(uri: "/bank/sign-in", method: .get)
            #expect(form.status == .ok)
            let formCookie = try #require(form.headers[.setCookie])
            #expect(formCookie.contains("HttpOnly") && formCookie.contains("SameSite=Strict"))
            let csrf = try #require(formCookie.split(separator: ";").first.map { String($0.dropFirst("greenalloc_csrf=".count)) })
            #expect(String(buffer: form.body).contains("name=\"csrf\" value=\"\(csrf)\""))
            let body = "token=\(token)&csrf=\(csrf)"
            let headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .cookie: "greenalloc_csrf=\(csrf)"]

            // Without the form's cookie (a forged cross-site post): refused.
            let forged = try await client.execute(
                uri: "/bank/sign-in", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: body))
            #expect(forged.status == .forbidden && forged.headers[.setCookie] == nil)
            let wrong = try await client.execute(
                uri: "/bank/sign-in", method: .post, headers: headers, body: ByteBuffer(string: "token=\(ServiceFixture.forged)&csrf=\(csrf)"))
            #expect(wrong.status == .unauthorized)

            let signedIn = try await client.execute(uri: "/bank/sign-in", method: .post, headers: headers, body: ByteBuffer(string: body))
            #expect(signedIn.status == .seeOther && signedIn.headers[.location] == "/banks/B2")
            let cookie = try #require(signedIn.headers[.setCookie])
            #expect(cookie.hasPrefix("greenalloc_bank=") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))

            let session: HTTPFields = [.cookie: "greenalloc_bank=\(token)"]
            let page = try await client.execute(uri: "/banks/B2", method: .get, headers: session)
            let html = String(buffer: page.body)
            #expect(page.status == .ok && page.headers[.contentType] == "text/html; charset=utf-8")
            #expect(html.contains("<td>L1</td>") && html.contains("<td>L3</td>") && !html.contains("B1") && !html.contains("甲银行"))
            let other = try await client.execute(uri: "/banks/B1", method: .get, headers: session)
            let missing = try await client.execute(uri: "/banks/NOBANK", method: .get, headers: session)
            #expect(other.status == .notFound && String(buffer: other.body) == String(buffer: missing.body))
            let anonymous = try await client.execute(uri: "/banks/B2", method: .get)
            #expect(anonymous.status == .unauthorized)
            let csv = try await client.execute(uri: "/banks/B2?format=csv", method: .get, headers: session)
            #expect(csv.status == .ok && String(buffer: csv.body).contains("rank,status,project"))
            let large = try await client.execute(
                uri: "/bank/sign-in", method: .post, headers: headers, body: ByteBuffer(repeating: UInt8(ascii: "a"), count: 70_000))
            #expect(large.status == .contentTooLarge)
        }
    }
}
