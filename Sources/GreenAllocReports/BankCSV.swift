public import GreenAllocCore

/// `bank-<id>.csv`: one bank's ranked list (scenario-format §11, §7), UTF-8 with a BOM for Excel.
///
/// Header (machine-readable English, the same in every language): `rank,status,project,name,park,city,
/// loan_need,tier,loan_score,loan_bonuses,subsidy_total,reason_code,reason`. First the assigned projects
/// (`status` = `assigned`, rank 1… by loan_score descending, then id), then the waitlist (`status` =
/// `waitlist`, rank empty, same order) with a reason code (`assigned_to_other_bank`, `capacity_reached`,
/// `interest_subsidy_exhausted`, `loan_limit`, `outscored`) and the reason in words. `loan_bonuses` joins the
/// names of the loan bonuses that lifted the score with `;`; `subsidy_total` is what the project also gets
/// from the subsidy stage. Money with at most 4 decimals, `loan_score` at full precision.
///
/// When the projects table has an `owner` or `county` column, `owner` follows `name` and `county` follows `city`
/// (项目单位, 县（市、区）); without them the file is as before.
///
/// With the nested view (`--nested K`) a last column `nested_step` gives, on every line, the first step k
/// (1…K) at which the nested solves pick the project with this bank; it is empty when they never do (a project
/// of the ordinary plan can miss every step: the picks fixed at small capacities may crowd it out). Without
/// the nested view the column is absent and the file is as before.
public enum BankCSV {
    public static let header = [
        "rank", "status", "project", "name", "park", "city", "loan_need", "tier", "loan_score", "loan_bonuses",
        "subsidy_total", "reason_code", "reason",
    ]

    /// The header, with `nested_step` last when the allocation carries the nested view, and `owner`/`county` when
    /// the projects table has them.
    public static func header(nested: Bool, owner: Bool = false, county: Bool = false, termYears: [Int]? = nil) -> [String] {
        var columns = header
        if let termYears, let code = columns.firstIndex(of: "reason_code") {
            columns.insert(contentsOf: termColumns(years: termYears), at: code)
        }
        if county, let city = columns.firstIndex(of: "city") { columns.insert("county", at: city + 1) }
        if owner, let name = columns.firstIndex(of: "name") { columns.insert("owner", at: name + 1) }
        return nested ? columns + ["nested_step"] : columns
    }

    /// The file name of a bank's list.
    public static func fileName(_ bank: String) -> String { "bank-\(bank).csv" }

    /// Every bank's file, keyed by file name (empty when no loan stage ran).
    public static func files(_ allocation: Allocation, language: ReportLanguage = .zh) -> [String: [UInt8]] {
        guard let details = allocation.loanStage?.details else { return [:] }
        var files: [String: [UInt8]] = [:]
        for bank in details.banks {
            files[fileName(bank.id)] = ProjectsCSV.withByteOrderMark(render(allocation, bank: bank.id, language: language))
        }
        return files
    }

    public static func render(_ allocation: Allocation, bank id: String, language: ReportLanguage = .zh) -> String {
        let nested = allocation.loanStage?.details?.nested != nil
        let (owner, county) = (allocation.hasOwner, allocation.hasCounty)
        let termYears = allocation.loanStage?.details?.terms?.years
        var lines = [CSVRecord.line(header(nested: nested, owner: owner, county: county, termYears: termYears))]
        for row in rows(allocation, bank: id, language: language) {
            lines.append(CSVRecord.line(row.cells(nested: nested, owner: owner, county: county, termYears: termYears)))
        }
        return lines.joined()
    }

    /// One line of a bank's list, for every format.
    public struct Line: Sendable {
        public var rank: Int?
        public var project: String
        public var name: String
        public var park: String
        public var city: String
        public var loanNeed: Double
        public var tier: String
        public var loanScore: Double
        public var bonuses: [String]
        public var subsidyTotal: Double
        public var reasonCode: String
        public var reason: String
        /// The first nested step that picks the project with this bank (nil: never, or no nested view).
        public var nestedStep: Int?
        /// 项目单位 and 县（市、区） (nil when the projects table has no such column).
        public var owner: String?
        public var county: String?
        /// The loan's terms, CO₂ figure and carbon facility (`是`/`否`, yes/no) when loan terms are in use.
        public var terms: LoanSchedule?
        public var co2: Double?
        public var carbonFacility: String?

        public var status: String { rank == nil ? "waitlist" : "assigned" }

        func cells(nested: Bool, owner showOwner: Bool, county showCounty: Bool, termYears: [Int]? = nil) -> [String] {
            let head: [String] = [rank.map(String.init) ?? "", status, project, name]
            let place: [String] = (showOwner ? [owner ?? ""] : []) + [park, city] + (showCounty ? [county ?? ""] : [])
            return head + place + [
                MoneyFormat.plain(loanNeed), tier,
                formatNumber(loanScore), bonuses.joined(separator: ";"), MoneyFormat.plain(subsidyTotal),
            ] + (termYears.map(termCells) ?? []) + [reasonCode, reason] + (nested ? [nestedStep.map(String.init) ?? ""] : [])
        }
    }

    public static func rows(_ allocation: Allocation, bank id: String, language: ReportLanguage = .zh) -> [Line] {
        guard let details = allocation.loanStage?.details, let bank = details.bank(id) else { return [] }
        let text = LoanText(language: language, allocation: allocation)
        var outcomes: [String: ProjectOutcome] = [:]
        for project in allocation.projects { outcomes[project.id] = project }
        func line(_ project: String, rank: Int?, reason: LoanWaitReason?) -> Line? {
            guard let candidate = details.candidate(project) else { return nil }
            let outcome = outcomes[project]
            var line = Line(
                rank: rank, project: project, name: outcome?.name ?? "", park: outcome?.park ?? "", city: outcome?.city ?? "",
                loanNeed: candidate.loanNeed, tier: candidate.tier.text, loanScore: candidate.loanScore,
                bonuses: candidate.bonuses, subsidyTotal: outcome?.subsidyTotal ?? 0, reasonCode: reason?.code ?? "",
                reason: reason.map(text.text) ?? "", nestedStep: details.nested?.firstStep(project: project, bank: id))
            line.owner = outcome?.owner
            line.county = outcome?.county
            if let terms = details.terms { line.addTerms(terms, bank: id, language: language) }
            return line
        }
        return bank.assigned.enumerated().compactMap { line($1, rank: $0 + 1, reason: nil) }
            + bank.waitlist.compactMap { line($0.project, rank: nil, reason: $0.reason) }
    }
}
