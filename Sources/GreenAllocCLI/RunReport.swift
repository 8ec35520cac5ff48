internal import Foundation
internal import GreenAllocCore
internal import GreenAllocIO

/// run.json: everything that may differ between runs (timings, host, versions), kept apart from
/// allocation.json so that the latter is byte-identical across runs.
struct RunReport {
    var scenario: Scenario
    var settings: RunSettings
    var statistics: RunStatistics
    var readSeconds: Double
    var writeSeconds: Double
    var solver: String
    var encodings: [String: String]

    func render(writeSeconds: Double) -> String {
        func seconds(_ value: Double) -> JSONValue { .double((value * 1e6).rounded() / 1e6) }
        let value: JSONValue = .object([
            ("format", .string("greenalloc.run/1")),
            ("greenalloc", .string(greenallocVersion)),
            ("solver", .object([("name", .string("GLPK")), ("version", .string(solver))])),
            ("scenario", .string(scenario.name)),
            ("files", .array(scenario.files.map { .string($0) })),
            ("encodings", .object(encodings.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
            ("settings", .object([
                ("time_limit", .double(settings.timeLimit)), ("mip_gap", .double(settings.relativeGap)),
                ("tiebreak", .bool(settings.tiebreak)),
            ])),
            ("model", .object([
                ("rows", .int(statistics.rows)), ("columns", .int(statistics.columns)),
                ("nonzeros", .int(statistics.nonzeros)),
            ])),
            ("seconds", .object([
                ("read", seconds(readSeconds)), ("compile", seconds(statistics.compileSeconds)),
                ("solve", seconds(statistics.solveSeconds)), ("tiebreak", seconds(statistics.tiebreakSeconds)),
                ("diagnosis", seconds(statistics.diagnosisSeconds)), ("write", seconds(writeSeconds)),
            ])),
            ("tiebreak_status", .string(statistics.tiebreakStatus)),
            ("host", .string(ProcessInfo.processInfo.hostName)),
            ("started", .string(ISO8601DateFormatter().string(from: Date()))),
        ])
        return JSONWriter.render(value)
    }
}
