internal import ArgumentParser
internal import Foundation
internal import GreenAllocCore
internal import GreenAllocInputs
internal import GreenAllocReports
internal import GreenAllocRobustness
internal import GreenAllocEngine
internal import MILP

struct Robustness: ParsableCommand, ConsoleCommand {
    static let configuration = CommandConfiguration(
        abstract: "Classify projects as core, borderline or exterior over ranges of weights, bonus factors and budgets.",
        discussion: """
            Each range is absolute (co2_t=0.5..2), relative to the scenario's value (cod_t=±30%, or -20%..+50%); the \
            scenario's robustness: section gives ranges, samples and seed that the options override. \
            Core projects are funded in every plan that is optimal for some admissible values, exterior ones in none, \
            the others are borderline. With few ranges (weights and bonus factors, at most 4) on a small scenario \
            (at most 60 projects to decide), the classes are exact: the non-dominated plans over the box are enumerated \
            (robust portfolio modelling); otherwise, or with --samples, the ranges are sampled (seeded, in parallel), \
            and the classes are estimates whose 95% Wilson intervals the report gives. --out DIR writes robustness.json, \
            robustness.csv, robustness.md, robustness.en.md, robustness.svg, robustness.en.svg, robustness.xlsx and \
            run.json (the time taken); with --shard i/n it writes only the slice robustness.slice-i-of-n.json, which `greenalloc merge` \
            joins. The loan stage is not solved. Exit codes: 0 done, 64 usage error, 65 input error, 130 interrupted, \
            1 anything else.
            """)

    @Argument(help: "The scenario YAML file.")
    var scenario: String

    @Option(name: .long, help: "Weight ranges, comma-separated: column=LOW..HIGH or column=±P% (e.g. co2_t=0.5..2,cod_t=±30%).")
    var weights: String?

    @Option(name: .long, help: "A range of every fund's budget, relative (±10%) or as scales (0.9..1.1).")
    var budget: String?

    @Option(name: .long, help: "Bonus factor ranges, comma-separated: name=LOW..HIGH or name=±P%.")
    var bonus: String?

    @Option(name: .long, help: "Sample N points instead of the exact method (default 200 when the exact method does not apply).")
    var samples: Int?

    @Option(name: .long, help: "The seed of the samples (default: the scenario's robustness.seed, else 1).")
    var seed: UInt64?

    @Option(name: .long, help: "Also sample with this seed and report how the classes move between the two seeds.")
    var compareSeed: UInt64?

    @Option(name: .long, help: "Solve only slice i of n of the samples (e.g. 2/8) and write robustness.slice-i-of-n.json into --out.")
    var shard: ShardSpec?

    @Option(name: .long, help: "Print json (default), md or csv.")
    var format: OutputFormat?

    @Option(name: .long, help: "Write the documents (or, with --shard, the slice) into this directory.")
    var out: String?

    @Option(name: .long, help: "Language of the Markdown printed with --format md: zh (default) or en.")
    var lang: ReportLanguage = .zh

    @OptionGroup var options: SolveOptions

    @OptionGroup var noLoanStageOptions: NoLoanStageOptions

    @OptionGroup var historyOptions: HistoryOptions

    static let defaultSamples = 200

    func validate() throws {
        if let samples, !(1...100_000).contains(samples) { throw ValidationError("--samples must be between 1 and 100000") }
        if shard != nil, out == nil { throw ValidationError("--shard writes its slice into --out DIR: give --out") }
        if shard != nil, format != nil { throw ValidationError("--shard prints nothing; merge the slices with greenalloc merge") }
    }

    func execute(console: Console) throws -> Int32 {
        let session = historyOptions.begin(console)
        let console = session.console
        let clock = stopwatch()
        let inputs = try loadInputs(scenario, console: console).subsidyStageOnly
        let planSolver = try RobustnessRequest.planSolver(inputs, options: options, console: console)
        let settings = planSolver.settings
        let chosen = try RobustnessSettings(inputs.scenario, weights: weights, budget: budget, bonus: bonus, samples: samples, seed: seed)
        let (ranges, samples, seed) = (chosen.ranges, chosen.samples, chosen.seed)
        if let compareSeed, compareSeed == seed { throw UsageError(message: "--compare-seed must differ from the seed (\(seed))") }
        let request = RobustnessRequest(inputs: inputs, planSolver: planSolver, ranges: ranges, console: console)
        if let shard {
            let sampleCount = samples ?? Self.defaultSamples
            let indices = RobustnessSampler.indices(samples: sampleCount, shard: shard.index, of: shard.count)
            let part = try request.sampled(indices: indices, seed: seed)
            let other = try compareSeed.map { try request.sampled(indices: indices, seed: $0) }
            let slice = RobustnessSlice(
                shard: shard.index, count: shard.count, samples: sampleCount, inputsSHA256: inputs.inputsSHA256, result: part,
                comparison: other, seconds: clock())
            let name = RobustnessSlice.fileName(shard: shard.index, of: shard.count)
            try OutputDirectory.write(files: [name: try slice.encoded()], to: out ?? ".", cancellation: console.interruption)
            console.error("greenalloc: slice \(shard.index)/\(shard.count): \(indices.count) samples in \(String(format: "%.2f", clock())) s → \(out ?? ".")/\(name)\n")
            return finish(session, inputs: inputs, settings: settings)
        }
        let result = try request.classes(samples: samples, seed: seed)
        let comparison = try compareSeed.map { try request.sampled(indices: Array(0..<(samples ?? Self.defaultSamples)), seed: $0) }
        let seconds = clock()
        try RobustnessRequest.write(result, comparison: comparison, seconds: seconds, out: out, console: console)
        switch format ?? (out == nil ? .json : nil) {
        case .json: console.out(JSONWriter.render(RobustnessOutput.json(result)))
        case .md: console.out(RobustnessMarkdown(result: result, comparison: comparison, language: lang).render(chart: nil))
        case .csv: console.out(RobustnessOutput.csv(result))
        case nil: break
        }
        RobustnessRequest.summary(result, comparison: comparison, seconds: seconds, console: console)
        return finish(session, inputs: inputs, settings: settings)
    }

    func finish(_ session: HistorySession, inputs: ScenarioInputs, settings: RunSettings) -> Int32 {
        session.finish(
            command: "robustness", inputs: [inputs], outcome: RunOutcome(status: "classified", settings: settings), out: out,
            code: ExitStatus.success)
    }
}

/// Runs a robustness request's solves and writes its documents (shared by `robustness` and `merge`).
struct RobustnessRequest {
    let inputs: ScenarioInputs
    let planSolver: PlanSolver
    let ranges: [ParameterRange]
    let console: Console

    /// The solver of the command's solves: the solve flags over the scenario's settings, stopped by an interruption.
    static func planSolver(_ inputs: ScenarioInputs, options: SolveOptions, console: Console) throws -> PlanSolver {
        let settings = options.settings(for: inputs.scenario.solver, console: console)
        var planSolver = PlanSolver(
            library: inputs.library, rules: inputs.rules, solver: try makeSolver(console, backend: settings.backend), settings: settings)
        planSolver.cancellation = console.interruption
        return planSolver
    }

    /// `a=x,b=y` → [(a, x), (b, y)].
    static func pairs(_ text: String?, option: String) throws -> [(String, String)] {
        guard let text else { return [] }
        return try text.split(separator: ",").map { part in
            let pieces = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pieces.count == 2, !pieces[0].isEmpty else { throw UsageError(message: "\(option): '\(part)' is not NAME=RANGE") }
            return (pieces[0], pieces[1])
        }
    }

    var labels: [ProjectLabel] {
        let facts = planSolver.compile(inputs.scenario).facts
        let library = inputs.library
        return library.projectRecords.enumerated().map { index, record in
            let city = library.cityNames.indices.contains(record.city) ? library.cityNames[record.city] : ""
            return ProjectLabel(id: record.id, name: record.name, city: city, fundable: facts.indices.contains(index) && facts[index].hasDecisionColumns)
        }
    }

    func result(_ method: RobustnessMethod, plans: [Plan], samples: [RobustnessSample], seed: UInt64?, fallback: ExactFallback?, solves: Int) -> RobustnessResult {
        RobustnessResult(
            scenario: inputs.scenario.name, scenarioEnglish: inputs.scenario.englishName, method: method, ranges: ranges,
            projects: labels, plans: plans, samples: samples, seed: seed, fallback: fallback, solves: solves)
    }

    func sampled(indices: [Int], seed: UInt64, fallback: ExactFallback? = nil) throws -> RobustnessResult {
        let sampler = RobustnessSampler(
            planSolver: planSolver, scenario: inputs.scenario, ranges: ranges, seed: seed,
            threads: ProcessInfo.processInfo.activeProcessorCount)
        let samples = try sampler.run(indices: indices, progress: WhatIfSupport.progress(console: console, label: "greenalloc: samples"))
        return result(.sampled, plans: [], samples: samples, seed: seed, fallback: fallback, solves: samples.count)
    }

    /// Exact when it applies and no sample count is given; otherwise sampled, saying why.
    func classes(samples: Int?, seed: UInt64) throws -> RobustnessResult {
        if let samples { return try sampled(indices: Array(0..<samples), seed: seed) }
        switch try ExactRobustness(planSolver: planSolver, scenario: inputs.scenario, ranges: ranges).run() {
        case .plans(let plans, let solves):
            return result(.exact, plans: plans, samples: [], seed: nil, fallback: nil, solves: solves)
        case .fallback(let reason):
            console.error("greenalloc: the exact method does not apply (\(RobustnessOutput.fallbackCode(reason))); sampling \(Robustness.defaultSamples) points\n")
            return try sampled(indices: Array(0..<Robustness.defaultSamples), seed: seed, fallback: reason)
        }
    }

    static func write(_ result: RobustnessResult, comparison: RobustnessResult?, seconds: Double, out: String?, console: Console) throws {
        guard let out else { return }
        var files = try RobustnessOutput.files(result, seedComparison: comparison)
        files["run.json"] = RobustnessOutput.runJSON(result, seconds: seconds)
        try OutputDirectory.write(files: files, to: out, cancellation: console.interruption)
    }

    static func summary(_ result: RobustnessResult, comparison: RobustnessResult?, seconds: Double, console: Console) {
        let counts = result.counts
        var line = "greenalloc: \(result.method.rawValue): core \(counts[.core] ?? 0), borderline \(counts[.borderline] ?? 0), exterior \(counts[.exterior] ?? 0)"
        line += " (\(result.method == .exact ? "\(result.plans.count) non-dominated plans" : "\(result.samples.count) samples"), \(result.solves) solves, \(String(format: "%.2f", seconds)) s)"
        if let comparison { line += "; \(result.moves(against: comparison).count) projects change class with seed \(comparison.seed ?? 0)" }
        console.error(line + "\n")
    }
}

/// `--shard i/n`: slice i (1-based) of n.
struct ShardSpec: ExpressibleByArgument {
    var index: Int
    var count: Int
    init?(argument: String) {
        let parts = argument.split(separator: "/")
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, count <= 100_000,
            (1...count).contains(index)
        else { return nil }
        self.index = index
        self.count = count
    }
}

/// Runs `body`, turning a robustness request's mistakes into usage errors (exit 64).
func robustnessUsage<Value>(_ body: () throws -> Value) throws -> Value {
    do { return try body() } catch let error as RobustnessError { throw UsageError(message: error.description) }
}
