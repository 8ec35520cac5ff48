import Foundation
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
import Testing
import WorkspaceTestSupport

/// The built greenalloc-server as its own process on loopback (a free port), asked by a real HTTP client that
/// follows no redirects and sends only the cookies it is given.
struct LiveServer {
    /// The executable built beside the test bundle.
    static var executable: URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while directory.pathExtension == "xctest" || directory.lastPathComponent == "Contents" || directory.lastPathComponent == "MacOS" {
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent("greenalloc-server")
    }

    /// One answer: status, body and headers (names in lower case, without Date).
    struct Answer {
        let status: Int
        let body: Data
        let headers: [String: String]
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    let process: Process
    let base: String

    init(workspace: String) throws {
        process = Process()
        process.executableURL = Self.executable
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
            throw LoanWorkspaceFailure(message: "the server printed: \(text)")
        }
        base = "http://127.0.0.1:" + text[range.upperBound...].prefix { $0.isNumber }
    }

    func get(_ path: String, token: String?) async throws -> (status: Int, body: Data, headers: [String: String]) {
        let answer = try await request(path, headers: token.map { ["Authorization": "Bearer \($0)"] } ?? [:])
        return (answer.status, answer.body, answer.headers)
    }

    /// GET, or POST when `form` is given (as application/x-www-form-urlencoded), with `headers`; 30 s at most.
    func request(_ path: String, form: String? = nil, headers: [String: String] = [:]) async throws -> Answer {
        var request = URLRequest(url: try #require(URL(string: base + path)), timeoutInterval: 30)
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if let form {
            request.httpMethod = "POST"
            request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(form.utf8)
        }
        let (data, response) = try await Self.session.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        var fields: [String: String] = [:]
        for (key, value) in http.allHeaderFields {
            if let key = key as? String, let value = value as? String, key.lowercased() != "date" { fields[key.lowercased()] = value }
        }
        return Answer(status: http.statusCode, body: data, headers: fields)
    }

    /// SIGTERM, then the exit status once it has stopped (at once when it already has).
    func stop() -> Int32 {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// SIGKILL: the server gets no chance to tidy up.
    func sigkill() {
        if process.isRunning { _ = kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        return URLSession(configuration: configuration, delegate: NoRedirects(), delegateQueue: nil)
    }()
}

/// Answers a redirect with itself, so that a test sees the 303 and its Set-Cookie.
final class NoRedirects: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse, newRequest request: URLRequest,
        completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) { completionHandler(nil) }
}

/// An office user signed in to a live server through the sign-in form, the session cookie kept by hand.
struct OfficeVisitor {
    let cookie: String

    /// GETs the form (its CSRF cookie), POSTs name and password, and keeps the session cookie of the 303.
    init(server: LiveServer, name: String, password: String) async throws {
        let form = try await server.request("/office/sign-in")
        let csrf = try #require(OfficeRouteTests.value(after: "greenalloc_csrf=", in: form.headers["set-cookie"] ?? ""))
        let signedIn = try await server.request(
            "/office/sign-in", form: "csrf=\(csrf)&name=\(name)&password=\(password)", headers: ["Cookie": "greenalloc_csrf=\(csrf)"])
        #expect(signedIn.status == 303 && signedIn.headers["location"] == "/office")
        cookie = "greenalloc_session=" + (try #require(OfficeRouteTests.value(after: "greenalloc_session=", in: signedIn.headers["set-cookie"] ?? "")))
    }

    func get(_ server: LiveServer, _ path: String) async throws -> LiveServer.Answer {
        try await server.request(path, headers: ["Cookie": cookie])
    }

    /// Starts a solve of `scenario` from the scenarios page (its CSRF value); returns the job page's path.
    func solve(_ server: LiveServer, scenario: String) async throws -> String {
        let page = try await get(server, "/office?lang=en")
        #expect(page.status == 200 && page.text.contains("<td>\(scenario)</td><td>valid"), "\(page.text)")
        let csrf = try #require(OfficeRouteTests.value(after: "name=\"csrf\" value=\"", in: page.text))
        let posted = try await server.request("/office/solve", form: "csrf=\(csrf)&scenario=\(scenario)", headers: ["Cookie": cookie])
        let location = try #require(posted.headers["location"])
        #expect(posted.status == 303 && location.hasPrefix("/office/jobs/"))
        return location
    }

    /// Reads the job page every `interval` until `stop` says so or 120 s have passed; returns the last page.
    func watch(_ server: LiveServer, job: String, every interval: Duration, until stop: (String) -> Bool) async throws -> String {
        let deadline = ContinuousClock.now + .seconds(120)
        var page = try await get(server, job).text
        while !stop(page) && ContinuousClock.now < deadline {
            try await Task.sleep(for: interval)
            page = try await get(server, job).text
        }
        return page
    }
}
