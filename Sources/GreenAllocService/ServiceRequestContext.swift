public import Hummingbird
public import NIOCore

/// The context of every request: the peer's address (for the access log) and a small body limit (the API
/// takes no body; the forms are short; a table upload, the PUT or the upload form, reads up to its own larger limit).
public struct ServiceRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?

    /// The largest request body read, in bytes.
    public static let bodyLimit = 64 * 1024

    public var maxUploadSize: Int { Self.bodyLimit }

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// The peer's IP address as text ("" when unknown, e.g. in tests without a socket).
    var remoteText: String { remoteAddress?.ipAddress ?? "" }
}

/// Refuses a request whose declared body is over the limit before any of it is read (413), and a body sent
/// without a length that grows over it while being read.
struct BodyLimitMiddleware: RouterMiddleware {
    typealias Context = ServiceRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // A table upload (the PUT, or the upload form's POST, read up to its own limit by its route) is the one larger body.
        let upload = request.method == .put || (request.method == .post && request.uri.path.hasSuffix("/upload"))
        let limit = upload ? OfficeRoutes.uploadLimit : ServiceRequestContext.bodyLimit
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw HTTPError(.contentTooLarge)
        }
        return try await next(request, context)
    }
}
