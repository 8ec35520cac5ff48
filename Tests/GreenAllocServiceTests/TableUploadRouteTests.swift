import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import WorkspaceTestSupport

/// A table upload replaces the scenario's table only when the scenario validates against it.
@Suite struct TableUploadRouteTests {
    /// The fixture's projects with a request of 10 for L3 in 2022.
    static let goodProjects = LoanWorkspace.files["projects.csv"]?.replacingOccurrences(
        of: "L3,三号,K2,f1,water,100,,,preferred,30,30", with: "L3,三号,K2,f1,water,100,10,,preferred,30,30") ?? ""

    @Test func aBrokenTableIsRefusedWithItsCellAndAGoodOneReplacesItKeepingABackup() async throws {
        try await ScenarioEditRouteTests.withOffice { space, _, client, office in
            var headers = office.headers
            headers[.contentType] = "text/csv"
            let original = try Data(contentsOf: space.url.appendingPathComponent("projects.csv"))
            let broken = Self.goodProjects.replacingOccurrences(of: "L2,二号,K1,f1,air,100,30", with: "L2,二号,K1,f1,air,1x0,30")
            let forged = try await client.execute(
                uri: "/office/scenarios/loans.yaml/tables/projects", method: .put, headers: headers, body: ByteBuffer(string: broken))
            #expect(forged.status == .forbidden)
            headers[HTTPField.Name("X-CSRF-Token")!] = office.csrf
            let refused = try await client.execute(
                uri: "/office/scenarios/loans.yaml/tables/projects", method: .put, headers: headers, body: ByteBuffer(string: broken))
            let message = String(buffer: refused.body)
            let cell = "projects.csv:3:6: error: '1x0' is not a number (investment)"
            #expect(refused.status == .unprocessableContent && message.contains(cell), "\(message)")
            #expect(try Data(contentsOf: space.url.appendingPathComponent("projects.csv")) == original)
            let names = try FileManager.default.contentsOfDirectory(atPath: space.folder)
            #expect(!names.contains { $0.hasPrefix(".upload-") || $0.contains(".bak-") }, "\(names)")

            let replaced = try await client.execute(
                uri: "/office/scenarios/loans.yaml/tables/projects", method: .put, headers: headers, body: ByteBuffer(string: Self.goodProjects))
            #expect(replaced.status == .ok, "\(String(buffer: replaced.body))")
            #expect(try String(contentsOfFile: space.path("projects.csv"), encoding: .utf8) == Self.goodProjects)
            let backups = try FileManager.default.contentsOfDirectory(atPath: space.folder).filter { $0.hasPrefix("projects.csv.bak-") }
            #expect(backups.count == 1)
            #expect(try Data(contentsOf: space.url.appendingPathComponent(try #require(backups.first))) == original)
            let unknown = try await client.execute(
                uri: "/office/scenarios/loans.yaml/tables/secrets", method: .put, headers: headers, body: ByteBuffer(string: Self.goodProjects))
            #expect(unknown.status == .notFound)
        }
    }
}
