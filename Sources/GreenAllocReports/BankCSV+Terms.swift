import GreenAllocCore

/// The loan-terms columns of a bank's list (scenario-format §15.5): after `subsidy_total`, `rate` (annual %),
/// `term_years`, `grace_years`, `interest_subsidy_<year>` per horizon year, `interest_subsidy_later` (years outside
/// the horizon), `interest_subsidy_total`, `co2_t` and `carbon_facility` (是/否, yes/no; empty without a rule).
extension BankCSV {
    static func termColumns(years: [Int]) -> [String] {
        ["rate", "term_years", "grace_years"] + years.map { "interest_subsidy_\($0)" }
            + ["interest_subsidy_later", "interest_subsidy_total", "co2_t", "carbon_facility"]
    }
}

extension BankCSV.Line {
    mutating func addTerms(_ terms: LoanTermsDetails, bank: String, language: ReportLanguage) {
        self.terms = terms.schedule(project: project, bank: bank)
        co2 = terms.co2[project]
        carbonFacility = terms.carbonFacility[project].map { $0 ? language.pick("是", "yes") : language.pick("否", "no") }
    }

    func termCells(years: [Int]) -> [String] {
        guard let terms else { return Array(repeating: "", count: BankCSV.termColumns(years: years).count) }
        return [
            terms.rate.map(formatNumber) ?? "", terms.term.map(String.init) ?? "", String(terms.grace),
        ] + terms.perYear.map(MoneyFormat.plain) + [
            MoneyFormat.plain(terms.later), MoneyFormat.plain(terms.total), co2.map(formatNumber) ?? "",
            carbonFacility ?? "",
        ]
    }
}
