import Foundation
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
import GreenAllocWorkspace
import Testing
import WorkspaceTestSupport

/// The built greenalloc-server as its own process on loopback (a free port), asked by a real HTTP client.
@Suite struct LiveServerTests {
    @Test func accessControlOverARealSocket() async throws {
        let fixture = try ServiceFixture()
        defer { fixture.remove() }
        let server = try LiveServer(workspace: fixture.space.folder)
        let b1 = fixture.tokens["B1"]
        let own = try await server.get("/api/v1/banks/B1/list", token: b1)
        #expect(own.status == 200 && String(decoding: own.body, as: UTF8.self).contains("\"L2\""))
        // Bank A's token on bank B's list looks exactly like a list that does not exist: status, headers, body.
        let other = try await server.get("/api/v1/banks/B2/list", token: b1)
        let missing = try await server.get("/api/v1/banks/NOBANK/list", token: b1)
        #expect(other.status == 404 && other.body == missing.body && other.headers == missing.headers)
        for token in [nil, fixture.revoked, ServiceFixture.forged] {
            let answer = try await server.get("/api/v1/banks/B1/list", token: token)
            #expect(answer.status == 401 && answer.headers["www-authenticate"] == "Bearer realm=\"greenalloc\"")
        }
        // SIGTERM stops it gracefully (exit 0).
        #expect(server.stop() == 0)
        #expect(try fixture.workspace.accessLog().map(\.status) == [200, 404, 404, 401, 401, 401])
    }
}

