public import Foundation
public import GreenAllocCore
public import GreenAllocEngine

/// What `solve` knows about its run when it writes run.json.
public struct SolveRunRecord: Sendable {
    public var allocation: Allocation
    public var statistics: RunStatistics
    public var settings: RunSettings
    public var scenario: Scenario
    public var inputsSHA256: String
    public var language: ReportLanguage
    public var startTime: Date
    public var readSeconds: Double
    /// Seconds of the nested view (`--nested`), nil when it did not run.
    public var nestedSeconds: Double?
    public var exitCode: Int32
    public var greenallocVersion: String
    public var glpkVersion: String

    public init(
        allocation: Allocation, statistics: RunStatistics, settings: RunSettings, scenario: Scenario, inputsSHA256: String,
        language: ReportLanguage, startTime: Date, readSeconds: Double, nestedSeconds: Double?, exitCode: Int32,
        greenallocVersion: String, glpkVersion: String
    ) {
        self.allocation = allocation
        self.statistics = statistics
        self.settings = settings
        self.scenario = scenario
        self.inputsSHA256 = inputsSHA256
        self.language = language
        self.startTime = startTime
        self.readSeconds = readSeconds
        self.nestedSeconds = nestedSeconds
        self.exitCode = exitCode
        self.greenallocVersion = greenallocVersion
        self.glpkVersion = glpkVersion
    }
}

extension RunInfo {
    /// run.json of `solve`: the solver settings, the files and language, the tie rule's status, the loan
    /// stage's seconds and solves (when it ran), the nested view (with `--nested`), the loan conflict (when
    /// the loan stage is infeasible), and the phases' timings (`write` is set by the caller once written).
    public init(solve record: SolveRunRecord) {
        let allocation = record.allocation
        let statistics = record.statistics
        let settings = record.settings
        var extra: [(String, String)] = [
            ("files", record.scenario.files.joined(separator: " → ")), ("language", record.language.rawValue),
        ]
        if let status = statistics.tiebreakStatus { extra.append(("tiebreak_status", status)) }
        if allocation.loanStage != nil {
            extra += [
                ("loan_stage_seconds", formatNumber((statistics.loanSeconds * 1000).rounded() / 1000)),
                ("loan_stage_solves", String(statistics.loanSolves)),
            ]
        }
        if let nested = allocation.loanStage?.details?.nested {
            extra += [
                ("loan_nested_steps", String(nested.steps)),
                ("loan_nested_seconds", formatNumber(((record.nestedSeconds ?? 0) * 1000).rounded() / 1000)),
                ("loan_nested_solves", String(nested.solves)),
                ("loan_nested_statuses", nested.statuses.map(\.rawValue).joined(separator: " ")),
            ]
        }
        if let diagnosis = allocation.loanStage?.diagnosis {
            let rules = ConflictRuleText(language: record.language, allocation: allocation)
            extra.append(("loan_stage_conflict", diagnosis.conflict.map(rules.name).joined(separator: "; ")))
        }
        self.init(
            greenallocVersion: record.greenallocVersion, glpkVersion: record.glpkVersion, startTime: record.startTime,
            scenario: record.scenario.name, inputsSHA256: record.inputsSHA256, status: allocation.status,
            exitCode: record.exitCode,
            solver: SolverSpec(
                timeLimit: settings.timeLimit, mipGap: settings.relativeGap, tiebreak: settings.tiebreak,
                backend: settings.backend),
            extraSettings: extra,
            timings: RunInfo.Timings(
                read: record.readSeconds, compile: statistics.compileSeconds, solve: statistics.solveSeconds,
                tiebreak: settings.tiebreak ? statistics.tiebreakSeconds : nil),
            modelSize: RunInfo.ModelSize(rows: statistics.rows, columns: statistics.columns, nonzeros: statistics.nonzeros))
    }
}
