internal import Foundation
internal import GreenAllocCore
internal import GreenAllocInputs
internal import GreenAllocWorkspace
internal import Hummingbird
internal import HTTPTypes
internal import NIOCore

/// Replaces one of a scenario's tables with an uploaded CSV file or workbook (the request's raw body), only if
/// the scenario validates against it: the upload is written beside the table under a hidden name, validated
/// through a hidden scenario naming it, then the old file is kept as `FILE.bak-TIMESTAMP` and the new one
/// renamed over it. Nothing is replaced on error.
extension OfficeRoutes {
    static let uploadLimit = 16 * 1024 * 1024
    static let csrfHeader = HTTPField.Name("X-CSRF-Token")!

    func addTableUpload(to router: Router<ServiceRequestContext>) {
        router.put("/office/scenarios/:name/tables/:table") { request, context in
            let body = try await request.body.collect(upTo: Self.uploadLimit)
            return try await signedIn(request) { session, _ in
                guard let sent = request.headers[Self.csrfHeader], SecretText.constantTimeEqual(Array(sent.utf8), Array(session.csrf.utf8)) else {
                    return Self.plain(.forbidden, "CSRF")
                }
                return await replaceTable(context.parameters.get("name"), context.parameters.get("table"), Data(body.readableBytesView))
            }
        }
    }

    static func plain(_ status: HTTPResponse.Status, _ text: String) -> Response {
        Response(status: status, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text + "\n")))
    }

    func replaceTable(_ name: String?, _ table: String?, _ data: Data) async -> Response {
        let keys = ["cities", "parks", "projects", "banks"]
        guard let name, workspace.scenarioFiles().contains(name), let table, keys.contains(table),
            confinement.outside(workspace.folder + "/" + name).isEmpty,
            case .success(let loaded) = ScenarioLoader.load(path: workspace.folder + "/" + name)
        else { return ServiceResponses.notFound }
        let t = loaded.scenario.tables
        let paths = zip(keys, [t.cities, t.parks, t.projects, t.banks]).compactMap { key, path in path.map { (key, TablePath($0)) } }
        guard let target = paths.first(where: { $0.0 == table })?.1.file else { return ServiceResponses.notFound }
        let shown = target.hasPrefix(workspace.folder + "/") ? String(target.dropFirst(workspace.folder.count + 1)) : target
        let hidden = "/.upload-\(UUID().uuidString)"
        let upload = (target as NSString).deletingLastPathComponent + hidden + "." + (target as NSString).pathExtension
        let scenario = workspace.folder + hidden + ".yaml"
        defer { unlink(upload); unlink(scenario) }
        // Every table read from the same file (a workbook's sheets) reads the upload instead.
        let lines = paths.filter { $0.1.file == target }.map { key, path in
            "  \(key): " + EditableScenario.quoted(upload + (path.sheet.map { "#" + $0 } ?? ""))
        }
        let text = (["extends: " + EditableScenario.quoted(name), "tables:"] + lines).joined(separator: "\n") + "\n"
        guard FileManager.default.createFile(atPath: upload, contents: data),
            FileManager.default.createFile(atPath: scenario, contents: Data(text.utf8))
        else { return Self.plain(.internalServerError, "the upload could not be written") }
        let result = await CommandThread.run(["validate", scenario])
        guard result.code == 0 else {
            let messages = (result.error + result.out).replacingOccurrences(of: upload, with: shown)
                .replacingOccurrences(of: (upload as NSString).lastPathComponent, with: shown)
            return Self.plain(.unprocessableContent, "\(shown) not replaced:\n" + messages)
        }
        let backup = target + ".bak-" + Self.stamp()
        guard link(target, backup) == 0, rename(upload, target) == 0 else {
            return Self.plain(.conflict, "\(shown) not replaced: its backup could not be made; try again")
        }
        return Self.plain(.ok, "replaced \(shown); the previous file is kept as \((backup as NSString).lastPathComponent)")
    }

    static func stamp() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: Date())
    }
}
