public import Foundation

/// Why another program could not be run: its working files, or the start itself, failed.
public struct ProgramError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// One run of another program (CBC, Chromium): its output goes to a log file (a pipe could fill and block
/// it), and the caller waits while watching a deadline and a stop request.
public final class ProgramRun {
    public enum Ending: Equatable, Sendable {
        /// The program ended by itself with this exit status.
        case exited(Int32)
        /// `shouldStop` said so; the program was terminated.
        case cancelled
        /// The program ran past the deadline; it was terminated.
        case overran
    }

    private let process = Process()
    private let logFile: URL

    public init(executable: String, arguments: [String], logFile: URL) {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        self.logFile = logFile
    }

    /// Starts the program and waits for it, polling every 20 ms; terminates it (SIGTERM, then SIGKILL after a
    /// second) when `shouldStop` returns true or `deadline` passes.
    public func run(until deadline: ContinuousClock.Instant?, shouldStop: () -> Bool = { false }) throws -> Ending {
        let name = process.executableURL?.path ?? "the program"
        guard FileManager.default.createFile(atPath: logFile.path, contents: nil) else {
            throw ProgramError("cannot create the log file \(logFile.path) for \(name)")
        }
        let output = try FileHandle(forWritingTo: logFile)
        defer { try? output.close() }
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw ProgramError("\(name) could not be started: \(error.localizedDescription)")
        }
        while process.isRunning {
            if shouldStop() {
                stop()
                return .cancelled
            }
            if let deadline, ContinuousClock.now >= deadline {
                stop()
                return .overran
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return .exited(process.terminationStatus)
    }

    /// Everything the program printed (empty when nothing could be read).
    public func log() -> String {
        (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
    }

    /// SIGTERM, and SIGKILL for a child still running a second later; returns once it has ended.
    private func stop() {
        process.terminate()
        let patience = ContinuousClock.now + .seconds(1)
        while process.isRunning, ContinuousClock.now < patience { Thread.sleep(forTimeInterval: 0.01) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// A fresh private directory (mode 700) for one run's files, named `greenalloc-<purpose>-<uuid>`.
    public static func temporaryDirectory(purpose: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("greenalloc-\(purpose)-\(UUID().uuidString)", isDirectory: true)
        do {
            try FileManager.default.createDirectory(
                at: directory, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        } catch {
            throw ProgramError("cannot create a working directory for \(purpose): \(error.localizedDescription)")
        }
        return directory
    }

    /// Runs a short command (e.g. `cbc -quit`) to its end, at most `seconds`, and returns what it printed.
    public static func output(of executable: String, arguments: [String], seconds: Int = 10) throws -> String {
        let directory = try temporaryDirectory(purpose: "run")
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = ProgramRun(executable: executable, arguments: arguments, logFile: directory.appendingPathComponent("out.txt"))
        _ = try run.run(until: ContinuousClock.now + .seconds(seconds))
        return run.log()
    }

    /// The first executable file called `name` in the directories of `PATH` (`/usr/bin:/bin` when unset);
    /// nil when there is none.
    public static func find(_ name: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let path = environment["PATH"].flatMap { $0.isEmpty ? nil : $0 } ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { String($0) + "/" + name }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
