import Foundation
import Testing

@Suite struct SweepShardTests {
    static let arguments = SweepPageTests.arguments

    @Test func sweepSlicesRunAsProcessesMergeIntoTheBytesOfOneIndependentRun() throws {
        let shards = ShardMergeTests()
        let fixture = try SweepPageTests.fixture()
        let common = ["sweep", fixture.scenarioPath] + Self.arguments
        let single = fixture.path("single")
        #expect(try shards.process(common + ["--independent", "--out", single]) == 0)
        var slices: [String] = []
        for shard in 1...3 {
            let directory = fixture.path("slice\(shard)")
            #expect(try shards.process(common + ["--shard", "\(shard)/3", "--out", directory]) == 0)
            #expect(try shards.files(directory).keys.sorted() == ["sweep.slice-\(shard)-of-3.json"])
            slices.append(directory)
        }
        let merged = fixture.path("merged")
        #expect(try shards.process(["merge"] + slices.reversed() + ["--out", merged]) == 0)
        let expected = try shards.files(single)
        #expect(expected.keys.sorted() == ["sweep.csv", "sweep.en.html", "sweep.en.md", "sweep.html", "sweep.md", "sweep.svg", "sweep.xlsx"])
        #expect(try shards.files(merged) == expected)
        // The independent points are full runs with the tie rule: the same optima as the bisecting sweep.
        let csvData = try #require(expected["sweep.csv"])
        let csv = String(decoding: csvData, as: UTF8.self)
        let bisected = fixture.run(common + ["--no-history"])
        #expect(bisected.code == 0)
        let objectives = { (text: String) in
            text.split(separator: "\n").dropFirst().map { Double($0.split(separator: ",", omittingEmptySubsequences: false)[2]) ?? -1 }
        }
        let independent = objectives(csv)
        let others = objectives(bisected.out)
        #expect(independent.count == 8 && others.count == 8)
        for (one, other) in zip(independent, others) { #expect(abs(one - other) <= 1e-6 * max(1, abs(one))) }

        // A missing slice, or one of another sweep, is an input error, and nothing is written.
        let refused = fixture.path("refused")
        #expect(try shards.process(["merge", slices[0], slices[2], "--out", refused]) == 65)
        let foreign = fixture.path("foreign")
        let other = ["sweep", fixture.scenarioPath, "--fund", "f1", "--from", "0.25", "--to", "1.5", "--steps", "8", "--shard", "2/3", "--out", foreign]
        #expect(try shards.process(other) == 0)
        #expect(try shards.process(["merge", slices[0], foreign, slices[2], "--out", refused]) == 65)
        #expect(!FileManager.default.fileExists(atPath: refused))
    }

    @Test func shardingRefusesWhatCannotBeSplit() throws {
        let fixture = try SweepPageTests.fixture()
        let common = ["sweep", fixture.scenarioPath] + Self.arguments + ["--no-history"]
        let monotone = fixture.run(common + ["--shard", "1/2", "--out", fixture.path("m"), "--monotone"])
        #expect(monotone.code == 64)
        #expect(monotone.error.contains("--monotone"))
        #expect(fixture.run(common + ["--shard", "1/2"]).code == 64)
        #expect(fixture.run(common + ["--shard", "3/2", "--out", fixture.path("x")]).code == 64)
        #expect(!FileManager.default.fileExists(atPath: fixture.path("m")))
    }
}
