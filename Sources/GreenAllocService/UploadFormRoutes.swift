internal import Foundation
internal import GreenAllocInputs
internal import GreenAllocWorkspace
internal import Hummingbird
internal import MultipartKit
internal import NIOCore

/// The upload form of a scenario's table (a CSV file or a library workbook), posted as multipart/form-data
/// with the session's CSRF value: the same checks as `PUT /office/scenarios/{name}/tables/{table}` (validated
/// before anything is replaced; errors name the file, line and column, or the sheet and cell), shown as a page.
extension OfficeRoutes {
    func addUploadForm(to router: Router<ServiceRequestContext>) {
        router.get("/office/scenarios/:name/upload") { request, context in
            try await signedIn(request) { session, page in try uploadPage(context.parameters.get("name"), session, page, outcome: nil) }
        }
        router.post("/office/scenarios/:name/upload") { request, context in
            let body = try await request.body.collect(upTo: Self.uploadLimit)
            return try await signedIn(request) { session, page in
                guard let form = UploadedForm(contentType: request.headers[.contentType], body: body) else {
                    return Self.refusal("the form must be sent as multipart/form-data")
                }
                guard let sent = form.text("csrf"), SecretText.constantTimeEqual(Array(sent.utf8), Array(session.csrf.utf8)) else {
                    return BankPageRoutes.html(.forbidden, BankPage(english: false).message("CSRF"))
                }
                guard let file = form.parts.first(where: { $0.name == "file" }), !file.body.isEmpty else {
                    return Self.refusal("choose a file to upload")
                }
                let name = context.parameters.get("name")
                let outcome = await replaceTable(name, form.text("table"), file.body, fileName: file.fileName)
                if outcome.0 == .notFound { return ServiceResponses.notFound }
                return try uploadPage(name, session, page, outcome: outcome)
            }
        }
    }

    func uploadPage(_ name: String?, _ session: OfficeSession, _ page: OfficePage, outcome: (HTTPResponse.Status, String)?) throws -> Response {
        guard let name, let paths = tablePaths(name) else { return ServiceResponses.notFound }
        let tables = paths.map { (key: $0.key, file: ($0.path.file as NSString).lastPathComponent + ($0.path.sheet.map { "#" + $0 } ?? "")) }
        return BankPageRoutes.html(outcome?.0 ?? .ok, page.upload(name, tables: tables, outcome: outcome?.1, user: session.user))
    }
}

/// A multipart/form-data body, read with MultipartKit's parser: each part's name, file name and bytes.
struct UploadedForm {
    struct Part {
        var name: String?
        var fileName: String?
        var body = Data()
    }

    var parts: [Part] = []

    init?(contentType: String?, body: ByteBuffer) {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data"),
            let boundary = Self.parameter("boundary", in: contentType), (1...70).contains(boundary.utf8.count)
        else { return nil }
        final class Collector {
            var parts: [Part] = []
            var current = Part()
        }
        let collector = Collector()
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { field, value in
            guard field.lowercased() == "content-disposition" else { return }
            collector.current.name = Self.parameter("name", in: value)
            collector.current.fileName = Self.parameter("filename", in: value)
        }
        parser.onBody = { buffer in collector.current.body.append(contentsOf: buffer.readableBytesView) }
        parser.onPartComplete = {
            collector.parts.append(collector.current)
            collector.current = Part()
        }
        do { try parser.execute(body) } catch { return nil }
        parts = collector.parts
    }

    func text(_ name: String) -> String? {
        parts.first { $0.name == name }.map { String(decoding: $0.body, as: UTF8.self) }
    }

    /// `key=value` or `key="value"` among a header's `;`-separated parameters.
    static func parameter(_ key: String, in header: String) -> String? {
        for item in header.split(separator: ";").dropFirst() {
            let pair = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, pair[0].lowercased() == key else { continue }
            var value = pair[1]
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }
}

extension OfficePage {
    func upload(_ name: String, tables: [(key: String, file: String)], outcome: String?, user: String) -> String {
        var body = outcome.map { "<pre class=\"outcome\">\(e($0))</pre>\n" } ?? ""
        body += "<form method=\"post\" action=\"\(e(link("/office/scenarios/\(name)/upload")))\" enctype=\"multipart/form-data\">"
            + "<input type=\"hidden\" name=\"csrf\" value=\"\(e(csrf))\">\n<p><label>" + text.pick("表格", "Table") + " <select name=\"table\">"
            + tables.map { "<option value=\"\(e($0.key))\">\(e($0.key)) (\(e($0.file)))</option>" }.joined() + "</select></label></p>\n"
            + "<p><label>" + text.pick("文件（CSV 或 xlsx，至多 16 MiB）", "File (CSV or xlsx, up to 16 MiB)")
            + " <input type=\"file\" name=\"file\" accept=\".csv,.xlsx\" required></label></p>\n<p><button type=\"submit\">"
            + text.pick("校验并替换", "Validate and replace") + "</button></p></form>\n<p>"
            + text.pick("文件先按情景校验；有错误时不替换任何文件，原文件另存为备份。", "The file is validated with the scenario first; on an error nothing is replaced, and the previous file is kept as a backup.")
            + "</p>"
        return page(text.pick("上传表格：", "Upload a table: ") + name, user: user, body: body)
    }
}
