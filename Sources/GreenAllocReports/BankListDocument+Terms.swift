import GreenAllocCore

/// The loan terms in `greenalloc rank`'s documents (scenario-format §15.5): the bank-<id>.csv columns, as JSON fields
/// of each line and as the Markdown table's last columns.
extension BankListDocument {
    static func termFields(_ line: BankCSV.Line, years: [Int]) -> [(String, JSONValue)] {
        guard let terms = line.terms else { return [] }
        return [
            ("rate", .double(terms.rate)), ("term_years", terms.term.map { .int($0) } ?? .null),
            ("grace_years", .int(terms.grace)),
            ("interest_subsidy", .object(zip(years, terms.perYear).map { (String($0), JSONValue.money($1)) })),
            ("interest_subsidy_later", .money(terms.later)), ("interest_subsidy_total", .money(terms.total)),
            ("co2_t", .double(line.co2)), ("carbon_facility", line.carbonFacility.map { .string($0) } ?? .null),
        ]
    }

    static func termHeader(years: [Int]?, zh: Bool) -> [String] {
        guard let years else { return [] }
        return (zh ? ["年利率(%)", "期限(年)", "宽限期(年)"] : ["Rate (%)", "Term (years)", "Grace (years)"])
            + years.map { zh ? "\($0)年贴息" : "Interest subsidy \($0)" }
            + (zh ? ["规划期外贴息", "贴息合计", "二氧化碳减排量(t/a)", "碳减排支持工具"]
                : ["Outside the horizon", "Interest subsidy total", "CO₂ reduced (t/a)", "Carbon-reduction facility"])
    }
}
