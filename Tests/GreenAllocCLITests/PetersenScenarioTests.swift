import Foundation
import Testing
import TestSupport

/// Petersen's (1967) R&D project-selection problems written as scenarios — one budget year per constraint
/// row, `weights: {value: 1}` — reach their OR-Library optima through `greenalloc solve`.
@Suite struct PetersenScenarioTests {
    static let problems: [(profits: [Double], rows: [[Double]], capacities: [Double], optimum: Double)] = {
        guard let url = Bundle.module.url(forResource: "mknap1", withExtension: "txt", subdirectory: "Fixtures"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return [] }
        let numbers = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" }).compactMap { Double($0) }
        var position = 1
        var problems: [(profits: [Double], rows: [[Double]], capacities: [Double], optimum: Double)] = []
        for _ in 0..<Int(numbers[0]) {
            let count = Int(numbers[position])
            let rowCount = Int(numbers[position + 1])
            let optimum = numbers[position + 2]
            position += 3
            let profits = Array(numbers[position..<(position + count)])
            position += count
            var rows: [[Double]] = []
            for _ in 0..<rowCount {
                rows.append(Array(numbers[position..<(position + count)]))
                position += count
            }
            let capacities = Array(numbers[position..<(position + rowCount)])
            position += rowCount
            problems.append((profits, rows, capacities, optimum))
        }
        return problems
    }()

    @Test func catalogueHasSevenProblems() {
        #expect(Self.problems.count == 7)
    }

    @Test(arguments: 0..<7)
    func reachesTheKnownOptimum(problem index: Int) throws {
        try #require(Self.problems.count == 7)
        let problem = Self.problems[index]
        let years = (0..<problem.capacities.count).map { 2001 + $0 }
        let budget = zip(years, problem.capacities).map { "\($0): \($1)" }.joined(separator: ", ")
        let yaml = ScenarioFixture.header(years: "[\(years.map(String.init).joined(separator: ", "))]") + """
            funds:
              - id: rd
                name: R&D
                budget: {\(budget)}
            objective:
              maximize: benefit
              weights: {value: 1}
            """
        var csv = "id,name,park,fund,category,investment," + years.map { "request_\($0)" }.joined(separator: ",") + ",value\n"
        for project in problem.profits.indices {
            let requests = problem.rows.map { row in "\(row[project])" }.joined(separator: ",")
            csv += "P\(project + 1),project,K1,rd,rd,1000000,\(requests),\(problem.profits[project])\n"
        }
        let fixture = try ScenarioFixture(yaml: yaml, projects: csv)
        let result = try fixture.solve()
        #expect(result.code == 0)
        #expect(result.json.status == "optimal")
        #expect(abs(result.json.objective - problem.optimum) <= 1e-6 * problem.optimum, "problem \(index + 1)")
    }
}
