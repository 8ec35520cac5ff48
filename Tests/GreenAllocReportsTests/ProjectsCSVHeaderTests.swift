import GreenAllocCore
@testable import GreenAllocReports
import Testing

/// projects.csv: English headers by default, Chinese ones on request, the same rows either way; money rounded
/// to 0.0001 万元 without binary noise.
@Suite struct ProjectsCSVHeaderTests {
    @Test func chineseHeaderNamesTheSameColumns() {
        let allocation = OutputFixtures.feasible
        let english = ProjectsCSV.render(allocation).split(separator: "\n", omittingEmptySubsequences: false)
        let chinese = ProjectsCSV.render(allocation, header: .zh).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(chinese.first == "项目编号,项目名称,所属园区,城市,资金,类别,总投资,2022年申请补助,2023年申请补助,是否获补,补助比例,2022年补助,2023年补助,补助合计,得分,原因代码,排除规则,原因说明")
        #expect(english.first?.hasPrefix("id,name,park,city,fund,category,investment,request_2022") == true)
        #expect(Array(chinese.dropFirst()) == Array(english.dropFirst()))
        #expect(ProjectsCSV.header(years: [2022], language: .zh).count == ProjectsCSV.header(years: [2022]).count)
    }

    @Test func moneyIsRoundedWithoutBinaryNoise() {
        var allocation = OutputFixtures.feasible
        allocation.projects[0].subsidy = [2872.7999999999997, 0.1 + 0.2]
        allocation.projects[0].investment = 1234.56789
        let line = ProjectsCSV.render(allocation).split(separator: "\n")[1]
        #expect(line.contains(",2872.8,0.3,2873.1,"), "\(line)")
        #expect(line.contains(",1234.5679,"), "\(line)")
    }
}
