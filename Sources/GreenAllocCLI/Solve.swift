internal import ArgumentParser
internal import Foundation
internal import GreenAllocCore
internal import GreenAllocEngine
internal import GreenAllocExplain
internal import GreenAllocInputs
internal import GreenAllocReports
internal import MILP
internal import MILPGLPK
internal import Synchronization

struct Solve: ParsableCommand, ConsoleCommand {
    static let configuration = CommandConfiguration(
        abstract: "Solve a scenario and write the allocation.",
        discussion: """
            With --out DIR: writes allocation.json, projects.csv (UTF-8 with BOM, for Excel), report.md, \
            report.html (the report with charts, print-ready), allocation.xlsx (the allocation as an Excel/WPS workbook, one sheet per table) and run.json into DIR, \
            all or nothing. With a loans section it adds each bank's own list, \
            bank-<id>.csv and bank-<id>.xlsx (a project another bank took reads "assigned to another bank", without \
            its name), \
            and loans.csv, the province's project–bank matrix: who lends to each loan-eligible project and what \
            every bank's list says about it. --format prints one document to standard output (json: \
            allocation.json, csv: projects.csv, md: the report); without --out the report is printed. \
            --pdf adds report.pdf, report.html printed on A4 by headless Chromium (Debian package chromium), \
            written with the other files; without Chromium the other files are written and the run exits 69.

            With --nested K every bank-<id>.csv gets a last column nested_step: the first of K steps (the \
            loan stage solved at k/K of every bank's capacity, each step keeping the earlier picks) at which \
            the project is picked with that bank; empty when no step picks it.

            Exit codes: 0 solved (optimal or feasible), 3 infeasible (the subsidy or the loan stage), \
            4 no solution within the time limit, 64 usage error, 65 input error, 69 --pdf without Chromium, \
            1 anything else, 130 interrupted (Ctrl-C: nothing written).
            """)

    @Argument(help: "The scenario YAML file.")
    var scenario: String

    @Option(name: .long, help: "Write the outputs into this directory (created or replaced atomically).")
    var out: String?

    @Option(name: .long, help: "Print one document to standard output: json, csv or md.")
    var format: OutputFormat?

    @Option(name: .long, help: "Report language: zh (default) or en.")
    var lang: ReportLanguage = .zh

    @Option(name: .customLong("csv-header"), help: "Header row of projects.csv: en (default, for scripts) or zh.")
    var csvHeader: ReportLanguage = .en

    @Flag(name: .long, help: "Also write report.pdf: report.html printed by headless Chromium (needs --out).")
    var pdf = false

    @OptionGroup var options: SolveOptions

    @OptionGroup var loanStageOptions: LoanStageOptions

    @OptionGroup var nestedOption: NestedOption

    func validate() throws {
        if pdf, out == nil { throw ValidationError("--pdf writes report.pdf into the --out directory: give --out DIR") }
    }

    @OptionGroup var historyOptions: HistoryOptions

    func execute(console: Console) throws -> Int32 {
        let session = historyOptions.begin(console)
        let console = session.console
        let startTime = Date()
        let seconds = stopwatch()
        let inputs = try loadInputs(scenario, console: console)
        let readSeconds = seconds()
        var settings = options.settings(for: inputs.scenario.solver, loanStage: loanStageOptions, console: console)
        let compiledModel = CompiledModelSlot()
        let relaxation = try startingRelaxation(&settings, inputs: inputs, compiledModel: compiledModel, console: console)
        // Standard error speaks English whatever the report's language (`--lang`).
        let findingText = FindingText(language: .en, fundNames: [:], englishText: inputs.scenario.englishText)
        settings.findingsHandler = { findings in
            for finding in findings {
                console.error("presolve \(finding.severity.rawValue): \(findingText.message(finding))\n    suggestion: \(findingText.suggestion(finding))\n")
            }
        }
        let runner = AllocationRunner(
            scenario: inputs.scenario, library: inputs.library, rules: inputs.rules, solver: try makeSolver(console, backend: settings.backend), clock: seconds)
        console.error("greenalloc: solving 「\(inputs.scenario.name)」: \(inputs.library.projectRecords.count) projects, \(inputs.library.parkRecords.count) parks\n")
        var (allocation, statistics) = try runner.run(settings: settings, inputsSHA256: inputs.inputsSHA256)
        let topUpSeconds = try annotateTopUps(&allocation, inputs: inputs, settings: settings, compiled: compiledModel.get(),
            relaxation: relaxation, console: console, seconds: seconds)
        let nestedSeconds = try nestedOption.apply(
            to: &allocation, inputs: inputs, settings: settings, solver: try makeSolver(console, backend: settings.backend), console: console, seconds: seconds)
        let writeStart = seconds()
        var files: [String: [UInt8]] = [:]
        var pdfFailure: (any Error)?
        if let out {
            var run = RunInfo(
                solve: SolveRunRecord(
                    allocation: allocation, statistics: statistics, settings: settings, scenario: inputs.scenario,
                    inputsSHA256: inputs.inputsSHA256, language: lang, startTime: startTime, readSeconds: readSeconds,
                    nestedSeconds: nestedSeconds, exitCode: ExitStatus.code(for: allocation),
                    greenallocVersion: greenallocVersion, glpkVersion: GLPKSolver.glpkVersion))
            // The workbooks are made on a second thread while the other files are rendered.
            let (library, language, finished) = (inputs.library, lang, allocation)
            let (workbooks, standard) = try OutputFiles.concurrently({
                let clock = ContinuousClock()
                let start = clock.now
                let files = try OutputFiles.workbooks(for: finished, details: ProjectDetails(library: library), language: language)
                let elapsed = clock.now - start
                return (files, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
            }, while: {
                OutputFiles.standard(for: allocation, run: nil, language: lang, csvHeader: csvHeader)
                    .merging(BankCSV.files(allocation, language: lang)) { current, _ in current }
            })
            files = standard.merging(workbooks.0) { current, _ in current }
            run.timings.workbooks = workbooks.1
            run.timings.topUps = topUpSeconds
            // The PDF, printed from report.html before the directory is written, goes in with the other files.
            if pdf { pdfFailure = PDFPrinter.add("report.pdf", printing: "report.html", to: &files, console: console) }
            // `write` covers rendering every file and writing (and syncing) all but run.json itself.
            try OutputDirectory.write(
                files: files, to: out, cancellation: console.interruption,
                last: (
                    "run.json",
                    {
                        run.timings.write = seconds() - writeStart
                        return RunJSON.bytes(run)
                    }
                ))
        }
        switch format ?? (out == nil ? .md : nil) {
        case .json:
            console.out(files["allocation.json"].map { String(decoding: $0, as: UTF8.self) } ?? AllocationJSON.render(allocation, language: lang))
        case .csv: console.out(ProjectsCSV.render(allocation, language: lang, header: csvHeader))
        case .md: console.out(ReportMarkdown.render(allocation, language: lang))
        case nil: break
        }
        console.error(summary(allocation) + "\n")
        reportLoanDiagnosis(allocation, console: console)
        let code = session.finish(
            command: "solve", inputs: [inputs], outcome: .solve(allocation, statistics, settings, language: lang), out: out,
            code: ExitStatus.code(for: allocation))
        if let pdfFailure { throw pdfFailure }
        return code
    }

    /// Keeps the compiled model for the top-ups and, when they will be shown, starts their linear relaxation on a
    /// second thread as soon as the model is compiled (`BackgroundRelaxation`).
    func startingRelaxation(
        _ settings: inout RunSettings, inputs: ScenarioInputs, compiledModel: CompiledModelSlot, console: Console
    ) throws -> BackgroundRelaxation {
        let relaxation = BackgroundRelaxation()
        let solver = wantsTopUps(inputs.scenario) ? try makeSolver(console, backend: settings.backend) : nil
        settings.compiledHandler = { model in
            compiledModel.set(model)
            if let solver { relaxation.start(model, solver: solver, limit: 1) }
        }
        return relaxation
    }

    /// Whether the run writes a report whose unfunded table shows top-ups (a maximize scenario with `--out` or
    /// the Markdown report on standard output).
    func wantsTopUps(_ scenario: Scenario) -> Bool {
        scenario.objective.sense == .maximizeBenefit && (out != nil || format == nil || format == .md)
    }

    /// report.md's unfunded table shows the top-up that would fund each not-chosen project (when a report is
    /// written), from the relaxation solved beside the integer program; returns the seconds it took after the
    /// solve (waiting for the relaxation included), nil when it did not run.
    func annotateTopUps(
        _ allocation: inout Allocation, inputs: ScenarioInputs, settings: RunSettings, compiled: CompiledModel?,
        relaxation: BackgroundRelaxation, console: Console, seconds: () -> Double
    ) throws -> Double? {
        guard wantsTopUps(inputs.scenario) else { return nil }
        let start = seconds()
        var duals: (@Sendable () -> [Double]?)?
        if relaxation.started { duals = { relaxation.wait() } }
        let explainer = Explainer(
            scenario: inputs.scenario, library: inputs.library, rules: inputs.rules, solver: try makeSolver(console, backend: settings.backend))
        allocation = explainer.annotatingTopUps(allocation, compiled: compiled, relaxationDuals: duals)
        return seconds() - start
    }

    func summary(_ allocation: Allocation) -> String {
        let funded = allocation.projects.filter(\.funded)
        let subsidy = funded.reduce(0) { $0 + $1.subsidyTotal }
        var text = "greenalloc: \(allocation.status.rawValue)"
        if let objective = allocation.objective { text += ", objective \(formatNumber(objective))" }
        text += ", \(funded.count) of \(allocation.projects.count) projects funded, subsidy \(formatNumber((subsidy * 100).rounded() / 100))万"
        if !allocation.parks.isEmpty { text += ", \(allocation.parks.count) parks newly named" }
        if let stage = allocation.loanStage {
            let volume = stage.volume
            text += "; loan stage \(stage.status.rawValue): \(stage.loans.count) loans, \(formatNumber((volume * 100).rounded() / 100))万"
        }
        if let out { text += " → \(out)" }
        return text
    }
}

/// The compiled model of a run, kept for the report's top-ups (set once, on the solving thread).
final class CompiledModelSlot: Sendable {
    private let value = Mutex<CompiledModel?>(nil)
    func set(_ model: CompiledModel) { value.withLock { $0 = model } }
    func get() -> CompiledModel? { value.withLock { $0 } }
}

/// Names the `loan` limits that conflict when the loan stage is infeasible (standard error, in English
/// whatever the report's language).
func reportLoanDiagnosis(_ allocation: Allocation, console: Console) {
    guard let diagnosis = allocation.loanStage?.diagnosis else { return }
    let rules = ConflictRuleText(language: .en, allocation: allocation)
    var text = "greenalloc: the loan stage is infeasible; these loan rules cannot hold together"
        + (diagnosis.minimal ? " (a minimal set):\n" : ":\n")
    for rule in diagnosis.conflict { text += "  - " + rules.name(rule) + "\n" }
    for sentence in DiagnosisText(language: .en, allocation: allocation).sentences(diagnosis) { text += "  " + sentence + "\n" }
    console.error(text)
}

/// Reads a scenario, printing warnings; throws `InputErrors` (exit 65) on errors.
func loadInputs(_ path: String, console: Console) throws -> ScenarioInputs {
    switch ScenarioInputs.load(path: path) {
    case .failure(let errors):
        throw errors
    case .success(let inputs):
        CommandLineRunner.report(inputs.warnings, console: console)
        return inputs
    }
}
