import Foundation
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
import GreenAllocWorkspace
import Testing
import WorkspaceTestSupport

/// The built greenalloc-server as its own process on loopback (a free port), asked by a real HTTP client.
@Suite struct LiveServerTests {
    /// The executable built beside the test bundle.
    static var executable: URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while directory.pathExtension == "xctest" || directory.lastPathComponent == "Contents" || directory.lastPathComponent == "MacOS" {
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent("greenalloc-server")
    }

    /// A running server and the base URL it printed.
    struct Server {
        let process: Process
        let base: String

        init(workspace: String) throws {
            process = Process()
            process.executableURL = LiveServerTests.executable
            process.arguments = ["--workspace", workspace, "--host", "127.0.0.1", "--port", "0"]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            var text = ""
            // The first line says where it listens; a server that dies first ends the read.
            while !text.contains("\n") {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                text += String(decoding: chunk, as: UTF8.self)
            }
            guard let range = text.range(of: "http://127.0.0.1:") else {
                process.terminate()
                throw LoanWorkspaceServerFailure(message: "the server printed: \(text)")
            }
            base = "http://127.0.0.1:" + text[range.upperBound...].prefix { $0.isNumber }
        }

        func get(_ path: String, token: String?) async throws -> (status: Int, body: Data, headers: [String: String]) {
            var request = URLRequest(url: try #require(URL(string: base + path)))
            if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
            let (data, response) = try await URLSession.shared.data(for: request)
            let http = try #require(response as? HTTPURLResponse)
            var headers: [String: String] = [:]
            for (key, value) in http.allHeaderFields {
                if let key = key as? String, let value = value as? String, key.lowercased() != "date" { headers[key.lowercased()] = value }
            }
            return (http.statusCode, data, headers)
        }

        /// SIGTERM, then the exit status once it has stopped.
        func stop() -> Int32 {
            process.terminate()
            process.waitUntilExit()
            return process.terminationStatus
        }
    }

    @Test func accessControlOverARealSocket() async throws {
        let fixture = try ServiceFixture()
        defer { fixture.remove() }
        let server = try Server(workspace: fixture.space.folder)
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

struct LoanWorkspaceServerFailure: Error { var message: String }
