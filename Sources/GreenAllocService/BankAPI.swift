internal import Foundation
internal import GreenAllocWorkspace
internal import Hummingbird

/// `GET /api/v1/banks/{id}/list`: a bank's own list from the latest published run (`?run=` for an older
/// published one), as JSON, CSV or xlsx (`?format=`, else the Accept header, else JSON). The token of bank A
/// asking for bank B's list gets the very response of a list that does not exist; every request is logged.
struct BankAPI: Sendable {
    let workspace: Workspace
    let accessLog: BankAccessWriter

    init(workspace: Workspace) {
        self.workspace = workspace
        accessLog = BankAccessWriter(workspace: workspace)
    }

    /// How a request ended, before it is logged.
    enum Outcome {
        case list(run: Int64, format: BankListFormat, bytes: Data)
        case unauthorized
        case notFound
        case badRequest(String)
    }

    /// What one request asks for, read off the request without trusting any of it.
    struct Query {
        var bank: String
        var run: String?
        var format: String?
        var accept: String?
        var token: String?
    }

    func respond(_ query: Query, remote: String) async -> (Outcome, format: String) {
        let format = Self.negotiate(format: query.format, accept: query.accept)
        let caller = query.token.flatMap { try? workspace.bank(forToken: $0) }
        let outcome = outcome(query, caller: caller?.bank, format: format)
        var runID: Int64?
        if case .list(let run, _, _) = outcome { runID = run }
        let status = switch outcome {
        case .list: 200
        case .unauthorized: 401
        case .notFound: 404
        case .badRequest: 400
        }
        let access = BankAccess(
            tokenID: caller?.tokenID, tokenBank: caller?.bank, requestedBank: query.bank, requestedRun: query.run,
            format: format?.rawValue ?? String((query.format ?? "?").prefix(16)), status: status, runID: runID, remote: remote)
        // A log that cannot be written refuses the request rather than serve it unlogged.
        do {
            try await accessLog.log(access)
        } catch {
            return (.badRequest("the access log cannot be written"), access.format)
        }
        return (outcome, access.format)
    }

    func outcome(_ query: Query, caller: String?, format: BankListFormat?) -> Outcome {
        guard let caller else { return .unauthorized }
        guard let format else { return .badRequest("format must be json, csv or xlsx") }
        var run: Int64?
        if let text = query.run {
            guard text.utf8.count <= 18, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let value = Int64(text) else {
                return .badRequest("run must be a run id")
            }
            run = value
        }
        // Another bank's list, an unknown bank and an unpublished run are one and the same answer.
        guard WorkspaceIdentifier.isValid(query.bank), query.bank == caller,
            let list = try? workspace.publishedList(bank: caller, run: run, format: format)
        else { return .notFound }
        return .list(run: list.runID, format: format, bytes: list.bytes)
    }

    /// `?format=` when given (nil: not a known format), else the first of the Accept header's types known here,
    /// else JSON.
    static func negotiate(format: String?, accept: String?) -> BankListFormat? {
        if let format { return BankListFormat(rawValue: format) }
        for item in (accept ?? "").split(separator: ",") {
            let type = item.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
            switch type {
            case "application/json": return .json
            case "text/csv": return .csv
            case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": return .xlsx
            default: continue
            }
        }
        return .json
    }

    /// The bearer token of an `Authorization` header (nil when there is none or it is of another scheme).
    static func bearer(_ header: String?) -> String? {
        guard let header, header.count <= 256 else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        return String(parts[1]).trimmingCharacters(in: .whitespaces)
    }
}
