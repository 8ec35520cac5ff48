internal import Foundation
internal import GreenAllocWorkspace
internal import HTTPTypes
internal import Hummingbird
internal import NIOCore

/// The responses of the bank API: a list, or one of three fixed error documents.
enum ServiceResponses {
    static func json(_ status: HTTPResponse.Status, _ error: String, extra: HTTPFields = [:]) -> Response {
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"]
        headers.append(contentsOf: extra)
        let body = "{\"error\":\"\(error)\"}\n"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }

    static func response(_ outcome: BankAPI.Outcome) -> Response {
        switch outcome {
        case .list(let run, let format, let bytes):
            var headers: HTTPFields = [.contentType: format.contentType, .cacheControl: "no-store"]
            if let name = HTTPField.Name("X-Greenalloc-Run") { headers[name] = String(run) }
            if format != .json {
                headers[.contentDisposition] = "attachment; filename=\"bank-list-run\(run).\(format.rawValue)\""
            }
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
        case .unauthorized:
            return json(.unauthorized, "unauthorized", extra: [.wwwAuthenticate: "Bearer realm=\"greenalloc\""])
        case .notFound:
            return notFound
        case .badRequest(let message):
            return json(.badRequest, message)
        }
    }

    static var notFound: Response { json(.notFound, "not_found") }
}
