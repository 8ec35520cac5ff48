import Foundation
import GreenAllocCLI
import Testing

/// What `validate` prints for the bundled baseline: a golden file (re-record on purpose with
/// GREENALLOC_RECORD=1).
@Suite struct ValidateGoldenTests {
    @Test func baselineSummary() throws {
        let root = BundledScenarioTests.root.path + "/"
        let capture = Console.Capture()
        let code = CommandLineRunner.run(["validate", root + "Scenarios/shandong/baseline-2022.yaml"], console: capture.console)
        #expect(code == 0)
        let text = (capture.out + "--- standard error ---\n" + capture.error).replacingOccurrences(of: root, with: "")
        let url = BundledScenarioTests.root.appendingPathComponent("Tests/GreenAllocCLITests/Fixtures/validate-baseline.txt")
        if ProcessInfo.processInfo.environment["GREENALLOC_RECORD"] == "1" {
            try Data(text.utf8).write(to: url)
            Issue.record("recorded validate-baseline.txt; run again without GREENALLOC_RECORD to compare")
        }
        let golden = try String(contentsOf: url, encoding: .utf8)
        #expect(text == golden)
    }
}
