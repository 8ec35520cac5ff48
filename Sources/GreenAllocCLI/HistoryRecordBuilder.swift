internal import Foundation
internal import GreenAllocCore
internal import GreenAllocEngine
internal import GreenAllocHistory
internal import GreenAllocInputs
internal import GreenAllocReports
internal import MILP
internal import MILPGLPK

/// Gathers what the history keeps about a run: its inputs' bytes, the merged scenario, the settings, the
/// outcome and the documents it wrote.
struct HistoryRecordBuilder {
    let session: HistorySession
    let command: String
    let inputs: [ScenarioInputs]
    let outcome: RunOutcome
    let out: String?
    let code: Int32

    /// The output folder's own files that are not documents of the run.
    static let skipped: Set<String> = ["run.json", ".greenalloc-output"]
    /// Documents whose bytes are kept (the others by SHA-256 only: they are rendered again from these).
    static let kept: Set<String> = ["allocation.json", "stdout"]

    func build() throws -> RunRecord {
        let merged = inputs.map { CanonicalJSON.render($0.merged) }
        let facts = RunFacts(
            user: NSUserName(), workingDirectory: FileManager.default.currentDirectoryPath, arguments: RunArguments.current,
            command: command, scenario: inputs.map(\.scenario.name).joined(separator: " | "),
            mergedScenario: merged.count == 1 ? merged[0] : "[" + merged.joined(separator: ",") + "]",
            greenallocVersion: greenallocVersion, glpkVersion: GLPKSolver.glpkVersion, settings: settingsJSON,
            status: outcome.status, exitCode: code, objective: outcome.objective, bound: outcome.bound, gap: outcome.gap,
            timings: json(outcome.timings.map { ($0.0, $0.1 as Any) }), completed: !session.console.interruption.isCancelled)
        return RunRecord(facts: facts, startedAt: session.started, finishedAt: Date(), inputs: try inputFiles(), outputs: outputFiles())
    }

    /// Every scenario file (the `extends` chain) and table each scenario read, once per file.
    func inputFiles() throws -> [RunRecord.Input] {
        var seen: Set<String> = []
        var files: [RunRecord.Input] = []
        for input in inputs {
            let tables = input.scenario.tables
            let named = input.scenarioFiles.map { ("scenario", $0) }
                + TablePath.files([tables.cities, tables.parks, tables.projects, tables.banks]).map { ("table", $0) }
            for (role, path) in named where seen.insert(HistorySession.absolute(path)).inserted {
                guard let bytes = FileManager.default.contents(atPath: path) else {
                    throw HistoryError.unwritable(path: path, detail: "the input can no longer be read")
                }
                files.append(RunRecord.Input(role: role, path: HistorySession.absolute(path), bytes: bytes))
            }
        }
        return files
    }

    /// The output folder's documents (run.json aside: it holds timings), the documents in hand, and what was
    /// printed on standard output.
    func outputFiles() -> [RunRecord.Output] {
        var documents: [String: Data] = [:]
        if let out, let names = try? FileManager.default.contentsOfDirectory(atPath: out) {
            for name in names where !Self.skipped.contains(name) {
                if let bytes = FileManager.default.contents(atPath: (out as NSString).appendingPathComponent(name)) {
                    documents[name] = bytes
                }
            }
        }
        for (name, render) in outcome.documents where documents[name] == nil { documents[name] = Data(render()) }
        let printed = session.standardOutput
        if !printed.isEmpty { documents["stdout"] = Data(printed.utf8) }
        return documents.keys.sorted().compactMap { name in
            documents[name].map { RunRecord.Output(name: name, bytes: $0, stored: Self.kept.contains(name)) }
        }
    }

    var settingsJSON: String {
        guard let settings = outcome.settings else { return "{}" }
        var fields: [(String, Any)] = [
            ("backend", settings.backend.rawValue), ("time_limit", settings.timeLimit), ("mip_gap", settings.relativeGap),
            ("tiebreak", settings.tiebreak), ("loan_time_limit", settings.loanTimeLimit),
        ]
        if let loanGap = settings.loanRelativeGap { fields.append(("loan_gap", loanGap)) }
        return json(fields)
    }

    /// A JSON object with sorted keys.
    func json(_ fields: [(String, Any)]) -> String {
        let object = Dictionary(fields, uniquingKeysWith: { first, _ in first })
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
