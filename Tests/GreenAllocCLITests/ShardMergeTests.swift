import Foundation
import Testing

@Suite struct ShardMergeTests {
    /// Runs the built `greenalloc` as a process of its own.
    func process(_ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = InterruptionTests.executable
        process.arguments = arguments + (arguments.first == "merge" ? [] : ["--no-history"])
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    func files(_ directory: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) where name != "run.json" && !name.hasPrefix(".") {
            files[name] = try Data(contentsOf: URL(fileURLWithPath: directory).appendingPathComponent(name))
        }
        return files
    }

    @Test func slicesRunAsProcessesMergeIntoTheBytesOfOneRun() throws {
        let fixture = try Knapsack.mixed.fixture()
        let common = ["robustness", fixture.scenarioPath, "--weights", "a=0.5..2,b=±50%", "--samples", "10", "--seed", "5", "--compare-seed", "6"]
        let single = fixture.path("single")
        #expect(try process(common + ["--out", single]) == 0)
        var slices: [String] = []
        for shard in 1...3 {
            let directory = fixture.path("slice\(shard)")
            #expect(try process(common + ["--shard", "\(shard)/3", "--out", directory]) == 0)
            slices.append(directory)
        }
        let merged = fixture.path("merged")
        #expect(try process(["merge"] + slices.reversed() + ["--out", merged]) == 0)
        let expected = try files(single)
        #expect(expected.keys.sorted() == ["robustness.csv", "robustness.en.md", "robustness.en.svg", "robustness.json", "robustness.md", "robustness.svg", "robustness.xlsx"])
        #expect(try files(merged) == expected)
        // A missing slice is an input error, and nothing is written.
        let incomplete = fixture.path("incomplete")
        #expect(try process(["merge", slices[0], slices[2], "--out", incomplete]) == 65)
        #expect(!FileManager.default.fileExists(atPath: incomplete))
    }

    @Test func unreadableOrForeignSlicesAreInputErrors() throws {
        let fixture = try Knapsack.mixed.fixture()
        let directory = fixture.path("slices")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for text in ["not json", #"{"format": "greenalloc-robustness-slice-1"}"#] {
            try Data(text.utf8).write(to: URL(fileURLWithPath: directory).appendingPathComponent("robustness.slice-1-of-1.json"))
            let result = fixture.run(["merge", directory, "--out", fixture.path("merged")])
            #expect(result.code == 65, "\(text): \(result.error)")
            #expect(result.error.contains("robustness.slice-1-of-1.json:1:1"))
            #expect(!FileManager.default.fileExists(atPath: fixture.path("merged")))
        }
    }
}
