import Foundation
import GreenAllocCore
@testable import GreenAllocReports
import Testing

@Suite struct OutputRunJSONTests {
    func run(start: Date) -> RunInfo {
        RunInfo(
            greenallocVersion: "0.1.0", glpkVersion: "5.0", hostName: "finance-01", startTime: start,
            scenario: "基准情景", inputsSHA256: "ab", status: .optimal, exitCode: 0,
            solver: SolverSpec(timeLimit: 60, mipGap: 0, tiebreak: true), extraSettings: [("force", "false")],
            timings: RunInfo.Timings(read: 0.25, compile: 0.5, solve: 1.25, tiebreak: nil, write: 0.125),
            modelSize: RunInfo.ModelSize(rows: 120, columns: 80, integerColumns: 40, nonzeros: 900))
    }

    @Test func runJSONParsesBackWithItsKeys() throws {
        let text = RunJSON.render(run(start: Date(timeIntervalSince1970: 1_648_714_500.25)))
        let object = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(Set(object.keys) == [
            "format", "greenalloc_version", "glpk_version", "host", "start_time", "scenario", "inputs_sha256", "status",
            "exit_code", "solver_settings", "timings", "model",
        ])
        #expect(object["start_time"] as? String == "2022-03-31T08:15:00.250Z")
        let timings = try #require(object["timings"] as? [String: Any])
        #expect(timings["tiebreak"] is NSNull)
        #expect((timings["total"] as? NSNumber)?.doubleValue == 2.125)
        let model = try #require(object["model"] as? [String: Int])
        #expect(model == ["rows": 120, "columns": 80, "integer_columns": 40, "nonzeros": 900])
        let settings = try #require(object["solver_settings"] as? [String: Any])
        #expect(settings["force"] as? String == "false")
        #expect(settings["tiebreak"] as? Bool == true)
        #expect(settings["backend"] as? String == "glpk")
    }

    @Test(arguments: [
        (0.0, "1970-01-01T00:00:00.000Z"), (-0.5, "1969-12-31T23:59:59.500Z"), (951_782_400, "2000-02-29T00:00:00.000Z"),
        (1_735_689_599.999, "2024-12-31T23:59:59.999Z"),
    ])
    func isoTimeIsUTC(_ seconds: Double, _ expected: String) {
        #expect(RunJSON.isoTime(Date(timeIntervalSince1970: seconds)) == expected)
    }
}
