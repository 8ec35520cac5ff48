public import GreenAllocRobustness
internal import Charts
internal import Spreadsheet

/// The files of `greenalloc robustness --out DIR` (and of `merge` over its slices): robustness.json,
/// robustness.csv, robustness.md (Chinese) and robustness.en.md, robustness.svg and robustness.en.svg (the chart in each
/// language), and robustness.xlsx.
public enum RobustnessOutput {
    /// All files, keyed by name. `seedComparison` is the same analysis with another seed (`--compare-seed`).
    public static func files(_ result: RobustnessResult, seedComparison: RobustnessResult? = nil) throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [
            "robustness.json": JSONWriter.bytes(json(result)),
            "robustness.csv": ProjectsCSV.withByteOrderMark(csv(result)),
            "robustness.xlsx": try RobustnessWorkbook.bytes(result),
        ]
        for language in ReportLanguage.allCases {
            let suffix = language == .zh ? "" : "." + language.rawValue
            let page = RobustnessMarkdown(result: result, comparison: seedComparison, language: language)
            files["robustness" + suffix + ".svg"] = Array(RobustnessChart.svg(result, language: language).utf8)
            files["robustness" + suffix + ".md"] = Array(page.render(chart: "robustness" + suffix + ".svg").utf8)
        }
        return files
    }

    /// robustness.json: the method, the ranges, the class counts, one entry per project (`id`, `class`, and
    /// when sampled `funded_fraction` with its 95% Wilson interval) and, exact, the non-dominated plans.
    public static func json(_ result: RobustnessResult) -> JSONValue {
        let classes = result.classes, counts = result.counts
        let sampled = result.method == .sampled
        var object: [(String, JSONValue)] = [
            ("scenario", .string(result.scenario)),
            ("method", .string(result.method.rawValue)),
            ("fallback", .string(result.fallback.map(fallbackCode))),
        ]
        if sampled {
            object += [("samples", .int(result.samples.count)), ("seed", .string(result.seed.map { String($0) })),
                ("samples_without_plan", .int(result.samplesWithoutPlan))]
        } else {
            object.append(("non_dominated_plans", .int(result.plans.count)))
        }
        object.append(("ranges", .array(result.ranges.map { range in
            .object([("kind", .string(range.kind.rawValue)), ("name", .string(range.name)), ("lower", .double(range.lower)),
                ("upper", .double(range.upper)), ("scenario_value", .double(range.base))])
        })))
        object.append(("counts", .object(RobustnessClass.allCases.map { ($0.rawValue, .int(counts[$0] ?? 0)) })))
        object.append(("projects", .array(classes.map { entry in
            var fields: [(String, JSONValue)] = [("id", .string(result.projects[entry.project].id)), ("class", .string(entry.robustnessClass.rawValue))]
            if sampled {
                let wilson = entry.wilson
                fields += [("funded_fraction", .double(entry.fraction)), ("wilson_lower", .double(wilson.lower)),
                    ("wilson_upper", .double(wilson.upper))]
            }
            return .object(fields)
        })))
        if !sampled {
            object.append(("plans", .array(result.plans.map { plan in
                .object([("objective", .double(plan.objective)), ("funded", .array(plan.funded.map { .string(result.projects[$0].id) }))])
            })))
        }
        return .object(object)
    }

    /// robustness.csv: one row per project in library order.
    public static func csv(_ result: RobustnessResult) -> String {
        var text = CSVRecord.line(["id", "name", "city", "class", "funded_in", "plans", "funded_fraction", "wilson_lower", "wilson_upper"])
        for entry in result.classes {
            let project = result.projects[entry.project]
            let wilson = entry.wilson
            let sampled = result.method == .sampled
            text += CSVRecord.line([
                project.id, project.name, project.city, entry.robustnessClass.rawValue, String(entry.fundedCount), String(entry.total),
                sampled ? MoneyFormat.plain(entry.fraction) : "", sampled ? MoneyFormat.plain(wilson.lower) : "",
                sampled ? MoneyFormat.plain(wilson.upper) : "",
            ])
        }
        return text
    }

    public static func fallbackCode(_ fallback: ExactFallback) -> String {
        switch fallback {
        case .budgetRange: "budget_range"
        case .tooManyRanges: "too_many_ranges"
        case .tooManyProjects: "too_many_projects"
        case .continuousObjective: "continuous_objective"
        case .tooManyPlans: "too_many_plans"
        case .noPlanInTime: "no_plan_in_time"
        case .numerical: "numerical"
        case .samplesRequested: "samples_requested"
        }
    }
}

/// robustness.xlsx: one sheet, one row per project (as robustness.csv, with names beside ids).
enum RobustnessWorkbook {
    static func bytes(_ result: RobustnessResult) throws -> [UInt8] {
        let language = ReportLanguage.zh
        let words = RobustnessWords(language: language)
        let header = ["项目编号", "项目名称", "城市", "类别", "获补次数", "方案数", "获补比例", "95%区间下限", "95%区间上限"]
        let sampled = result.method == .sampled
        let rows: [[Cell]] = result.classes.map { entry in
            let project = result.projects[entry.project]
            let wilson = entry.wilson
            return [.text(project.id), .text(project.name), .text(project.city), .text(words.className(entry.robustnessClass)),
                .integer(entry.fundedCount), .integer(entry.total), sampled ? .share(entry.fraction) : .empty,
                sampled ? .share(wilson.lower) : .empty, sampled ? .share(wilson.upper) : .empty]
        }
        let sheet = Sheet(name: "稳健性分析", header: header, rows: rows, autoFilter: !rows.isEmpty)
        return try Workbook(sheets: [sheet], title: "稳健性分析：\(result.scenario)").bytes()
    }
}

/// robustness.svg: the projects per class, and the share of plans funding each borderline project.
enum RobustnessChart {
    static let shownBorderline = 40

    static func svg(_ result: RobustnessResult, language: ReportLanguage) -> String {
        let words = RobustnessWords(language: language)
        let counts = result.counts
        let classes = RobustnessClass.allCases
        let countChart = BarChart(
            categories: classes.map(words.className),
            series: [BarSeries(name: "", values: classes.map { Double(counts[$0] ?? 0) })],
            valueAxis: Axis(title: language.pick("项目数", "projects")), orientation: .horizontal,
            heading: language.pick("各类别项目数", "Projects per class"), size: ChartSize(width: 720, height: 160))
        let borderline = result.classes.filter { $0.robustnessClass == .borderline }
            .sorted { ($0.fraction, result.projects[$1.project].id) > ($1.fraction, result.projects[$0.project].id) }
            .prefix(shownBorderline)
        var panels: [any Chart] = [countChart]
        if !borderline.isEmpty {
            panels.append(BarChart(
                categories: borderline.map { WorkbookCells.labeled(result.projects[$0.project].name, result.projects[$0.project].id, language: language) },
                series: [BarSeries(name: "", values: borderline.map(\.fraction))],
                valueAxis: Axis(title: words.fractionTitle(result.method), format: .shareAsPercent), orientation: .horizontal,
                heading: words.borderlineHeading(shown: borderline.count, of: counts[.borderline] ?? 0),
                size: ChartSize(width: 720, height: 60 + 18 * Double(borderline.count))))
        }
        return ChartPanels(panels).svg(ChartHeader(
            id: "robustness", title: language.pick("稳健性分析", "Robustness"),
            description: language.pick("核心、边缘、排除项目数，以及边缘项目获补的方案比例。", "Core, borderline and exterior projects, and the share of plans funding each borderline project.")))
    }
}

extension RobustnessOutput {
    /// run.json of a robustness run: what it did and the seconds it took (the one file whose bytes vary).
    public static func runJSON(_ result: RobustnessResult, seconds: Double) -> [UInt8] {
        JSONWriter.bytes(.object([
            ("command", .string("robustness")), ("method", .string(result.method.rawValue)), ("solves", .int(result.solves)),
            ("seconds", .double((seconds * 1000).rounded() / 1000)),
        ]))
    }
}
