import GreenAllocCore
@testable import GreenAllocReports
import Testing

@Suite struct OutputGoldenTests {
    static let cases: [(String, Allocation)] = [("feasible", OutputFixtures.feasible), ("infeasible", OutputFixtures.infeasible)]

    @Test(arguments: ["feasible", "infeasible"])
    func allocationJSON(_ name: String) throws {
        let allocation = try #require(Self.cases.first { $0.0 == name }?.1)
        try Golden.check(AllocationJSON.render(allocation, language: .zh), named: "\(name).allocation.json")
        try Golden.check(AllocationJSON.render(allocation, language: .en), named: "\(name).allocation.en.json")
    }

    @Test(arguments: ["feasible", "infeasible"])
    func projectsCSV(_ name: String) throws {
        let allocation = try #require(Self.cases.first { $0.0 == name }?.1)
        try Golden.check(ProjectsCSV.render(allocation, language: .zh), named: "\(name).projects.csv")
    }

    @Test(arguments: ["feasible", "infeasible"])
    func report(_ name: String) throws {
        let allocation = try #require(Self.cases.first { $0.0 == name }?.1)
        try Golden.check(ReportMarkdown.render(allocation, language: .zh), named: "\(name).report.zh.md")
        try Golden.check(ReportMarkdown.render(allocation, language: .en), named: "\(name).report.en.md")
    }

    @Test func renderingTwiceGivesTheSameBytes() {
        for (_, allocation) in Self.cases {
            for language in ReportLanguage.allCases {
                #expect(AllocationJSON.render(allocation, language: language) == AllocationJSON.render(allocation, language: language))
                #expect(ProjectsCSV.bytes(allocation, language: language) == ProjectsCSV.bytes(allocation, language: language))
                #expect(ReportMarkdown.render(allocation, language: language) == ReportMarkdown.render(allocation, language: language))
            }
        }
    }
}
