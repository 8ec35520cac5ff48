import Foundation
import GreenAllocService
import GreenAllocWorkspace
import Hummingbird
import HummingbirdTesting
import Testing

/// A signed-in office in-process over a workspace folder, with its job queue (drained by the tests).
struct OfficeClient {
    let client: any TestClientProtocol
    let office: ScenarioEditRouteTests.Office
    let queue: JobQueue

    static func with(folder: String, _ body: @Sendable (OfficeClient, Workspace) async throws -> Void) async throws {
        let workspace = try Workspace(folder: folder)
        let queue = JobQueue(workspace: workspace, limit: 1)
        let app = Application(router: GreenAllocServer.router(workspace: workspace, jobs: queue))
        try await app.test(.router) { client in
            let office = try await ScenarioEditRouteTests.Office.signIn(client, workspace)
            try await body(OfficeClient(client: client, office: office, queue: queue), workspace)
        }
    }

    func get(_ uri: String) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .get, headers: office.headers)
    }

    /// Posts a form with the session's CSRF value first (none when `csrf` is false).
    func post(_ uri: String, _ fields: String, csrf: Bool = true) async throws -> TestResponse {
        let body = csrf ? "csrf=\(office.csrf)&" + fields : fields
        return try await client.execute(uri: uri, method: .post, headers: office.headers, body: ByteBuffer(string: body))
    }

    /// Posts a form and follows its 303 to the job, once the queue has run it; returns the job page and its path.
    func job(_ uri: String, _ fields: String) async throws -> (path: String, page: String) {
        let posted = try await post(uri, fields)
        let location = try #require(posted.headers[.location], "\(posted.status) \(String(buffer: posted.body))")
        #expect(posted.status == .seeOther && location.hasPrefix("/office/jobs/"))
        await queue.drain()
        return (location, String(buffer: try await get(location + "?lang=en").body))
    }

    /// A multipart/form-data body of text fields and one file.
    static func multipart(fields: [(String, String)], file: (name: String, bytes: Data)?) -> (contentType: String, body: ByteBuffer) {
        let boundary = "----greenalloc-test-boundary"
        var body = Data()
        for (name, value) in fields {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
        }
        if let file {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(file.name)\"\r\n".utf8))
            body.append(Data("Content-Type: application/octet-stream\r\n\r\n".utf8))
            body.append(file.bytes)
            body.append(Data("\r\n".utf8))
        }
        body.append(Data("--\(boundary)--\r\n".utf8))
        return ("multipart/form-data; boundary=\(boundary)", ByteBuffer(bytes: body))
    }

    func upload(_ uri: String, fields: [(String, String)], file: (name: String, bytes: Data)?) async throws -> TestResponse {
        let form = Self.multipart(fields: fields, file: file)
        var headers = office.headers
        headers[.contentType] = form.contentType
        return try await client.execute(uri: uri, method: .post, headers: headers, body: form.body)
    }
}
