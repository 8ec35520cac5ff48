import Foundation
import GreenAllocCLI
import MILP
import Testing

/// Ctrl-C (SIGINT), SIGTERM and the watchdog: a run stops cleanly, exits 130 and leaves every output
/// directory as it was.
@Suite struct InterruptionTests {
    static func knapsack() throws -> HardeningFixture {
        try HardeningFixture(yaml: HardeningScenarios.knapsackYAML, projects: HardeningScenarios.knapsackProjects)
    }

    @Test func aRunInterruptedBeforeItStartsWritesNothing() throws {
        let fixture = try HardeningFixture()
        defer { fixture.remove() }
        let capture = Console.Capture()
        capture.interruption.cancel()
        let code = CommandLineRunner.run(["solve", fixture.scenarioPath, "--out", fixture.outPath], console: capture.console)
        #expect(code == 130)
        #expect(capture.out.isEmpty)
        #expect(capture.error.contains("interrupted"))
        #expect(!FileManager.default.fileExists(atPath: fixture.outPath))
        #expect(fixture.strayEntries.isEmpty)
    }

    /// Interrupted in the middle of a hard search: the earlier output stays byte for byte, nothing is printed
    /// to standard output, and no temporary directory is left.
    @Test func aRunInterruptedWhileSolvingLeavesTheEarlierOutput() throws {
        let fixture = try Self.knapsack()
        defer { fixture.remove() }
        let first = fixture.solveToOut(["--time-limit", "1", "--no-tiebreak"])
        #expect([0, 4].contains(first.code), "\(first.error)")
        let earlier = outputFiles(fixture.outPath)
        #expect(!earlier.isEmpty)

        let capture = Console.Capture()
        let flag = capture.interruption
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.5) { flag.cancel() }
        let code = CommandLineRunner.run(
            ["solve", fixture.scenarioPath, "--out", fixture.outPath, "--format", "json"], console: capture.console)
        #expect(code == 130, "\(capture.error)")
        #expect(capture.out.isEmpty)
        #expect(capture.error.contains("interrupted"))
        #expect(outputFiles(fixture.outPath) == earlier)
        #expect(fixture.strayEntries.isEmpty)
    }

    @Test func sweepsStopToo() throws {
        let fixture = try Self.knapsack()
        defer { fixture.remove() }
        let capture = Console.Capture()
        let flag = capture.interruption
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.5) { flag.cancel() }
        let code = CommandLineRunner.run(
            ["sweep", fixture.scenarioPath, "--fund", "f1", "--from", "0.5", "--to", "1.5", "--steps", "5", "--out", fixture.outPath],
            console: capture.console)
        #expect(code == 130, "\(capture.error)")
        #expect(capture.out.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: fixture.outPath))
        #expect(fixture.strayEntries.isEmpty)
    }

    // MARK: real signals, through the executable

    /// The `greenalloc` executable built beside the test bundle.
    static var executable: URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while directory.pathExtension == "xctest" || directory.lastPathComponent == "Contents"
            || directory.lastPathComponent == "MacOS"
        {
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent("greenalloc")
    }

    /// Starts `greenalloc solve` on the hard scenario, waits until it is solving, sends `signals`, and returns
    /// the exit status and standard error.
    static func signalled(_ fixture: HardeningFixture, _ signals: [Int32]) throws -> (status: Int32, error: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = ["solve", fixture.scenarioPath, "--out", fixture.outPath, "--no-tiebreak"]
        let errorPipe = Pipe()
        process.standardError = errorPipe
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // The run prints "solving …" before it builds the model; give it a moment to enter the search.
        var seen = Data()
        while !String(decoding: seen, as: UTF8.self).contains("solving") {
            let chunk = errorPipe.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen.append(chunk)
        }
        usleep(400_000)
        for number in signals {
            kill(process.processIdentifier, number)
            usleep(50_000)
        }
        let rest = errorPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: seen + rest, as: UTF8.self))
    }

    @Test(arguments: [[SIGINT], [SIGTERM], [SIGINT, SIGINT]])
    func aSignalStopsTheExecutableCleanly(_ signals: [Int32]) throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.executable.path), "build the executable: swift build")
        let fixture = try Self.knapsack()
        defer { fixture.remove() }
        try FileManager.default.createDirectory(atPath: fixture.outPath, withIntermediateDirectories: true)
        try Data("an earlier greenalloc output\n".utf8).write(to: URL(fileURLWithPath: fixture.outPath + "/.greenalloc-output"))
        try Data("{}\n".utf8).write(to: URL(fileURLWithPath: fixture.outPath + "/allocation.json"))
        let earlier = outputFiles(fixture.outPath)

        let (status, error) = try Self.signalled(fixture, signals)
        #expect(status == 130, "\(error)")
        #expect(error.contains("interrupted"), "\(error)")
        #expect(outputFiles(fixture.outPath) == earlier)
        #expect(fixture.strayEntries.isEmpty)
    }

    /// `kill -9` at moments spread over a whole run, the last ones inside the write: the output directory is
    /// always either the earlier output or the complete new one, never a mixture (run.json aside, which holds
    /// timings).
    @Test func aRunKilledAtAnyMomentLeavesEitherTheEarlierOrTheNewOutput() throws {
        let fixture = try HardeningFixture()
        defer { fixture.remove() }
        func stable(_ path: String) -> [String: Data] { outputFiles(path).filter { $0.key != "run.json" } }
        let arguments = ["solve", fixture.scenarioPath, "--out", fixture.outPath]

        let began = Date()
        let complete = Process()
        complete.executableURL = Self.executable
        complete.arguments = ["solve", fixture.scenarioPath, "--out", fixture.path("new")]
        complete.standardOutput = FileHandle.nullDevice
        complete.standardError = FileHandle.nullDevice
        try complete.run()
        complete.waitUntilExit()
        let duration = Date().timeIntervalSince(began)
        #expect(complete.terminationStatus == 0)
        let new = stable(fixture.path("new"))

        try fixture.fixture.write("scenario.yaml", HardeningBase.replacing("{2022: 100, 2023: 100}", with: "{2022: 50, 2023: 0}"))
        #expect(fixture.solveToOut().code == 0)
        let earlier = stable(fixture.outPath)
        #expect(earlier != new && !earlier.isEmpty)
        try fixture.fixture.write("scenario.yaml", HardeningBase.yaml)

        var outcomes: Set<String> = []
        for step in 0..<10 {
            let process = Process()
            process.executableURL = Self.executable
            process.arguments = arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32(duration * (0.3 + 0.08 * Double(step)) * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = stable(fixture.outPath)
            #expect(now == earlier || now == new, "kill at step \(step) left a mixture: \(now.keys.sorted())")
            outcomes.insert(now == new ? "new" : "earlier")
            if now == new {
                // Back to the earlier output for the next attempt.
                try fixture.fixture.write("scenario.yaml", HardeningBase.replacing("{2022: 100, 2023: 100}", with: "{2022: 50, 2023: 0}"))
                #expect(fixture.solveToOut().code == 0)
                try fixture.fixture.write("scenario.yaml", HardeningBase.yaml)
            }
        }
        // The next complete run clears whatever the killed ones left beside the output.
        #expect(fixture.solveToOut().code == 0)
        #expect(stable(fixture.outPath) == new)
        #expect(fixture.strayEntries.isEmpty, "\(fixture.strayEntries)")
    }
}
