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
                let (status, text) = await replaceTable(context.parameters.get("name"), context.parameters.get("table"), Data(body.readableBytesView))
                return status == .notFound ? ServiceResponses.notFound : Self.plain(status, text)
            }
        }
    }

    static func plain(_ status: HTTPResponse.Status, _ text: String) -> Response {
        Response(status: status, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text + "\n")))
    }

    static let tableKeys = ["cities", "parks", "projects", "banks"]

    /// The tables a listed, confined scenario reads, by key, with the file each is read from.
    func tablePaths(_ name: String?) -> [(key: String, path: TablePath)]? {
        guard let name, workspace.scenarioFiles().contains(name), confinement.outside(workspace.folder + "/" + name).isEmpty,
            case .success(let loaded) = ScenarioLoader.load(path: workspace.folder + "/" + name)
        else { return nil }
        let t = loaded.scenario.tables
        return zip(Self.tableKeys, [t.cities, t.parks, t.projects, t.banks]).compactMap { key, path in path.map { (key, TablePath($0)) } }
    }

    /// Replaces the table (a status and the text that says what happened; 404 for a scenario or table that
    /// is not one). `fileName`, when the upload came with one, must have the extension of the table's file.
    func replaceTable(_ name: String?, _ table: String?, _ data: Data, fileName: String? = nil) async -> (HTTPResponse.Status, String) {
        guard let name, let paths = tablePaths(name), let target = paths.first(where: { $0.key == table })?.path.file else {
            return (.notFound, "not found")
        }
        let shown = target.hasPrefix(workspace.folder + "/") ? String(target.dropFirst(workspace.folder.count + 1)) : target
        let expected = (target as NSString).pathExtension.lowercased()
        if let fileName, (fileName as NSString).pathExtension.lowercased() != expected {
            return (.unprocessableContent, "\(shown) not replaced: the table is read from a .\(expected) file; \(fileName) is not one")
        }
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
        else { return (.internalServerError, "the upload could not be written") }
        let result = await CommandThread.run(["validate", scenario])
        guard result.code == 0 else {
            let messages = (result.error + result.out).replacingOccurrences(of: upload, with: shown)
                .replacingOccurrences(of: (upload as NSString).lastPathComponent, with: shown)
            return (.unprocessableContent, "\(shown) not replaced:\n" + messages)
        }
        let backup = target + ".bak-" + Self.stamp()
        guard link(target, backup) == 0, rename(upload, target) == 0 else {
            return (.conflict, "\(shown) not replaced: its backup could not be made; try again")
        }
        return (.ok, "replaced \(shown); the previous file is kept as \((backup as NSString).lastPathComponent)")
    }

    static func stamp() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: Date())
    }
}
