import Foundation
import GreenAllocHistory
import Testing

@Suite struct RecordingTests {
    /// A solve records its scenario files (the extends chain), its tables, its settings and its outputs; `show`
    /// writes the same bytes again from the history alone, and `replay` reproduces them.
    @Test func aSolveIsRecordedShownAndReplayed() throws {
        let fixture = try HistoryFixture()
        defer { fixture.folder.remove() }
        let solved = fixture.run(["solve", fixture.path("variant.yaml"), "--out", fixture.path("out"), "--history", fixture.history])
        #expect(solved.code == 0, "\(solved.error)")
        #expect(solved.error.contains("recorded as run 1"))
        let database = try HistoryDatabase(path: fixture.history, create: false)
        let run = try database.run(1)
        #expect(run.command == "solve" && run.scenario == "变体" && run.status == "optimal" && run.objective != nil)
        #expect(run.arguments == ["solve", fixture.path("variant.yaml"), "--out", fixture.path("out"), "--history", fixture.history])
        #expect(run.mergedScenario.contains("\"scenario\":\"变体\"") && run.settings.contains("\"mip_gap\""))
        let inputs = try database.inputs(of: 1)
        #expect(inputs.map(\.role) == ["scenario", "scenario", "table", "table", "table"])
        #expect(inputs.map { ($0.path as NSString).lastPathComponent } == ["base.yaml", "variant.yaml", "cities.csv", "parks.csv", "projects.csv"])
        #expect(try database.bytes(inputs[4].sha256) == Data(HistoryFixture.projects.utf8))
        let outputs = try database.outputs(of: 1)
        let allocation = try #require(outputs.first { $0.path == "allocation.json" })
        #expect(allocation.stored && !outputs.contains { $0.path == "run.json" })
        #expect(try database.bytes(allocation.sha256) == FileManager.default.contents(atPath: fixture.path("out/allocation.json")))

        let shown = fixture.run(["show", "1", "--out", fixture.path("shown"), "--history", fixture.history])
        #expect(shown.code == 0, "\(shown.error)")
        let original = HistoryFixture.files(fixture.path("out"))
        let again = HistoryFixture.files(fixture.path("shown"))
        #expect(original.count > 3 && again == original, "\(original.keys.sorted()) \(again.keys.sorted()) \(original.keys.filter { again[$0] != original[$0] })")

        let replayed = fixture.run(["replay", "1", "--history", fixture.history])
        #expect(replayed.code == 0, "\(replayed.out) \(replayed.error)")
        #expect(replayed.out.hasPrefix("run 1 reproduced: \(outputs.count) documents byte-identical"))
        #expect(try database.runs().count == 1)
    }

    /// Every command that solves records its run, and each replays byte for byte.
    @Test(arguments: [
        ["compare", "base.yaml", "variant.yaml", "--format", "json"],
        ["sweep", "base.yaml", "--fund", "f1", "--from", "0.5", "--to", "1", "--steps", "3", "--format", "csv"],
        ["target", "base.yaml", "--target", "t", "--fund", "f1"],
        ["explain", "base.yaml", "--format", "json", "--out", "explained"],
        ["solve", "base.yaml", "--format", "md", "--lang", "en"],
    ])
    func everyCommandIsRecordedAndReplays(_ arguments: [String]) throws {
        let fixture = try HistoryFixture()
        defer { fixture.folder.remove() }
        if arguments[0] == "target" {
            try fixture.write("base.yaml", HistoryFixture.base + "targets:\n  - name: t\n    metric: benefit\n    min: 200\n    penalty: 1\n")
        }
        let mapped = arguments.map { $0.hasSuffix(".yaml") || $0 == "explained" ? fixture.path($0) : $0 }
        let ran = fixture.run(mapped + ["--history", fixture.history])
        #expect([0, 3].contains(ran.code), "\(ran.error)")
        let database = try HistoryDatabase(path: fixture.history, create: false)
        let run = try #require(try database.runs().first)
        #expect(run.command == arguments[0] && run.exitCode == ran.code)
        let printed = try #require(try database.outputs(of: run.id).first { $0.path == "stdout" })
        #expect(try database.bytes(printed.sha256) == Data(ran.out.utf8))
        let shown = fixture.run(["show", String(run.id), "--history", fixture.history])
        #expect(shown.out == ran.out)
        let replayed = fixture.run(["replay", String(run.id), "--history", fixture.history])
        #expect(replayed.code == 0, "\(replayed.out) \(replayed.error)")
    }

    /// In-process runs record only where --history names; --no-history records nothing.
    @Test func withoutANamedHistoryNothingIsWrittenBesideTheScenario() throws {
        let fixture = try HistoryFixture()
        defer { fixture.folder.remove() }
        #expect(fixture.run(["solve", fixture.path("base.yaml"), "--format", "json"]).code == 0)
        #expect(fixture.run(["solve", fixture.path("base.yaml"), "--no-history", "--format", "json"]).code == 0)
        #expect(!FileManager.default.fileExists(atPath: fixture.path(".greenalloc")))
        let both = fixture.run(["solve", fixture.path("base.yaml"), "--no-history", "--history", fixture.history])
        #expect(both.code == 64 && both.error.contains("exclude each other"))
    }

    /// A named history that cannot be written: exit 1 (65 when the file is not a history), the outputs written.
    @Test func aNamedHistoryThatCannotBeWrittenFailsTheRunButKeepsItsOutputs() throws {
        let fixture = try HistoryFixture()
        defer { fixture.folder.remove() }
        try fixture.write("not-a-history", "plain text\n")
        let corrupt = fixture.run(["solve", fixture.path("base.yaml"), "--out", fixture.path("a"), "--history", fixture.path("not-a-history")])
        #expect(corrupt.code == 65 && corrupt.error.contains("not a readable greenalloc history"), "\(corrupt.error)")
        #expect(FileManager.default.contents(atPath: fixture.path("not-a-history")) == Data("plain text\n".utf8))
        #expect(FileManager.default.fileExists(atPath: fixture.path("a/allocation.json")))
        try fixture.write("blocker", "a file where a folder should be\n")
        let unwritable = fixture.run(["solve", fixture.path("base.yaml"), "--out", fixture.path("b"), "--history", fixture.path("blocker/h.sqlite")])
        #expect(unwritable.code == 1 && unwritable.error.contains("cannot write the history"), "\(unwritable.error)")
        #expect(FileManager.default.fileExists(atPath: fixture.path("b/allocation.json")))
    }
}
