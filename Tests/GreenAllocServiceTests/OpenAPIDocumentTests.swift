import Foundation
import GreenAllocService
import GreenAllocWorkspace
import Hummingbird
import Testing
import WorkspaceTestSupport
import Yams

/// openapi.yaml (at the repository's root) names exactly the routes the server registers, method by method.
@Suite struct OpenAPIDocumentTests {
    static var documentPath: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("openapi.yaml").path
    }

    static func documentedRoutes() throws -> Set<String> {
        let text = try String(contentsOfFile: documentPath, encoding: .utf8)
        let document = try #require(try Yams.load(yaml: text) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: Any])
        let methods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]
        var routes: Set<String> = []
        for (path, item) in paths {
            for key in (item as? [String: Any] ?? [:]).keys where methods.contains(key) { routes.insert(key.uppercased() + " " + path) }
        }
        return routes
    }

    @Test func everyRouteIsDocumentedAndEveryDocumentedRouteExists() throws {
        let space = try LoanWorkspace()
        defer { space.remove() }
        let router = GreenAllocServer.router(workspace: try Workspace(folder: space.folder))
        let registered = Set(router.routes.map { "\($0.method.rawValue) \($0.path)" })
        let documented = try Self.documentedRoutes()
        #expect(registered.contains("GET /api/v1/banks/{id}/list"))
        #expect(registered.subtracting(documented).isEmpty, "not in openapi.yaml: \(registered.subtracting(documented).sorted())")
        #expect(documented.subtracting(registered).isEmpty, "not served: \(documented.subtracting(registered).sorted())")
        #expect(GreenAllocServer.routeLines == registered, "the table of the 405 answers")
    }
}
