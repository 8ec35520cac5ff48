import Foundation
import Testing

@Suite struct RobustnessSectionTests {
    /// The fixture's scenario file with `text` appended.
    func appending(_ text: String, to fixture: ScenarioFixture) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: fixture.scenarioPath))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }

    @Test func theSectionGivesTheRangesAndTheOptionsOverrideIt() throws {
        let fixture = try Knapsack.mixed.fixture()
        let base = ["robustness", fixture.scenarioPath, "--format", "json", "--no-history"]
        let options = fixture.run(base + ["--weights", "a=0.5..2,b=±50%", "--samples", "12", "--seed", "5"])
        let otherSeed = fixture.run(base + ["--weights", "a=0.5..2,b=±50%", "--samples", "12", "--seed", "6"])
        let exact = fixture.run(base + ["--weights", "b=±50%"])
        #expect(options.code == 0 && otherSeed.code == 0 && exact.code == 0, "\(options.error)")
        #expect(options.out != otherSeed.out)
        // Without any range at all, the command says what to give.
        let none = fixture.run(base)
        #expect(none.code == 64 && none.error.contains("robustness: section"))

        try appending("robustness:\n  weights: {a: 0.5..2, b: ±50%}\n  samples: 12\n  seed: 5\n", to: fixture)
        #expect(fixture.run(base).out == options.out)
        #expect(fixture.run(base + ["--seed", "6"]).out == otherSeed.out)
        // --weights replaces the section's weights; --samples is still the section's 12, so sampled.
        let replaced = fixture.run(base + ["--weights", "b=±50%"])
        #expect(replaced.code == 0)
        #expect(replaced.out != exact.out && replaced.out.contains("\"sampled\""))
    }

    @Test(arguments: [
        ("robustness:\n  weights: {a: 2..x}\n", "robustness.weights.a", 2),
        ("robustness:\n  weights:\n    zz: ±10%\n", "robustness.weights.zz", 3),
        ("robustness:\n  budget: ±10%\n  sample: 3\n", "sample", 3),
        ("robustness:\n  budget: ±10%\n  seed: -1\n", "robustness.seed", 3),
    ])
    func aBadSectionIsAnInputErrorAtItsPlace(text: String, key: String, line: Int) throws {
        let fixture = try Knapsack.mixed.fixture()
        let lines = try String(contentsOfFile: fixture.scenarioPath, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let first = lines.last == "" ? lines.count - 1 : lines.count
        try appending(text, to: fixture)
        let result = fixture.run(["robustness", fixture.scenarioPath, "--no-history"])
        #expect(result.code == 65, "\(result.error)")
        #expect(result.error.contains(key), "\(result.error)")
        #expect(result.error.contains(":\(first + line):"), "\(result.error)")
    }
}
