import Foundation
import GreenAllocService
import GreenAllocWorkspace
import Hummingbird
import HummingbirdTesting
import Testing

/// The bank API in-process (HummingbirdTesting's router framework): who sees what.
@Suite struct BankAPIRouteTests {
    struct Answer: Equatable {
        var status: HTTPResponse.Status
        var contentType: String?
        var authenticate: String?
        var body: String
    }

    func answers(_ fixture: ServiceFixture, _ requests: [(String, HTTPFields)]) async throws -> [Answer] {
        let app = Application(router: GreenAllocServer.router(workspace: fixture.workspace))
        return try await app.test(.router) { client in
            var answers: [Answer] = []
            for (uri, headers) in requests {
                let answer = try await client.execute(uri: uri, method: .get, headers: headers) { response in
                    Answer(
                        status: response.status, contentType: response.headers[.contentType],
                        authenticate: response.headers[.wwwAuthenticate], body: String(buffer: response.body))
                }
                answers.append(answer)
            }
            return answers
        }
    }

    func bearer(_ token: String) -> HTTPFields { [.authorization: "Bearer \(token)"] }

    @Test func aBankSeesItsOwnListAndNothingElse() async throws {
        let fixture = try ServiceFixture()
        defer { fixture.remove() }
        let b1 = bearer(fixture.tokens["B1"] ?? "")
        let answers = try await answers(fixture, [
            ("/api/v1/banks/B1/list", b1),
            ("/api/v1/banks/B2/list", b1),
            ("/api/v1/banks/B9/list", b1),
            ("/api/v1/banks/B1/list?run=\(fixture.unpublishedRun)", b1),
            ("/api/v1/banks/..%2F..%2Fetc/list", b1),
            ("/api/v1/banks/B1/list?run=\(fixture.publishedRun)", b1),
        ])
        #expect(answers[0].status == .ok && answers[0].contentType == "application/json; charset=utf-8")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(answers[0].body.utf8)) as? [String: Any])
        #expect(document["bank"] as? String == "B1")
        #expect((document["list"] as? [[String: Any]])?.first?["project"] as? String == "L2")
        // Another bank's list, an unknown bank, an unpublished run and a malformed id: one and the same answer.
        let notFound = Answer(status: .notFound, contentType: "application/json; charset=utf-8", authenticate: nil, body: "{\"error\":\"not_found\"}\n")
        #expect(Array(answers[1...4]) == [notFound, notFound, notFound, notFound])
        #expect(answers[5] == answers[0])
    }

    @Test func noRevokedOrForgedTokenIsUnauthorized() async throws {
        let fixture = try ServiceFixture()
        defer { fixture.remove() }
        let answers = try await answers(fixture, [
            ("/api/v1/banks/B1/list", [:]),
            ("/api/v1/banks/B1/list", bearer(fixture.revoked)),
            ("/api/v1/banks/B1/list", bearer(ServiceFixture.forged)),
            ("/api/v1/banks/B1/list", [.authorization: "Basic QjE6eA=="]),
            ("/api/v1/banks/B9/list", [:]),
        ])
        let unauthorized = Answer(
            status: .unauthorized, contentType: "application/json; charset=utf-8", authenticate: "Bearer realm=\"greenalloc\"",
            body: "{\"error\":\"unauthorized\"}\n")
        #expect(answers == Array(repeating: unauthorized, count: 5))
        // Every request is in the access log, with the bank the token belongs to when it is in force.
        let log = try fixture.workspace.accessLog()
        #expect(log.map(\.status) == [401, 401, 401, 401, 401] && log.allSatisfy { $0.tokenBank == nil })
    }

    @Test func formatsComeFromTheQueryThenTheAcceptHeader() async throws {
        let fixture = try ServiceFixture()
        defer { fixture.remove() }
        let b2 = bearer(fixture.tokens["B2"] ?? "")
        var csvAccept = b2
        csvAccept[.accept] = "text/html;q=0.9, text/csv"
        var xlsxAccept = b2
        xlsxAccept[.accept] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        let answers = try await answers(fixture, [
            ("/api/v1/banks/B2/list?format=csv", b2), ("/api/v1/banks/B2/list", csvAccept),
            ("/api/v1/banks/B2/list", xlsxAccept), ("/api/v1/banks/B2/list?format=pdf", b2),
            ("/api/v1/banks/B2/list?run=x1", b2),
        ])
        #expect(answers[0].status == .ok && answers[0].contentType == "text/csv; charset=utf-8")
        #expect(answers[0].body.contains("rank,status,project") && answers[0].body.contains("L3"))
        #expect(answers[1] == answers[0])
        #expect(answers[2].status == .ok && answers[2].contentType == BankListFormat.xlsx.contentType)
        #expect(answers[3].status == .badRequest && answers[4].status == .badRequest)
        let log = try fixture.workspace.accessLog()
        #expect(log.map(\.format) == ["csv", "csv", "xlsx", "pdf", "json"] && log.allSatisfy { $0.tokenBank == "B2" })
        #expect(log.map(\.runID) == [fixture.publishedRun, fixture.publishedRun, fixture.publishedRun, nil, nil])
    }

    @Test func anotherMethodOnAServedPathIsNotAllowed() async throws {
        let fixture = try ServiceFixture()
        defer { fixture.remove() }
        let app = Application(router: GreenAllocServer.router(workspace: fixture.workspace))
        try await app.test(.router) { client in
            let put = try await client.execute(uri: "/api/v1/banks/B1/list", method: .put)
            #expect(put.status == .methodNotAllowed && put.headers[.allow] == "GET")
            let delete = try await client.execute(uri: "/bank/sign-in", method: .delete)
            #expect(delete.status == .methodNotAllowed && delete.headers[.allow] == "GET, POST")
            let unknown = try await client.execute(uri: "/api/v1/banks", method: .put)
            #expect(unknown.status == .notFound)
        }
    }
}
