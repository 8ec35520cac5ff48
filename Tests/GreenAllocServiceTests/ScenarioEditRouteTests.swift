import Foundation
import GreenAllocService
import GreenAllocWorkspace
import Hummingbird
import HummingbirdTesting
import Testing
import WorkspaceTestSupport

/// The office's edit form: a submitted form writes a child scenario with only the changed keys, validated first.
@Suite struct ScenarioEditRouteTests {
    /// A signed-in office client: the session's headers and CSRF value.
    struct Office {
        let headers: HTTPFields
        let csrf: String

        static func signIn(_ client: some TestClientProtocol, _ workspace: Workspace) async throws -> Office {
            try workspace.createUser(name: "li", role: .planner, password: "planner-password")
            let form = try await client.execute(uri: "/office/sign-in", method: .get)
            let formCSRF = try #require(OfficeRouteTests.value(after: "greenalloc_csrf=", in: form.headers[.setCookie] ?? ""))
            let signedIn = try await client.execute(
                uri: "/office/sign-in", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .cookie: "greenalloc_csrf=\(formCSRF)"],
                body: ByteBuffer(string: "csrf=\(formCSRF)&name=li&password=planner-password"))
            let session = try #require(OfficeRouteTests.value(after: "greenalloc_session=", in: signedIn.headers[.setCookie] ?? ""))
            let headers: HTTPFields = [.cookie: "greenalloc_session=\(session)", .contentType: "application/x-www-form-urlencoded"]
            let page = try await client.execute(uri: "/office", method: .get, headers: headers)
            let csrf = try #require(OfficeRouteTests.value(after: "name=\"csrf\" value=\"", in: String(buffer: page.body)))
            return Office(headers: headers, csrf: csrf)
        }
    }

    static let capped = """
        extends: loans.yaml
        limits:
          - name: 单市占比上限
            sum: subsidy
            fund: f1
            group_by: city
            max_share: 0.9

        """

    static func withOffice(_ body: @Sendable (LoanWorkspace, Workspace, any TestClientProtocol, Office) async throws -> Void) async throws {
        let space = try LoanWorkspace()
        defer { space.remove() }
        try Data(Self.capped.utf8).write(to: space.url.appendingPathComponent("capped.yaml"))
        let workspace = try Workspace(folder: space.folder)
        let app = Application(router: GreenAllocServer.router(workspace: workspace, jobs: JobQueue(workspace: workspace, limit: 1)))
        try await app.test(.router) { client in try await body(space, workspace, client, try await Office.signIn(client, workspace)) }
    }

    @Test func childScenarioHasOnlyTheChangedKeysAndSolves() async throws {
        try await Self.withOffice { space, workspace, client, office in
            let form = try await client.execute(uri: "/office/scenarios/capped.yaml/edit?lang=en", method: .get, headers: office.headers)
            let html = String(buffer: form.body)
            #expect(form.status == .ok && html.contains("name=\"f0y2022\" value=\"100\"") && html.contains("name=\"l0share\" value=\"0.9\""))
            let fields = "csrf=\(office.csrf)&name=more-money&f0y2022=120&f0y2023=0&l0max=&l0share=0.95"
            let saved = try await client.execute(
                uri: "/office/scenarios/capped.yaml/edit", method: .post, headers: office.headers, body: ByteBuffer(string: fields))
            #expect(saved.status == .seeOther, "\(String(buffer: saved.body))")
            let written = try String(contentsOfFile: space.path("more-money.yaml"), encoding: .utf8)
            #expect(written == """
                extends: "capped.yaml"
                funds:
                  - id: "f1"
                    budget:
                      2022: 120
                limits:
                  - name: "单市占比上限"
                    max_share: 0.95

                """)
            let list = try await client.execute(uri: "/office?lang=en", method: .get, headers: office.headers)
            #expect(String(buffer: list.body).contains("<td>more-money.yaml</td><td>valid"))
            let merged = space.run(["validate", space.path("more-money.yaml"), "--merged"])
            #expect(merged.code == 0 && merged.out.contains("\"2022\": \"120\"") && merged.out.contains("\"sum\": \"subsidy\""), "\(merged.out)")
            let solved = space.run(["solve", space.path("more-money.yaml"), "--out", space.path("out"), "--no-history"])
            #expect(solved.code == 0, "\(solved.error)")
            let clash = try await client.execute(
                uri: "/office/scenarios/capped.yaml/edit", method: .post, headers: office.headers,
                body: ByteBuffer(string: "csrf=\(office.csrf)&name=loans&f0y2022=130"))
            #expect(clash.status == .unprocessableContent && String(buffer: clash.body).contains("loans.yaml exists already"))
            #expect(try String(contentsOfFile: space.path("loans.yaml"), encoding: .utf8) == LoanWorkspace.scenario)
        }
    }

    @Test func badValuesShowTheMessagesAndLeaveNoFile() async throws {
        try await Self.withOffice { space, _, client, office in
            let before = try FileManager.default.contentsOfDirectory(atPath: space.folder).sorted()
            for (fields, message) in [
                ("name=cut&f0y2022=-5", "cut.yaml:5:13: error: fund &apos;f1&apos; budget 2022: money must not be negative"),
                ("name=cut&f0y2022=lots", "&apos;lots&apos; is not a number"),
                ("name=..%2Fcut&f0y2022=90", "1 to 64 letters"), ("name=cut&f0y2022=100", "nothing was changed"),
            ] {
                let response = try await client.execute(
                    uri: "/office/scenarios/loans.yaml/edit", method: .post, headers: office.headers,
                    body: ByteBuffer(string: "csrf=\(office.csrf)&" + fields))
                let html = String(buffer: response.body)
                #expect(response.status == .unprocessableContent && html.contains(message), "\(fields): \(html)")
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: space.folder).sorted() == before)
            let forged = try await client.execute(
                uri: "/office/scenarios/loans.yaml/edit", method: .post, headers: office.headers, body: ByteBuffer(string: "name=cut&f0y2022=90"))
            let unknown = try await client.execute(
                uri: "/office/scenarios/nope.yaml/edit", method: .get, headers: office.headers)
            #expect(forged.status == .forbidden && unknown.status == .notFound)
        }
    }

    @Test func aScenarioWhoseTableLinksOutsideTheWorkspaceIsRefused() async throws {
        try await Self.withOffice { space, workspace, client, office in
            try FileManager.default.createSymbolicLink(atPath: space.path("leak.csv"), withDestinationPath: "/etc/passwd")
            try Data("extends: loans.yaml\ntables:\n  projects: leak.csv\n".utf8).write(to: space.url.appendingPathComponent("leak.yaml"))
            let list = String(buffer: try await client.execute(uri: "/office?lang=en", method: .get, headers: office.headers).body)
            #expect(list.contains("<td>leak.yaml</td><td>errors<pre>leak.csv: refused, it resolves outside the workspace folder"), "\(list)")
            #expect(!list.contains("value=\"leak.yaml\"") && list.contains("value=\"loans.yaml\""))
            let solve = try await client.execute(
                uri: "/office/solve", method: .post, headers: office.headers, body: ByteBuffer(string: "csrf=\(office.csrf)&scenario=leak.yaml"))
            let edit = try await client.execute(uri: "/office/scenarios/leak.yaml/edit", method: .get, headers: office.headers)
            #expect(solve.status == .forbidden && edit.status == .notFound)
            #expect(try workspace.jobs().isEmpty)
        }
    }
}
