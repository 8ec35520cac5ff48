import Foundation
import GreenAllocCore
@testable import GreenAllocReports
import Testing

/// The loan writers on hand-built banks' lists: each bank's own file and `rank` documents (which never name
/// another bank), the province's loans.csv, and the report's loans chapter, against golden files.
@Suite struct OutputLoanGoldenTests {
    static let banks = [("B01", "国家开发银行山东省分行"), ("B02", "中国农业发展银行山东省分行")]

    @Test func bankFilesAndRankDocuments() throws {
        let allocation = OutputFixtures.withLoanLists
        try Golden.check(BankCSV.render(allocation, bank: "B01", language: .zh), named: "loans.bank-B01.csv")
        try Golden.check(BankCSV.render(allocation, bank: "B02", language: .en), named: "loans.bank-B02.en.csv")
        try Golden.check(
            BankCSV.render(OutputFixtures.withNestedLoanLists, bank: "B01", language: .zh), named: "loans.bank-B01.nested.csv")
        try Golden.check(BankListDocument.markdown(allocation, bank: "B01", language: .zh), named: "loans.rank-B01.md")
        try Golden.check(BankListDocument.markdown(allocation, bank: "B02", language: .en), named: "loans.rank-B02.en.md")
        try Golden.check(BankListDocument.json(OutputFixtures.withNestedLoanLists, bank: "B01", language: .zh), named: "loans.rank-B01.json")
    }

    @Test func aBankSeesItsOwnListOnly() {
        for allocation in [OutputFixtures.withLoanLists, OutputFixtures.withNestedLoanLists] {
            for (id, name) in Self.banks {
                let (otherID, otherName) = Self.banks.first { $0.0 != id }!
                for language in ReportLanguage.allCases {
                    let documents = [
                        String(decoding: BankCSV.files(allocation, language: language)[BankCSV.fileName(id)] ?? [], as: UTF8.self),
                        BankListDocument.markdown(allocation, bank: id, language: language),
                        BankListDocument.json(allocation, bank: id, language: language),
                    ]
                    for text in documents {
                        #expect(!text.isEmpty)
                        #expect(!text.contains(otherID) && !text.contains(otherName), "\(id) \(language)")
                    }
                }
                #expect(BankListDocument.markdown(allocation, bank: id, language: .zh).contains(name))
            }
        }
        // What B01 says about P001, which B02 took, in each language.
        let line = BankCSV.rows(OutputFixtures.withLoanLists, bank: "B01", language: .zh).first { $0.project == "P001" }
        #expect(line?.reasonCode == "assigned_to_other_bank")
        #expect(line?.reason == "已对接他行")
        #expect(BankCSV.rows(OutputFixtures.withLoanLists, bank: "B01", language: .en).first { $0.project == "P001" }?.reason
            == "assigned to another bank")
    }

    @Test func provinceMatrix() throws {
        let allocation = OutputFixtures.withLoanLists
        let text = try #require(LoansCSV.render(allocation))
        try Golden.check(text, named: "loans.loans.csv")
        #expect(LoansCSV.bytes(allocation)?.starts(with: ProjectsCSV.byteOrderMark) == true)
        #expect(LoansCSV.render(OutputFixtures.feasible) == nil, "no loan stage, no matrix")
        let files = OutputFiles.standard(for: allocation)
        #expect(files["loans.csv"] == LoansCSV.bytes(allocation))
        #expect(OutputFiles.standard(for: OutputFixtures.feasible)["loans.csv"] == nil)

        // No plan (an infeasible loan stage): no lists, so a bank that could take a project says `could_take`.
        var noPlan = allocation
        noPlan.loanStage?.loans = []
        noPlan.loanStage?.status = .infeasible
        let emptyLists = OutputFixtures.loanDetails.banks.map { bank in
            var bank = bank
            bank.assigned = []
            bank.waitlist = []
            bank.lent = 0
            return bank
        }
        noPlan.loanStage?.details?.banks = emptyLists
        let matrix = LoansCSV.render(noPlan) ?? ""
        #expect(matrix.contains(",5000,general,80.5,,,,could_take,could_take\n"))
        #expect(matrix.contains("P003,滨海园区土壤修复,K003,370700,900,general,3,,,,,\n"))
    }

    /// The report's loans chapter only (the other chapters have their own golden files).
    @Test(arguments: ReportLanguage.allCases)
    func reportLoansChapter(_ language: ReportLanguage) throws {
        let report = ReportMarkdown.render(OutputFixtures.withLoanLists, language: language)
        let heading = language == .zh ? "\n## 贷款\n" : "\n## Loans\n"
        let start = try #require(report.range(of: heading))
        let end = report.range(of: "\n## ", range: start.upperBound..<report.endIndex)?.lowerBound ?? report.endIndex
        let chapter = String(report[start.lowerBound..<end])
        try Golden.check(chapter, named: "loans.report-loans.\(language.rawValue).md")
        // The province's report shows which bank took what.
        #expect(chapter.contains("国家开发银行山东省分行") && chapter.contains("中国农业发展银行山东省分行"))
    }
}
