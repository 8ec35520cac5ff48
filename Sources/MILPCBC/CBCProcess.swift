import Foundation
import MILP

/// One run of the `cbc` program: its output goes to a log file (a pipe could fill and block it), and the
/// caller waits while watching a deadline and a cancellation flag.
final class CBCProcess {
    enum Ending: Equatable {
        /// CBC ended by itself with this exit status.
        case exited(Int32)
        /// The cancellation flag was set; CBC was terminated.
        case cancelled
        /// CBC ran past the deadline; it was terminated.
        case overran
    }

    private let process = Process()
    private let logFile: URL

    init(executable: String, arguments: [String], logFile: URL) {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        self.logFile = logFile
    }

    /// Starts CBC and waits for it, polling every 20 ms; terminates it (SIGTERM, then SIGKILL after a second)
    /// when `cancellation` is set or `deadline` passes.
    func run(until deadline: ContinuousClock.Instant?, cancellation: CancellationFlag?) throws -> Ending {
        guard FileManager.default.createFile(atPath: logFile.path, contents: nil) else {
            throw SolverError("cannot create CBC's log file \(logFile.path)")
        }
        let output = try FileHandle(forWritingTo: logFile)
        defer { try? output.close() }
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw SolverError("CBC (\(process.executableURL?.path ?? "cbc")) could not be started: \(error.localizedDescription)")
        }
        while process.isRunning {
            if cancellation?.isCancelled == true {
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

    /// Everything CBC printed (empty when nothing could be read).
    func log() -> String {
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

    /// A fresh private directory for one solve's files.
    static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("greenalloc-cbc-\(UUID().uuidString)", isDirectory: true)
        do {
            try FileManager.default.createDirectory(
                at: directory, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        } catch {
            throw SolverError("cannot create a working directory for CBC: \(error.localizedDescription)")
        }
        return directory
    }

    /// Runs a short command (e.g. `cbc -quit`) to its end and returns what it printed.
    static func output(of executable: String, arguments: [String]) throws -> String {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = CBCProcess(executable: executable, arguments: arguments, logFile: directory.appendingPathComponent("out.txt"))
        _ = try run.run(until: ContinuousClock.now + .seconds(10), cancellation: nil)
        return run.log()
    }
}
