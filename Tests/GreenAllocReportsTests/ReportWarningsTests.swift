import Foundation
import GreenAllocCore
@testable import GreenAllocReports
import Testing

/// 注意: each category and city that asked for money and got none (or under 0.5% of it), with the reason.
@Suite struct ReportWarningsTests {
    static func warnings(_ allocation: Allocation, _ language: ReportLanguage = .zh) -> [String] {
        let report = ReportMarkdown.render(allocation, language: language)
        let heading = language == .zh ? "\n## 注意\n" : "\n## Warnings\n"
        guard let start = report.range(of: heading) else { return [] }
        let rest = report[start.upperBound...]
        return rest[..<(rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex)].split(separator: "\n").map(String.init)
    }

    @Test func categoriesAtZeroAreNamedWithTheirReason() {
        let lines = Self.warnings(OutputFixtures.feasible)
        #expect(lines.count == 3)
        #expect(lines.contains { $0.hasPrefix("- 能力建设类：2 个项目申请 260.00 万元，获补 0.00 万元") && $0.contains("低于获补项目的中位数") })
        #expect(lines.contains { $0.hasPrefix("- 降碳类：") && $0.contains("没有可补助的项目（锁定为不予补助 1 个）") })
        #expect(lines.contains { $0.hasPrefix("- 固废类：") && $0.contains("被排除规则排除 1 个") })
    }

    /// A category whose best project scores more per 万元 than the funded median lost to budgets and limits;
    /// a city with nothing funded is named too.
    @Test func budgetsAndCitiesAreToldApart() {
        var allocation = OutputFixtures.feasible
        for index in allocation.projects.indices {
            let project = allocation.projects[index]
            if project.id == "P010" { allocation.projects[index].score = 1000 }
            if project.id == "P003" {
                allocation.projects[index].funded = false
                allocation.projects[index].share = 0
                allocation.projects[index].subsidy = project.request.map { _ in 0 }
                allocation.projects[index].why = .notChosen
            }
        }
        let lines = Self.warnings(allocation)
        #expect(lines.contains { $0.hasPrefix("- 能力建设类：") && $0.contains("不低于获补项目的中位数") })
        #expect(lines.contains { $0.hasPrefix("- 潍坊（370700）：3 个项目申请 650.00 万元，获补 0.00 万元") })
        let english = Self.warnings(allocation, .en)
        #expect(english.contains { $0.hasPrefix("- capacity building: 2 projects asked for 260.00 万元") && $0.contains("left no room for them") })
    }

    /// Below 0.5% counts; at 0.5% and above it does not; nothing when no plan was found.
    @Test func smallSharesAndInfeasibleRuns() {
        var allocation = OutputFixtures.feasible
        // capacity gets 6.25万 of 1,256.25万 (0.4975%): still called out.
        if let index = allocation.projects.firstIndex(where: { $0.id == "P010" }) {
            allocation.projects[index].funded = true
            allocation.projects[index].share = 6.25 / 160
            allocation.projects[index].subsidy = [3.125, 3.125]
            allocation.projects[index].why = .funded
        }
        #expect(Self.warnings(allocation).contains { $0.contains("能力建设类") && $0.contains("获补 6.25 万元（占全部补助的 0.5%）") })
        if let index = allocation.projects.firstIndex(where: { $0.id == "P010" }) {
            allocation.projects[index].share = 6.5 / 160
            allocation.projects[index].subsidy = [3.25, 3.25]
        }
        #expect(!Self.warnings(allocation).contains { $0.contains("能力建设") })
        #expect(Self.warnings(OutputFixtures.infeasible).isEmpty)
    }
}
