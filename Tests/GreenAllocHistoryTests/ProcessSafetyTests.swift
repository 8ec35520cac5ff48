import Foundation
import GRDB
import GreenAllocHistory
import Testing

/// The history under real processes: killed runs and runs writing at the same moment.
@Suite struct ProcessSafetyTests {
    static func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = HistoryFixture.executable
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// `kill -9` at moments spread over runs: the history stays sound (`PRAGMA integrity_check`), every run
    /// in it is whole (its inputs and its allocation.json are there and match their hashes), and a run killed
    /// before its record was committed leaves none (the records are between the runs that finished and those
    /// started).
    @Test func killedRunsLeaveASoundHistory() throws {
        #expect(FileManager.default.isExecutableFile(atPath: HistoryFixture.executable.path), "build the executable: swift build")
        let fixture = try HistoryFixture()
        defer { fixture.folder.remove() }
        let arguments = ["solve", fixture.path("variant.yaml"), "--out", fixture.path("out"), "--history", fixture.history]
        let began = Date()
        let complete = try Self.start(arguments)
        complete.waitUntilExit()
        #expect(complete.terminationStatus == 0)
        let duration = Date().timeIntervalSince(began)
        var (finished, started) = (1, 1)
        for step in 0..<8 {
            let process = try Self.start(arguments)
            started += 1
            // The first kill comes at once (before the process has read its inputs), the others spread over a run.
            if step > 0 { usleep(UInt32(duration * (0.05 + 0.12 * Double(step)) * 1_000_000)) }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if process.terminationReason == .exit && process.terminationStatus == 0 { finished += 1 }
            let database = try HistoryDatabase(path: fixture.history, create: false)
            #expect(try database.integrityCheck() == ["ok"], "after the kill at step \(step)")
            let runs = try database.runs()
            #expect(runs.count >= finished && runs.count <= started, "step \(step): \(runs.count) runs, \(finished) finished")
            for run in runs {
                #expect(try database.inputs(of: run.id).count == 5)
                let allocation = try #require(try database.outputs(of: run.id).first { $0.path == "allocation.json" })
                #expect(!(try database.bytes(allocation.sha256)).isEmpty)
            }
        }
        // The first kill, at once, comes before any record is written, whatever the machine's load.
        #expect(try HistoryDatabase(path: fixture.history, create: false).runs().count < started)
    }

    /// Two processes recording in the same history at the same moment both succeed.
    @Test func twoProcessesRecordAtOnce() throws {
        let fixture = try HistoryFixture()
        defer { fixture.folder.remove() }
        let processes = try (0..<2).map { index in
            try Self.start(["solve", fixture.path(index == 0 ? "base.yaml" : "variant.yaml"), "--format", "json", "--history", fixture.history])
        }
        for process in processes { process.waitUntilExit() }
        #expect(processes.map(\.terminationStatus) == [0, 0])
        let database = try HistoryDatabase(path: fixture.history, create: false)
        #expect(Set(try database.runs().map(\.scenario)) == ["基础", "变体"])
        #expect(try database.integrityCheck() == ["ok"])
    }

    /// Run as the executable, with no history named: the nearest .greenalloc/history.sqlite above the scenario is
    /// used, else one is made in the scenario's folder; a damaged one found there only warns.
    @Test func theExecutableRecordsBesideTheScenarioByDefault() throws {
        let fixture = try HistoryFixture()
        defer { fixture.folder.remove() }
        let run = try Self.start(["solve", fixture.path("base.yaml"), "--format", "json"])
        run.waitUntilExit()
        #expect(run.terminationStatus == 0)
        let made = fixture.path(".greenalloc/history.sqlite")
        #expect(try HistoryDatabase(path: made, create: false).runs().count == 1)
        try Data("damaged\n".utf8).write(to: URL(fileURLWithPath: made))
        let warned = try Self.start(["solve", fixture.path("base.yaml"), "--format", "json"])
        warned.waitUntilExit()
        #expect(warned.terminationStatus == 0)
        #expect(FileManager.default.contents(atPath: made) == Data("damaged\n".utf8))
    }
}
