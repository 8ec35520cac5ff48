public import GreenAllocCore

/// `loans.csv`: the province's full view of the loan stage, the project–bank matrix that no bank's own list
/// shows (a bank's file says only "assigned to another bank"). UTF-8 with a BOM for Excel, like the other CSVs.
///
/// One row per loan-eligible project, by loan_score descending, then id (the banks' order). Header
/// (machine-readable English, the same in every language): `project,name,park,city,loan_need,tier,loan_score,
/// bank,bank_name,rank`, then one column `bank_<id>` per bank in banks.csv order. `bank` and `bank_name` name
/// the bank that lends to the project and `rank` is its place in that bank's list (all three empty when no
/// bank does); they agree with allocation.json's `loans`. A bank's column says what that bank's list shows:
/// `assigned` (it lends to the project), the reason code of its waitlist line (`assigned_to_other_bank`,
/// `capacity_reached`, `interest_subsidy_exhausted`, `loan_limit`, `outscored`), `could_take` (it could take
/// the project but the loan stage found no plan, so there are no lists), or empty (it cannot take the project:
/// city not served, loan need above its `max_per_project`, tier below its `min_tier`). A row whose bank
/// columns are all empty is a project no bank can take (the report says why). Money with at most 4
/// decimals, `loan_score` at full precision, as in the bank files.
public enum LoansCSV {
    public static let fileName = "loans.csv"

    /// The fixed columns, before one `bank_<id>` column per bank.
    public static let header = [
        "project", "name", "park", "city", "loan_need", "tier", "loan_score", "bank", "bank_name", "rank",
    ]

    /// The header of a run's file: the fixed columns, then one column per bank.
    public static func header(_ details: LoanDetails) -> [String] { header + details.banks.map { "bank_" + $0.id } }

    /// The file's text (nil when no loan stage ran).
    public static func render(_ allocation: Allocation) -> String? {
        guard let details = allocation.loanStage?.details else { return nil }
        let loans = Dictionary((allocation.loanStage?.loans ?? []).map { ($0.project, $0) }, uniquingKeysWith: { first, _ in first })
        let outcomes = Dictionary(allocation.projects.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let waitlists = details.banks.map { bank in
            Dictionary(bank.waitlist.map { ($0.project, $0.reason) }, uniquingKeysWith: { first, _ in first })
        }
        var lines = [CSVRecord.line(header(details))]
        for candidate in details.candidates {
            let loan = loans[candidate.project]
            let outcome = outcomes[candidate.project]
            var cells = [
                candidate.project, outcome?.name ?? "", outcome?.park ?? "", outcome?.city ?? "",
                MoneyFormat.plain(candidate.loanNeed), candidate.tier.text, formatNumber(candidate.loanScore),
                loan?.bank ?? "", loan.flatMap { details.bank($0.bank)?.name } ?? "", loan.map { String($0.rank) } ?? "",
            ]
            for (bank, waitlist) in zip(details.banks, waitlists) {
                if loan?.bank == bank.id {
                    cells.append("assigned")
                } else if let reason = waitlist[candidate.project] {
                    cells.append(reason.code)
                } else {
                    cells.append(candidate.banks.contains(bank.id) ? "could_take" : "")
                }
            }
            lines.append(CSVRecord.line(cells))
        }
        return lines.joined()
    }

    /// The file's bytes, UTF-8 with a BOM (nil when no loan stage ran).
    public static func bytes(_ allocation: Allocation) -> [UInt8]? {
        render(allocation).map(ProjectsCSV.withByteOrderMark)
    }
}
