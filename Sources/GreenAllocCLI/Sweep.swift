internal import ArgumentParser
internal import Foundation
internal import GreenAllocCore
internal import GreenAllocEngine
internal import GreenAllocInputs
internal import GreenAllocReports
internal import GreenAllocWhatIf
internal import MILP
internal import MILPGLPK

struct Sweep: ParsableCommand, ConsoleCommand {
    static let configuration = CommandConfiguration(
        abstract: "Solve a scenario at a range of budgets of one fund.",
        discussion: """
            N points from --from to --to (both included, evenly spaced; 0.5 or 50%), each multiplying the fund's \
            budget in every year. Points run on all cores, settled in rounds of bisection: each starts from its \
            lower neighbour's plan and stops once it reaches its upper neighbour's bound, or is proved from its \
            neighbours without a solve. One solve per point at most unless --tiebreak. --independent solves each point \
            on its own (a full run, the tie rule as the scenario says); --shard I/N solves only the points I−1, I−1+N, … \
            that way and writes sweep.slice-I-of-N.json into --out, which `greenalloc merge` joins. Prints CSV (default), md or json; --out DIR writes sweep.csv, sweep.svg \
            (objective against budget over the marginal value per 万元), sweep.md and sweep.html (with sweep.en.md and \
            sweep.en.html: the frontier, the marginal value, parks named and targets per point, a table per point and \
            the projects that leave the funded set as money grows) and sweep.xlsx; --pdf adds sweep.pdf, sweep.html \
            printed by headless Chromium (Debian package chromium). The points carry no loans: the loan stage is not \
            solved, and --loan-time-limit and --loan-gap are refused. Exit codes: 0 done (whatever the points' \
            statuses), 64 usage error, 65 input error, 69 --pdf without Chromium (the other files are written), \
            1 anything else.
            """)

    @Argument(help: "The scenario YAML file.")
    var scenario: String

    @Option(name: .long, help: "The id of the fund whose budget is scaled.")
    var fund: String

    @Option(name: .long, help: "The first scale (e.g. 0.5 or 50%).")
    var from: Scale

    @Option(name: .long, help: "The last scale (e.g. 2.0 or 200%).")
    var to: Scale

    @Option(name: .long, help: "Number of points, both ends included.")
    var steps: Int

    @Option(name: .long, help: "Print csv (default), md or json.")
    var format: OutputFormat?

    @Option(name: .long, help: "Write sweep.csv, sweep.svg, sweep.md, sweep.html (and .en twins) and sweep.xlsx into this directory.")
    var out: String?

    @Option(name: .long, help: "Language of the Markdown printed with --format md: zh (default) or en.")
    var lang: ReportLanguage = .zh

    @Flag(name: .long, help: "Also write sweep.pdf: sweep.html printed by headless Chromium (needs --out).")
    var pdf = false

    @Flag(name: .long, help: "Apply the tie rule at each point (two solves per point, no warm start).")
    var tiebreak = false

    @Flag(name: .long, help: "Solve every point cold (GLPK's MIP presolver instead of the neighbour's plan as a start).")
    var cold = false

    @Flag(name: .long, help: "Solve each point on its own: a full run with the tie rule as the scenario says, no neighbour's plan or bound.")
    var independent = false

    @Option(name: .long, help: "Solve only slice i of n of the points, independently (e.g. 2/8), and write sweep.slice-i-of-n.json into --out.")
    var shard: ShardSpec?

    @Flag(name: .long, help: "Print each point's solve time on standard error.")
    var timings = false

    @Flag(name: .long, help: ArgumentHelp(
        "Add the monotone view: funded sets that only grow with the budget, solved level by level, beside the free optimum.",
        discussion: "Adds columns to sweep.csv, a `monotone` member to the JSON, a section to sweep.md/.html and sweep-monotone.csv (each project's first funded point)."))
    var monotone = false

    @OptionGroup var options: SolveOptions

    @OptionGroup var noLoanStageOptions: NoLoanStageOptions

    @OptionGroup var historyOptions: HistoryOptions

    func validate() throws {
        if steps < 1 { throw ValidationError("--steps must be at least 1") }
        if steps > 10_000 { throw ValidationError("--steps must be at most 10000") }
        if pdf, out == nil { throw ValidationError("--pdf writes sweep.pdf into the --out directory: give --out DIR") }
        if monotone, tiebreak { throw ValidationError("--monotone solves without the tie rule: leave out --tiebreak") }
        try validateIndependent()
    }

    func execute(console: Console) throws -> Int32 {
        let session = historyOptions.begin(console)
        let console = session.console
        let scales = try WhatIfRunner.scales(from: from.value, to: to.value, steps: steps)
        // The points carry no loans: the loan stage is not solved.
        let inputs = try loadInputs(scenario, console: console).subsidyStageOnly
        let independent = self.independent || shard != nil
        let runner = try independentRunner(inputs, console: console)
            ?? WhatIfSupport.runner(inputs, options: options, tiebreak: tiebreak, console: console)
        _ = try runner.fundIndex(fund)
        let clock = WhatIfSupport.clock()
        if let shard { return try sweepSlice(shard, runner: runner, inputs: inputs, scales: scales, session: session, clock: clock) }
        console.error("greenalloc: sweeping \(fund) over \(scales.count) points on \(min(runner.threads, scales.count)) threads\n")
        let progress = WhatIfSupport.progress(console: console, label: "greenalloc: sweep")
        var sweep = try independent
            ? runner.independentSweep(fund: fund, scales: scales, clock: clock, progress: progress)
            : runner.sweep(fund: fund, scales: scales, tiebreak: tiebreak, warmStart: !cold, clock: clock, progress: progress)
        if monotone {
            sweep.monotone = try runner.monotoneView(of: sweep, clock: clock)
            console.error("greenalloc: monotone view in \(String(format: "%.2f", sweep.monotone?.seconds ?? 0)) s\n")
        }
        var pdfFailure: (any Error)?
        if let out {
            let (rendered, htmlSeconds) = try Self.files(sweep, inputs: inputs)
            var files = rendered
            if timings { console.error("greenalloc: sweep.html and sweep.en.html rendered in \(String(format: "%.3f", htmlSeconds)) s\n") }
            // The PDF, printed from sweep.html before the directory is written, goes in with the other files.
            if pdf { pdfFailure = PDFPrinter.add("sweep.pdf", printing: "sweep.html", to: &files, console: console) }
            try OutputDirectory.write(files: files, to: out, cancellation: console.interruption)
        }
        switch format ?? (out == nil ? .csv : nil) {
        case .csv: console.out(WhatIfSweepOutput.csv(sweep))
        case .md:
            let names = ProjectNames(library: inputs.library, scenario: inputs.scenario, language: lang)
            console.out(WhatIfSweepOutput.markdown(sweep, names: names, language: lang))
        case .json: console.out(WhatIfSweepOutput.json(sweep))
        case nil: break
        }
        let warm = sweep.points.filter(\.warmStarted).count
        let proved = sweep.points.filter { !$0.solved }.count
        if timings {
            for point in sweep.points { console.error("scale \(point.scale): \(String(format: "%.3f", point.seconds)) s\(point.warmStarted ? " (warm)" : "")\n") }
        }
        console.error(
            "greenalloc: \(sweep.points.count) points in \(String(format: "%.2f", sweep.seconds)) s (\(warm) warm-started"
                + (proved > 0 ? ", \(proved) proved from their neighbours without a solve)" : ")")
                + (out.map { " → \($0)" } ?? "") + "\n")
        let code = session.finish(
            command: "sweep", inputs: [inputs], outcome: RunOutcome(status: "swept", settings: runner.settings), out: out,
            code: ExitStatus.success)
        if let pdfFailure { throw pdfFailure }
        return code
    }

    /// The files of `--out DIR` (sweep.csv, sweep.svg, sweep.md, sweep.en.md, sweep.html, sweep.en.html,
    /// sweep.xlsx) and the seconds the two HTML pages took to render.
    static func files(_ sweep: SweepResult, inputs: ScenarioInputs) throws -> (files: [String: [UInt8]], htmlSeconds: Double) {
        try files(sweep, names: projectNames(inputs))
    }

    /// The project names of each report language.
    static func projectNames(_ inputs: ScenarioInputs) -> [ReportLanguage: ProjectNames] {
        Dictionary(uniqueKeysWithValues: ReportLanguage.allCases.map {
            ($0, ProjectNames(library: inputs.library, scenario: inputs.scenario, language: $0))
        })
    }

    /// The files of `--out DIR` from the sweep and the project names of each report language.
    static func files(_ sweep: SweepResult, names byLanguage: [ReportLanguage: ProjectNames]) throws -> (files: [String: [UInt8]], htmlSeconds: Double) {
        let seconds = stopwatch()
        var htmlSeconds = 0.0
        let names = byLanguage[.zh] ?? ProjectNames()
        var files: [String: [UInt8]] = [
            "sweep.csv": ProjectsCSV.withByteOrderMark(WhatIfSweepOutput.csv(sweep)),
            "sweep.svg": Array(WhatIfSweepOutput.svg(sweep, names: names).utf8),
            SweepWorkbook.fileName: try SweepWorkbook.bytes(sweep, names: names),
        ]
        if let monotone = WhatIfSweepOutput.monotoneCSV(sweep, names: names) {
            files["sweep-monotone.csv"] = ProjectsCSV.withByteOrderMark(monotone)
        }
        for language in ReportLanguage.allCases {
            let suffix = language == .zh ? "" : "." + language.rawValue
            let names = byLanguage[language] ?? ProjectNames()
            let page = SweepPage(sweep, names: names, language: language)
            files["sweep" + suffix + ".md"] = Array(page.markdown(chart: "sweep.svg").utf8)
            let start = seconds()
            files["sweep" + suffix + ".html"] = Array(page.html().utf8)
            htmlSeconds += seconds() - start
        }
        return (files, htmlSeconds)
    }
}

/// Shared by compare, sweep and target: the clock, the runner over GLPK, and a terminal progress line.
enum WhatIfSupport {
    static func clock() -> @Sendable () -> Double { stopwatch() }

    /// The runner of a what-if command: the solve flags over the scenario's settings, the tie rule only when
    /// `tiebreak` (and not `--no-tiebreak`), the loan stage's stopping rules when the command takes them.
    static func runner(
        _ inputs: ScenarioInputs, options: SolveOptions, tiebreak: Bool, console: Console, loanStage: LoanStageOptions? = nil
    ) throws -> WhatIfRunner {
        var settings = options.settings(for: inputs.scenario.solver, loanStage: loanStage, console: console)
        if !tiebreak { settings.tiebreak = false }
        return WhatIfRunner(
            scenario: inputs.scenario, library: inputs.library, rules: inputs.rules, solver: try makeSolver(console, backend: settings.backend),
            settings: settings, inputsSHA256: inputs.inputsSHA256)
    }

    /// A progress line on standard error, only when it is a terminal and the console is the real one.
    static func progress(console: Console, label: String) -> (@Sendable (Int, Int) -> Void)? {
        guard console === Console.standard, isatty(2) != 0 else { return nil }
        return { done, total in
            console.error("\r\(label): \(done)/\(total)" + (done == total ? "\n" : ""))
        }
    }
}

/// A scale written as a number (1.5) or a percentage (150%).
struct Scale: ExpressibleByArgument {
    var value: Double
    init?(argument: String) {
        let text = argument.trimmingCharacters(in: .whitespaces)
        if text.hasSuffix("%") {
            guard let number = Double(text.dropLast()), number.isFinite else { return nil }
            value = number / 100
        } else {
            guard let number = Double(text), number.isFinite else { return nil }
            value = number
        }
    }
}
