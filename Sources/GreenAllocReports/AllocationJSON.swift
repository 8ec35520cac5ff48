public import GreenAllocCore

/// allocation.json (scenario-format §13): the format's keys in its order, plus documented extra keys.
///
/// Choices where scenario-format §13 leaves room:
/// - `subsidy` lists every horizon year in which the project requests a nonzero amount (so a funded
///   project's map shows its whole draw profile and an unfunded one shows zeros); a loan-only project has `{}`.
/// - Extra project keys: `name`, `park`, `city`, `fund` (null for loan-only), `category`, `why`.
/// - Extra park keys: `name`, `city`. Extra target keys: `metric`, `year` (when set), `hard`.
/// - `limits` rows omit `group`/`year` when the limit is not grouped / not per year, omit `max` when the
///   limit has no upper bound, and add `min` when it has a floor.
/// - `loan_stage` is `null` when no loan stage ran; `loans` is then `[]`. An infeasible loan stage adds
///   `loan_stage.diagnosis` (the form of `diagnosis`: the `loan` limit rows that cannot hold together).
/// - `diagnosis` appears only on infeasible runs that carry one; it adds `explanation` (sentences), and each
///   `relax` entry adds `alone`: true when that relaxation by itself was shown to restore feasibility (the
///   entries together always do; `relax` is `[]` when that could not be shown).
/// - `findings` (presolve findings) is always present, possibly `[]`.
/// - Money (`subsidy`, `subsidy_total`, `award`, `amount`, limit `value`/`max`/`min`) is rounded to 4
///   decimals; `share`, `objective`, `best_bound`, `gap`, `score`, `loan_score`, target `value`/`min` and
///   relaxation `by` are written at full precision (a rounded `by` might not restore feasibility).
/// Only `reasons` (and diagnosis `explanation`) depend on `language`; nothing depends on the clock or host.
public enum AllocationJSON {
    public static func render(_ allocation: Allocation, language: ReportLanguage = .zh) -> String {
        JSONWriter.render(value(allocation, language: language))
    }

    /// `render`'s UTF-8 bytes.
    public static func bytes(_ allocation: Allocation, language: ReportLanguage = .zh) -> [UInt8] {
        JSONWriter.bytes(value(allocation, language: language))
    }

    public static func value(_ allocation: Allocation, language: ReportLanguage = .zh) -> JSONValue {
        let words = ReasonText(language: language, allocation: allocation)
        var members: [(String, JSONValue)] = [
            ("format", .string(allocation.format)),
            ("scenario", .string(allocation.scenario)),
            ("inputs_sha256", .string(allocation.inputsSHA256)),
            ("status", .string(allocation.status.rawValue)),
            ("objective", .double(allocation.objective)),
            ("best_bound", .double(allocation.bestBound)),
            ("gap", .double(allocation.gap)),
            ("solver", .object([("name", .string(allocation.solverName)), ("version", .string(allocation.solverVersion))])),
            ("projects", .array(allocation.projects.map { project($0, years: allocation.years, words: words, deferral: allocation.deferralInUse) })),
            ("parks", .array(allocation.parks.map(park))),
            ("loan_stage", loanStage(allocation)),
            ("loans", .array((allocation.loanStage?.loans ?? []).map { loan($0, terms: allocation.loanStage?.details?.terms) })),
            ("limits", .array(allocation.limits.map(limit))),
            ("targets", .array(allocation.targets.map(target))),
        ]
        if let diagnosis = allocation.diagnosis {
            members.append(("diagnosis", self.diagnosis(diagnosis)))
        }
        members += policyMembers(allocation)
        members.append(("findings", .array(allocation.findings.map(finding))))
        return .object(members)
    }

    static func project(_ project: ProjectOutcome, years: [Int], words: ReasonText, deferral: Bool = false) -> JSONValue {
        var subsidy: [(String, JSONValue)] = []
        for (index, year) in years.enumerated() where index < project.request.count {
            let amount = index < project.subsidy.count ? project.subsidy[index] : 0
            guard project.request[index] != 0 || amount != 0 else { continue }
            subsidy.append((String(year), .money(amount)))
        }
        var members: [(String, JSONValue)] = [
            ("id", .string(project.id)),
            ("name", .string(project.name)),
            ("park", .string(project.park)),
            ("city", .string(project.city)),
            ("fund", .string(project.fund)),
            ("category", .string(project.category)),
            ("funded", .bool(project.funded)),
            ("share", .double(project.share)),
            ("subsidy", .object(subsidy)),
            ("subsidy_total", .money(project.subsidyTotal)),
            ("score", .double(project.score)),
            ("why", .string(project.why.rawValue)),
            ("excluded_by", .array(project.excludedBy.map { .object([("rule", .string($0.rule)), ("reason", .string($0.reason))]) })),
            ("reasons", .array(project.reasons.map { .string(words.text($0)) })),
        ]
        if deferral { members.insert(contentsOf: deferralMembers(project), at: 10) }
        return .object(members)
    }

    static func park(_ park: NamedPark) -> JSONValue {
        .object([
            ("id", .string(park.id)), ("named_in", .int(park.namedIn)), ("award", .money(park.award)),
            ("name", .string(park.name)), ("city", .string(park.city)),
        ])
    }

    static func loanStage(_ allocation: Allocation) -> JSONValue {
        guard let stage = allocation.loanStage else { return .null }
        var members: [(String, JSONValue)] = [
            ("status", .string(stage.status.rawValue)), ("objective", .double(stage.objective)),
        ]
        if let diagnosis = stage.diagnosis { members.append(("diagnosis", self.diagnosis(diagnosis))) }
        return .object(members)
    }

    static func loan(_ loan: LoanAssignment, terms: LoanTermsDetails? = nil) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("project", .string(loan.project)), ("bank", .string(loan.bank)), ("rank", .int(loan.rank)),
            ("amount", .money(loan.amount)), ("loan_score", .double(loan.loanScore)),
        ]
        if let terms { members += termMembers(loan, terms) }
        return .object(members)
    }

    static func limit(_ limit: LimitOutcome) -> JSONValue {
        var members: [(String, JSONValue)] = [("name", .string(limit.name))]
        if let group = limit.group { members.append(("group", .string(group))) }
        if let year = limit.year { members.append(("year", .int(year))) }
        members.append(("value", .money(limit.value)))
        if let max = limit.max { members.append(("max", .money(max))) }
        if let min = limit.min { members.append(("min", .money(min))) }
        members.append(("binding", .bool(limit.binding)))
        return .object(members)
    }

    static func target(_ target: TargetOutcome) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("name", .string(target.name)), ("value", .double(target.value)), ("min", .double(target.min)),
            ("met", .bool(target.met)), ("metric", .string(target.metric)),
        ]
        if let year = target.year { members.append(("year", .int(year))) }
        members.append(("hard", .bool(target.hard)))
        if target.reportOnly { members.append(("report_only", .bool(true))) }
        if let reach = target.reach { members.append(("reachable", reachable(reach))) }
        return .object(members)
    }

    /// What the remaining naming budget could still reach toward a report-only eco-park target.
    static func reachable(_ reach: NamingReach) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("value", .double(reach.value)), ("parks", .int(reach.parks)), ("met", .bool(reach.met)),
            ("additional_parks", .int(reach.additional)), ("namable_parks", .int(reach.namable)),
            ("naming_money", .money(reach.money)),
        ]
        if let award = reach.award { members.append(("award", .money(award))) }
        members.append(("later_years", .array(reach.laterYears.map { .int($0) })))
        members.append(("later_year_budget", .money(reach.yearlyBudget)))
        return .object(members)
    }

    /// A conflict rule as scenario-format §13 spells it: `{"kind": …, …}`.
    static func ruleMembers(_ rule: ConflictRule) -> [(String, JSONValue)] {
        switch rule {
        case .limit(let name, let group, let year):
            var members: [(String, JSONValue)] = [("kind", .string("limit")), ("rule", .string(name))]
            if let group { members.append(("group", .string(group))) }
            if let year { members.append(("year", .int(year))) }
            return members
        case .lock(let project): return [("kind", .string("lock")), ("project", .string(project))]
        case .budget(let fund, let year):
            return [("kind", .string("budget")), ("fund", .string(fund)), ("year", .int(year))]
        case .target(let name): return [("kind", .string("target")), ("rule", .string(name))]
        case .requires(let project): return [("kind", .string("requires")), ("project", .string(project))]
        case .exclusive(let group): return [("kind", .string("exclusive")), ("group", .string(group))]
        }
    }

    static func diagnosis(_ diagnosis: Diagnosis) -> JSONValue {
        .object([
            ("minimal", .bool(diagnosis.minimal)),
            ("conflict", .array(diagnosis.conflict.map { .object(ruleMembers($0)) })),
            ("relax", .array(diagnosis.relax.map { .object(ruleMembers($0.rule) + [("by", .double($0.by)), ("alone", .bool($0.alone))]) })),
            ("explanation", .array(DiagnosisText.machine(diagnosis).map { .string($0) })),
        ])
    }

    static func finding(_ finding: Finding) -> JSONValue {
        .object([
            ("severity", .string(finding.severity.rawValue)),
            ("message", .string(FindingText.machine.message(finding))),
            ("suggestion", .string(FindingText.machine.suggestion(finding))),
            ("rules", .array(finding.rules.map { .object(ruleMembers($0)) })),
        ])
    }
}
