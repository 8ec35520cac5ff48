public import Foundation
public import GreenAllocCore

/// Everything about a run that may differ between runs (scenario-format §13): it lives in run.json, never in
/// allocation.json.
public struct RunInfo: Sendable {
    /// Wall-clock seconds per phase; a phase that did not run is nil (written as `null`).
    public struct Timings: Sendable, Hashable {
        public var read: Double?
        public var compile: Double?
        public var solve: Double?
        public var tiebreak: Double?
        public var write: Double?
        /// The part of `write` spent making the .xlsx workbooks (written only when set; not added to the total
        /// again).
        public var workbooks: Double?
        /// The report's top-ups (the budget that would fund each not-chosen project), computed after the solve
        /// (written only when set; part of the total).
        public var topUps: Double?
        public init(read: Double? = nil, compile: Double? = nil, solve: Double? = nil, tiebreak: Double? = nil,
            write: Double? = nil, workbooks: Double? = nil) {
            self.workbooks = workbooks
            self.read = read
            self.compile = compile
            self.solve = solve
            self.tiebreak = tiebreak
            self.write = write
        }
    }

    public struct ModelSize: Sendable, Hashable {
        public var rows: Int
        public var columns: Int
        public var integerColumns: Int?
        public var nonzeros: Int
        public init(rows: Int, columns: Int, integerColumns: Int? = nil, nonzeros: Int) {
            self.rows = rows
            self.columns = columns
            self.integerColumns = integerColumns
            self.nonzeros = nonzeros
        }
    }

    public var greenallocVersion: String
    public var glpkVersion: String
    public var hostName: String
    public var startTime: Date
    public var scenario: String
    public var inputsSHA256: String
    public var status: AllocationStatus?
    public var exitCode: Int32?
    public var solver: SolverSpec
    /// Further settings (command-line switches such as `--no-tiebreak`, `--force`), written in this order.
    public var extraSettings: [(String, String)]
    public var timings: Timings
    public var modelSize: ModelSize?

    public init(
        greenallocVersion: String, glpkVersion: String, hostName: String = RunInfo.currentHostName(),
        startTime: Date, scenario: String, inputsSHA256: String, status: AllocationStatus? = nil,
        exitCode: Int32? = nil, solver: SolverSpec, extraSettings: [(String, String)] = [],
        timings: Timings = Timings(), modelSize: ModelSize? = nil
    ) {
        self.greenallocVersion = greenallocVersion
        self.glpkVersion = glpkVersion
        self.hostName = hostName
        self.startTime = startTime
        self.scenario = scenario
        self.inputsSHA256 = inputsSHA256
        self.status = status
        self.exitCode = exitCode
        self.solver = solver
        self.extraSettings = extraSettings
        self.timings = timings
        self.modelSize = modelSize
    }

    public static func currentHostName() -> String { ProcessInfo.processInfo.hostName }
}

/// run.json (`format: greenalloc.run/1`). Times in seconds; `start_time` in UTC, ISO 8601 with
/// milliseconds (`2022-03-31T08:15:00.250Z`).
public enum RunJSON {
    public static func render(_ run: RunInfo) -> String {
        JSONWriter.render(value(run))
    }

    /// `render`'s UTF-8 bytes.
    public static func bytes(_ run: RunInfo) -> [UInt8] {
        JSONWriter.bytes(value(run))
    }

    public static func value(_ run: RunInfo) -> JSONValue {
        var settings: [(String, JSONValue)] = [
            ("time_limit", .double(run.solver.timeLimit)), ("mip_gap", .double(run.solver.mipGap)),
            ("tiebreak", .bool(run.solver.tiebreak)), ("backend", .string(run.solver.backend.rawValue)),
        ]
        settings += run.extraSettings.map { ($0.0, .string($0.1)) }
        let timings = run.timings
        var phases: [(String, JSONValue)] = [
            ("read", .double(timings.read)), ("compile", .double(timings.compile)), ("solve", .double(timings.solve)),
            ("tiebreak", .double(timings.tiebreak)), ("write", .double(timings.write)),
        ]
        if let workbooks = timings.workbooks { phases.append(("workbooks", .double(workbooks))) }
        if let topUps = timings.topUps { phases.append(("top_ups", .double(topUps))) }
        let total = [timings.read, timings.compile, timings.solve, timings.tiebreak, timings.write, timings.topUps]
            .compactMap { $0 }.reduce(0, +)
        var model: JSONValue = .null
        if let size = run.modelSize {
            var members: [(String, JSONValue)] = [("rows", .int(size.rows)), ("columns", .int(size.columns))]
            if let integers = size.integerColumns { members.append(("integer_columns", .int(integers))) }
            members.append(("nonzeros", .int(size.nonzeros)))
            model = .object(members)
        }
        return .object([
            ("format", .string("greenalloc.run/1")),
            ("greenalloc_version", .string(run.greenallocVersion)),
            ("glpk_version", .string(run.glpkVersion)),
            ("host", .string(run.hostName)),
            ("start_time", .string(isoTime(run.startTime))),
            ("scenario", .string(run.scenario)),
            ("inputs_sha256", .string(run.inputsSHA256)),
            ("status", .string(run.status?.rawValue)),
            ("exit_code", run.exitCode.map { .int(Int($0)) } ?? .null),
            ("solver_settings", .object(settings)),
            ("timings", .object(phases + [("total", .double(total))])),
            ("model", model),
        ])
    }

    /// UTC, `yyyy-MM-ddTHH:mm:ss.SSSZ`, computed without a formatter (no locale, no time zone database);
    /// the calendar date comes from `Day`.
    static func isoTime(_ date: Date) -> String {
        let milliseconds = Int((date.timeIntervalSince1970 * 1000).rounded(.down))
        let days = milliseconds >= 0 ? milliseconds / 86_400_000 : -((-milliseconds - 1) / 86_400_000) - 1
        let dayMilliseconds = milliseconds - days * 86_400_000
        let seconds = dayMilliseconds / 1000
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return Day(daysSinceEpoch: days).description
            + "T\(pad(seconds / 3600, 2)):\(pad(seconds / 60 % 60, 2)):\(pad(seconds % 60, 2)).\(pad(dayMilliseconds % 1000, 3))Z"
    }
}
