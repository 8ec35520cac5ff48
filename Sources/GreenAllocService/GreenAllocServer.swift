public import GreenAllocWorkspace
internal import HTTPTypes
public import Hummingbird
internal import Logging
internal import NIOCore

/// The web service over one workspace: the bank API (and, on it, the bank page).
public enum GreenAllocServer {
    /// Every path served and its methods (for 405 answers; a test checks it against the router and openapi.yaml).
    static let routes: [(pattern: String, methods: [HTTPRequest.Method])] = [
        ("/api/v1/banks/{id}/list", [.get]), ("/banks/{id}", [.get]), ("/bank/sign-in", [.get, .post]), ("/healthz", [.get]),
        ("/office/sign-in", [.get, .post]), ("/office/sign-out", [.post]), ("/office", [.get]), ("/office/solve", [.post]),
        ("/office/jobs/{id}", [.get]), ("/office/jobs/{id}/files/{name}", [.get]), ("/office/history", [.get]),
        ("/office/publish", [.post]), ("/office/scenarios/{name}/edit", [.get, .post]),
        ("/office/scenarios/{name}/tables/{table}", [.put]), ("/office/scenarios/{name}/upload", [.get, .post]),
        ("/office/compare", [.post]), ("/office/sweep", [.post]), ("/office/explain", [.post]), ("/office/runs/{id}", [.get]),
        ("/office/runs/{id}/files/{name}", [.get]), ("/office/runs/{id}/render", [.post]), ("/office/diff", [.get]),
    ]

    /// The same as `pattern method` lines, for the tests.
    public static var routeLines: Set<String> {
        Set(routes.flatMap { route in route.methods.map { "\($0.rawValue) \(route.pattern)" } })
    }

    /// Every route, with its handlers.
    public static func router(workspace: Workspace, jobs: JobQueue? = nil) -> Router<ServiceRequestContext> {
        let router = Router(context: ServiceRequestContext.self)
        router.add(middleware: BodyLimitMiddleware())
        router.add(middleware: MethodNotAllowedMiddleware(routes: routes))
        let api = BankAPI(workspace: workspace)
        router.get("/api/v1/banks/:id/list") { request, context -> Response in
            let query = BankAPI.Query(
                bank: context.parameters.get("id") ?? "", run: request.uri.queryParameters.get("run"),
                format: request.uri.queryParameters.get("format"), accept: request.headers[.accept],
                token: BankAPI.bearer(request.headers[.authorization]))
            return ServiceResponses.response(await api.respond(query, remote: context.remoteText).0)
        }
        BankPageRoutes(api: api).add(to: router)
        OfficeRoutes(workspace: workspace, jobs: jobs ?? JobQueue(workspace: workspace)).add(to: router)
        router.get("/healthz") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: "ok\n")))
        }
        return router
    }

    /// The application, listening on `host:port` (port 0: a free port, given to `onRunning`).
    public static func application(
        workspace: Workspace, host: String, port: Int, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        var logger = Logger(label: "greenalloc-server")
        logger.logLevel = .notice
        // Jobs a server that died left queued or running show as interrupted.
        _ = try? workspace.interruptUnfinishedJobs()
        return Application(
            router: router(workspace: workspace),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "greenalloc"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) },
            logger: logger)
    }
}
